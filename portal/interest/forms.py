"""The form an interested authority fills in to express interest in a partnership call."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.models import AuthorityKind
from portal.public_forms import HoneypotForm

from .models import MESSAGE_MAX_LENGTH


class InterestExpressionForm(HoneypotForm):
    interested_authority = forms.CharField(label=_("Name of your authority"), max_length=200)
    interested_country = forms.ChoiceField(label=_("Country of your authority"))
    interested_kind = forms.ChoiceField(label=_("Kind of authority"))
    contact_name = forms.CharField(label=_("Your name"), max_length=150)
    contact_role = forms.CharField(
        label=_("Your role"),
        max_length=150,
        help_text=_("For example: head of international relations, deputy mayor."),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The authority that published the call will reply to this address."),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What your authority proposes or is looking for, and why this call."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the portal passes my name, role, email address and message to the "
            "authority that published this call, so that it can reply to me."
        ),
        error_messages={
            "required": _(
                "Tick this box: without your agreement, your message cannot be passed on."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names sorted in the visitor's language, computed per form (per request).
        self.fields["interested_country"].choices = [("", _("Select a country")), *countries]
        self.fields["interested_kind"].choices = [("", _("Select a kind")), *AuthorityKind.choices]

    def expression_fields(self):
        """The cleaned values stored on the InterestExpression."""
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "interested_authority",
                "interested_country",
                "interested_kind",
                "contact_name",
                "contact_role",
                "email",
                "message",
                "consent",
            )
        }
