"""The form a visitor fills in to receive new partnership calls by email."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.models import CallDirection, Theme, name_in
from portal.public_forms import HoneypotForm


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Default-locale themes, labelled with their name in the visitor's language."""

    def __init__(self, *args, **kwargs):
        self.names = {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return name_in(obj, self.names)


class AlertSubscriptionForm(HoneypotForm):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("You will receive a link to confirm it. It is never published."),
    )
    direction = forms.ChoiceField(
        label=_("Offers or requests"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Both")), *CallDirection.choices],
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every theme."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Calls from these countries or looking for partners in them. None selected: "
            "every country."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = self.fields["themes"]
        themes.queryset = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        themes.names = Theme.objects.names_in(translation.get_language())
        # Country names sorted in the visitor's language, computed per form (per request).
        self.fields["countries"].choices = list(countries)
