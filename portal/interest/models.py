"""Manifestations d'intérêt: messages from interested authorities about a partnership call.

An expression is personal data (a person's name, email and message): it lives in the
database and in the moderators' admin only. It is not a page, not a snippet, not indexed
for search, and no GraphQL type, feed or export reads this model.

Its two emails (to the call's contact, and the acknowledgement to the sender) go through
the portal's outbox (``portal.mail``); ``mail_status`` and the two dates mirror, for the
moderators, where they stand. The table kept the name it had in the ``cms`` app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.models import AuthorityKind, AuthorityPage, PartnershipCallPage

MESSAGE_MAX_LENGTH = 5000


class InterestStatus(models.TextChoices):
    """Where the moderators' follow-up of an expression stands."""

    NEW = "new", _("New")
    FORWARDED = "forwarded", _("Forwarded")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")
    DECLINED = "declined", _("Declined")


class MailStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    # No longer set (the outbox claims each mail), kept for rows written before it.
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    UNSENT = "unsent", _("Not sent (will be retried)")


class InterestExpression(models.Model):
    """A message from an interested authority about one partnership call."""

    call = models.ForeignKey(
        PartnershipCallPage,
        verbose_name=_("partnership call"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interest_expressions",
    )
    # The call's author, kept for filtering, and the title as the visitor saw it: both
    # survive the call's deletion.
    authority = models.ForeignKey(
        AuthorityPage,
        verbose_name=_("authority of the call"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interest_expressions",
    )
    call_title = models.CharField(_("call title"), max_length=255)
    language = models.CharField(_("visitor's language"), max_length=8)

    # The interested authority, as the visitor describes it.
    interested_authority = models.CharField(_("interested authority"), max_length=200)
    interested_country = CountryField(_("country of the interested authority"))
    interested_kind = models.CharField(
        _("kind of the interested authority"), max_length=32, choices=AuthorityKind.choices
    )
    contact_name = models.CharField(_("contact's name"), max_length=150)
    contact_role = models.CharField(_("contact's role"), max_length=150)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    consent = models.BooleanField(
        _("consent to pass the details on"),
        default=False,
        help_text=_("The sender agreed that their details are passed to the call's author."),
    )

    status = models.CharField(
        _("status"), max_length=32, choices=InterestStatus.choices, default=InterestStatus.NEW
    )
    moderator_notes = models.TextField(_("moderators' notes"), blank=True)

    mail_status = models.CharField(
        _("email status"), max_length=16, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    mail_error = models.TextField(_("last email error"), blank=True)
    notified_to = models.EmailField(_("forwarded to"), blank=True)
    contact_notified_at = models.DateTimeField(_("call's contact notified"), null=True)
    acknowledged_at = models.DateTimeField(_("sender acknowledged"), null=True)

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        db_table = "cms_interestexpression"
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["mail_status"], name="interest_mail_status")]

    def __str__(self):
        return f"{self.interested_authority} → {self.call_title}"
