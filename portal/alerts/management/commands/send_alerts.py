"""Kept for existing cron lines: the same as ``send_pending_mail`` (every mail, alerts
included, goes through one outbox), which also forgets addresses never confirmed."""

from portal.mail.management.commands.send_pending_mail import Command as SendPendingMail


class Command(SendPendingMail):
    help = "Alias of send_pending_mail: send every pending email, alerts included."
