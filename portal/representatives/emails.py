"""The invitation mailed to a new representative: their login and a link to choose a
password. Queued in the portal's outbox and built when it leaves (the link is made then)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from cms.models import AuthorityPage
from portal.mail import outbox

INVITATION = "representatives.invitation"


def password_reset_link(user):
    """The admin's "choose a new password" link, valid until the password changes."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def recipient_language(user, fallback=None):
    """The language ``user`` reads: their account's, else ``fallback`` (the invitation's)."""
    profile = UserProfile.objects.filter(user=user).first()
    return (profile and profile.preferred_language) or fallback or settings.LANGUAGE_CODE


def invitation(user, fiche, language=None):
    with translation.override(recipient_language(user, language)):
        subject = _("Your access to keep the fiche “%(title)s” up to date") % {"title": fiche.title}
        body = _(
            "Hello,\n\n"
            "You can now update the fiche “%(title)s” on the decentralised cooperation "
            "partnership exchange, and its partnership calls. Your changes are published once "
            "a ministry moderator approves them.\n\n"
            "Your login: %(login)s\n"
            "Choose your password here: %(link)s\n"
        ) % {"title": fiche.title, "login": user.get_username(), "link": password_reset_link(user)}
    return EmailMessage(subject, body, to=[user.email])


def queue_invitation(user, fiche):
    """Owe the invitation (in the caller's transaction), in the representative's language
    (their account's, set when access was granted), never the sender's."""
    return outbox.enqueue(
        INVITATION, fiche.pk, user.email, user=user.pk, language=recipient_language(user)
    )


def _build_invitation(row):
    user = get_user_model().objects.filter(pk=row.params.get("user")).first()
    fiche = AuthorityPage.objects.filter(pk=row.object_id).first()
    if user is None or fiche is None:
        return None
    return invitation(user, fiche, row.params.get("language"))


def register_mail():
    outbox.register(outbox.MailKind(INVITATION, _build_invitation))
