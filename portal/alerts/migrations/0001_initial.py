# Alert subscriptions and deliveries, taken over from cms (cms.0004 forgot them) with their
# tables cms_alertsubscription(_themes) and cms_alertdelivery: nothing changes in the
# database but the content types' app.

import django.db.models.deletion
import django_countries.fields
from django.db import migrations, models

import cms.models.taxonomy
import portal.alerts.models
from portal.migrating import move_content_types

forwards, backwards = move_content_types(
    "cms", "alerts", ["alertsubscription", "alertdelivery"]
)


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
                    name='AlertSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, verbose_name='email')),
                        ('language', models.CharField(max_length=8, verbose_name='language')),
                        ('countries', django_countries.fields.CountryField(blank=True, max_length=746, multiple=True, verbose_name='countries')),
                        ('direction', models.CharField(blank=True, choices=[('offer', 'Offer'), ('request', 'Request')], help_text='Blank: offers and requests.', max_length=16, verbose_name='direction')),
                        ('token', models.CharField(default=portal.alerts.models.new_token, editable=False, max_length=64, unique=True)),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed')),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created')),
                        ('themes', models.ManyToManyField(blank=True, limit_choices_to=cms.models.taxonomy.in_default_locale, related_name='alert_subscriptions', to='cms.theme', verbose_name='themes')),
                    ],
                    options={
                        'db_table': 'cms_alertsubscription',
                        'verbose_name': 'alert subscription',
                        'verbose_name_plural': 'alert subscriptions',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='AlertDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('call_key', models.UUIDField(verbose_name="call's translation key")),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('claimed_at', models.DateTimeField(editable=False, null=True)),
                        ('sent_at', models.DateTimeField(null=True, verbose_name='sent')),
                        ('error', models.TextField(blank=True, verbose_name='last email error')),
                        ('call', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cms.partnershipcallpage')),
                        ('subscription', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='alerts.alertsubscription')),
                    ],
                    options={
                        'db_table': 'cms_alertdelivery',
                        'verbose_name': 'alert delivery',
                        'verbose_name_plural': 'alert deliveries',
                        'indexes': [models.Index(fields=['sent_at'], name='alert_delivery_sent')],
                        'constraints': [models.UniqueConstraint(fields=('subscription', 'call_key'), name='unique_alert_per_call')],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
