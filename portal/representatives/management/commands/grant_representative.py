"""Give an authority's representative a Wagtail account limited to its fiche and calls.

    manage.py grant_representative <fiche id or slug> <email> [--name "First Last"]
        [--language en] [--send]

Prints the login and a link to choose a password; with --send, mails that invitation.
Running it twice reuses the account and the fiche's group.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from portal.mail.outbox import send_now
from portal.representatives.accounts import find_fiche, grant_representative
from portal.representatives.emails import password_reset_link, queue_invitation


class Command(BaseCommand):
    help = "Give an authority's representative an account limited to its fiche and calls."

    def add_arguments(self, parser):
        parser.add_argument("fiche", help="id or slug of the fiche (default language)")
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="the representative's full name")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="the representative's language (default: the fiche's)",
        )
        parser.add_argument("--send", action="store_true", help="mail the invitation")

    def handle(self, *args, fiche, email, name, send, language=None, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(_("Invalid email address: %(email)s") % {"email": email}) from error
        page = find_fiche(fiche)
        if page is None:
            raise CommandError(_("No fiche with id or slug “%(ref)s”.") % {"ref": fiche})
        user, created = grant_representative(page, email, name, language)
        message = _("Account created") if created else _("Existing account")
        self.stdout.write(f"{message}: {user.get_username()} → {page.title}")
        if send:
            with transaction.atomic():
                queued = queue_invitation(user, page)
            # Not a request: the invitation may leave now (else send_pending_mail retries it).
            if send_now(queued):
                self.stdout.write(_("Invitation sent to %(email)s.") % {"email": user.email})
            else:
                self.stdout.write(
                    _("Invitation queued for %(email)s: send_pending_mail will send it.")
                    % {"email": user.email}
                )
        else:
            self.stdout.write(_("Password link: %(link)s") % {"link": password_reset_link(user)})
