"""The comment form under a news article: name, email, text, consent, and a trap for bots."""

from django import forms
from django.utils.translation import gettext_lazy as _
from dsfr.forms import DsfrBaseForm

from .models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH

HONEYPOT_FIELD = "website_address"


class CommentForm(DsfrBaseForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Published with your comment."),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("Never published: only the moderators see it."),
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the portal stores my name, email address and comment, and publishes "
            "my name and comment once a moderator has approved it."
        ),
        error_messages={
            "required": _("Tick this box: without your agreement, your comment cannot be kept.")
        },
    )
    website_address = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def get_context(self):
        # django-dsfr's own get_context only adds a transitional deprecation warning.
        return forms.Form.get_context(self)

    @property
    def visible_fields_for_people(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def is_bot(self):
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def comment_fields(self):
        data = self.cleaned_data
        return {name: data[name] for name in ("name", "email", "text", "consent")}
