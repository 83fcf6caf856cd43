# The outbox: one row per email owed (portal.mail.models).

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='OutgoingMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=64, verbose_name='kind')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='object')),
                ('params', models.JSONField(blank=True, default=dict, verbose_name='parameters')),
                ('recipient', models.EmailField(blank=True, max_length=254, verbose_name='recipient')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='queued')),
                ('claimed_at', models.DateTimeField(editable=False, null=True)),
                ('attempts', models.PositiveIntegerField(default=0, verbose_name='attempts')),
                ('sent_at', models.DateTimeField(null=True, verbose_name='sent')),
                ('error', models.TextField(blank=True, verbose_name='last error')),
            ],
            options={
                'verbose_name': 'outgoing mail',
                'verbose_name_plural': 'outgoing mail',
                'ordering': ['pk'],
                'indexes': [models.Index(fields=['sent_at'], name='mail_unsent'), models.Index(fields=['kind', 'object_id'], name='mail_object')],
            },
        ),
    ]
