"""Alertes: visitors subscribed by email to new partnership calls matching their choice.

A subscription is personal data (an email address): it lives in the database and in the
staff's admin listing only. No page, GraphQL type, feed, export or search index reads it.

Double opt-in: a subscription receives nothing until its ``confirmed_at`` is set by the link
mailed to the address. The same secret token confirms and unsubscribes, so every mail can
carry a link that works without an account. Unsubscribing deletes the row.

Each subscriber receives each call once: an ``AlertDelivery`` per (subscription, call's
``translation_key``) is unique, so a republication or a translation adds nothing. Its mail,
like the confirmation's, goes through the portal's outbox (``portal.mail``). The tables
kept the names they had in the ``cms`` app.
"""

import datetime
import secrets

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.models import CallDirection, PartnershipCallPage, Theme
from cms.models.taxonomy import in_default_locale

# An address never confirmed is forgotten after this long.
UNCONFIRMED_LIFETIME = datetime.timedelta(days=7)


def new_token():
    return secrets.token_urlsafe(32)


class AlertSubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired_unconfirmed(self, now=None):
        now = now or timezone.now()
        return self.filter(confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_LIFETIME)


class AlertSubscription(models.Model):
    """An email address that wants new calls about some themes, countries and direction."""

    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8)
    # Empty themes or countries mean "any".
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        related_name="alert_subscriptions",
        blank=True,
        limit_choices_to=in_default_locale,
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=16,
        choices=CallDirection.choices,
        blank=True,
        help_text=_("Blank: offers and requests."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    objects = AlertSubscriptionQuerySet.as_manager()

    class Meta:
        db_table = "cms_alertsubscription"
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.email

    @property
    @admin.display(description=_("countries"))
    def country_names(self):
        """For the staff's listing (a multiple CountryField has no get_FOO_display)."""
        return ", ".join(country.name for country in self.countries)

    def matches(self, call, call_countries, call_theme_ids):
        """Whether ``call`` is what this subscription asked for (themes prefetched)."""
        if self.direction and self.direction != call.direction:
            return False
        if self.countries and not set(self.countries) & call_countries:
            return False
        wanted_themes = {theme.pk for theme in self.themes.all()}
        return not wanted_themes or bool(wanted_themes & call_theme_ids)


class AlertDelivery(models.Model):
    """One call for one subscriber: created pending on publication, stamped once mailed."""

    subscription = models.ForeignKey(
        AlertSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    # The call in every language: a translation's publication finds the row already there.
    call_key = models.UUIDField(_("call's translation key"))
    call = models.ForeignKey(
        PartnershipCallPage, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True)
    error = models.TextField(_("last email error"), blank=True)

    class Meta:
        db_table = "cms_alertdelivery"
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "call_key"], name="unique_alert_per_call"
            )
        ]
        indexes = [models.Index(fields=["sent_at"], name="alert_delivery_sent")]

    def __str__(self):
        return f"{self.subscription_id} ← {self.call_key}"
