# Alert mails now go through the portal's outbox: deliveries still owed are queued there,
# and the delivery's own claim column goes.

from django.db import migrations

NEW_CALL = "alerts.new_call"


def queue_what_was_owed(apps, schema_editor):
    AlertDelivery = apps.get_model("alerts", "AlertDelivery")
    OutgoingMail = apps.get_model("mail", "OutgoingMail")
    owed = AlertDelivery.objects.filter(sent_at__isnull=True)
    OutgoingMail.objects.bulk_create(
        OutgoingMail(kind=NEW_CALL, object_id=pk, recipient=email)
        for pk, email in owed.values_list("pk", "subscription__email")
    )


def forget_queued(apps, schema_editor):
    apps.get_model("mail", "OutgoingMail").objects.filter(kind=NEW_CALL).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0001_initial'),
        ('mail', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(queue_what_was_owed, forget_queued),
        migrations.RemoveField(model_name='alertdelivery', name='claimed_at'),
    ]
