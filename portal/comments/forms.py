"""The comment form under a news article: name, email, text, consent, and a trap for bots."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.public_forms import HoneypotForm

from .models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH


class CommentForm(HoneypotForm):
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

    def comment_fields(self):
        data = self.cleaned_data
        return {name: data[name] for name in ("name", "email", "text", "consent")}
