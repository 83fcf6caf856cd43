# The emails of expressions now go through the portal's outbox: what was still owed is
# queued there, and the expression's own claim column goes.

from django.db import migrations

TO_CONTACT = "interest.contact"
ACKNOWLEDGEMENT = "interest.acknowledgement"


def queue_what_was_owed(apps, schema_editor):
    InterestExpression = apps.get_model("interest", "InterestExpression")
    OutgoingMail = apps.get_model("mail", "OutgoingMail")
    owed = InterestExpression.objects.exclude(mail_status="sent")
    rows = []
    for pk, email, contact_sent, acknowledged in owed.values_list(
        "pk", "email", "contact_notified_at", "acknowledged_at"
    ):
        if contact_sent is None:
            rows.append(OutgoingMail(kind=TO_CONTACT, object_id=pk))
        if acknowledged is None:
            rows.append(OutgoingMail(kind=ACKNOWLEDGEMENT, object_id=pk, recipient=email))
    OutgoingMail.objects.bulk_create(rows)
    owed.filter(mail_status="sending").update(mail_status="pending")


def forget_queued(apps, schema_editor):
    OutgoingMail = apps.get_model("mail", "OutgoingMail")
    OutgoingMail.objects.filter(kind__in=[TO_CONTACT, ACKNOWLEDGEMENT]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('interest', '0001_initial'),
        ('mail', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(queue_what_was_owed, forget_queued),
        migrations.RemoveField(model_name='interestexpression', name='mail_claimed_at'),
    ]
