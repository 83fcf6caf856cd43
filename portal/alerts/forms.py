"""The form a visitor fills in to receive new partnership calls by email."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from dsfr.forms import DsfrBaseForm

from cms.models import CallDirection, Theme
from portal.interest.forms import HONEYPOT_FIELD


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    """Default-locale themes, labelled with their name in the visitor's language."""

    def __init__(self, *args, **kwargs):
        self.names = {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.names.get(obj.translation_key, obj.name)


def theme_names(language):
    """translation_key → theme name in ``language`` (one query)."""
    rows = Theme.objects.filter(locale__language_code=language).values_list(
        "translation_key", "name"
    )
    return dict(rows)


class AlertSubscriptionForm(DsfrBaseForm):
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
    extra_reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = self.fields["themes"]
        themes.queryset = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        themes.names = theme_names(translation.get_language())
        # Country names sorted in the visitor's language, computed per form (per request).
        self.fields["countries"].choices = list(countries)

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
        """True when the hidden field was filled: only a robot can do that."""
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())
