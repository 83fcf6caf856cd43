"""Small model fields the fiche needs and Django lacks."""

from django import forms
from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# ISO 639-1 codes with their names, translated by Django's own catalogues.
LANGUAGE_CHOICES = sorted(global_settings.LANGUAGES, key=lambda pair: pair[0])
LANGUAGE_CODES = {code for code, _name in LANGUAGE_CHOICES}
_LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def language_name(code):
    """A working language's name in the active language (its code when unknown)."""
    return gettext(_LANGUAGE_NAMES[code]) if code in _LANGUAGE_NAMES else code


class LanguageListField(models.CharField):
    """A list of language codes stored as "fr,en,wo", edited as a multiple choice.

    A comma-separated string keeps the column portable (SQLite and PostgreSQL) and
    filterable with ``__contains``; the value in Python is always a list.
    """

    description = _("List of language codes")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return [str(code) for code in value if code]
        return [code for code in str(value).split(",") if code]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = [code for code in self.to_python(value) if code not in LANGUAGE_CODES]
        if unknown:
            raise ValidationError(
                gettext("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        # MaxLengthValidator would measure the list, not the stored text.
        if len(self.get_prep_value(value)) > self.max_length:
            raise ValidationError(gettext("Too many languages."))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": LANGUAGE_CHOICES,
            "required": not self.blank,
            "widget": forms.SelectMultiple(attrs={"size": 8}),
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        for key in ("max_length", "empty_value", "coerce"):
            defaults.pop(key, None)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        return form_class(**defaults)
