# Expressions of interest, taken over from cms (cms.0004 forgot them) with their table
# cms_interestexpression: nothing changes in the database but the content type's app.

import django.db.models.deletion
import django_countries.fields
from django.db import migrations, models

from portal.migrating import move_content_types

forwards, backwards = move_content_types("cms", "interest", ["interestexpression"])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cms', '0004_features_move_to_portal'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='InterestExpression',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('call_title', models.CharField(max_length=255, verbose_name='call title')),
                        ('language', models.CharField(max_length=8, verbose_name="visitor's language")),
                        ('interested_authority', models.CharField(max_length=200, verbose_name='interested authority')),
                        ('interested_country', django_countries.fields.CountryField(max_length=2, verbose_name='country of the interested authority')),
                        ('interested_kind', models.CharField(choices=[('municipality', 'Municipality'), ('intercommunality', 'Intercommunality'), ('department', 'Department'), ('region', 'Region'), ('province', 'Province'), ('federated_state', 'Federated state'), ('district', 'District'), ('other', 'Other local authority')], max_length=32, verbose_name='kind of the interested authority')),
                        ('contact_name', models.CharField(max_length=150, verbose_name="contact's name")),
                        ('contact_role', models.CharField(max_length=150, verbose_name="contact's role")),
                        ('email', models.EmailField(max_length=254, verbose_name='email')),
                        ('message', models.TextField(max_length=5000, verbose_name='message')),
                        ('consent', models.BooleanField(default=False, help_text="The sender agreed that their details are passed to the call's author.", verbose_name='consent to pass the details on')),
                        ('status', models.CharField(choices=[('new', 'New'), ('forwarded', 'Forwarded'), ('in_discussion', 'In discussion'), ('agreement_signed', 'Agreement signed'), ('declined', 'Declined')], default='new', max_length=32, verbose_name='status')),
                        ('moderator_notes', models.TextField(blank=True, verbose_name="moderators' notes")),
                        ('mail_status', models.CharField(choices=[('pending', 'Pending'), ('sending', 'Sending'), ('sent', 'Sent'), ('unsent', 'Not sent (will be retried)')], default='pending', max_length=16, verbose_name='email status')),
                        ('mail_error', models.TextField(blank=True, verbose_name='last email error')),
                        ('mail_claimed_at', models.DateTimeField(editable=False, null=True)),
                        ('notified_to', models.EmailField(blank=True, max_length=254, verbose_name='forwarded to')),
                        ('contact_notified_at', models.DateTimeField(null=True, verbose_name="call's contact notified")),
                        ('acknowledged_at', models.DateTimeField(null=True, verbose_name='sender acknowledged')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('authority', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='interest_expressions', to='cms.authoritypage', verbose_name='authority of the call')),
                        ('call', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='interest_expressions', to='cms.partnershipcallpage', verbose_name='partnership call')),
                    ],
                    options={
                        'db_table': 'cms_interestexpression',
                        'verbose_name': 'expression of interest',
                        'verbose_name_plural': 'expressions of interest',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['mail_status'], name='interest_mail_status')],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
