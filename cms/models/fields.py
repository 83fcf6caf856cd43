"""Small model fields the fiche needs and Django lacks."""

import functools
import gettext as gettext_module

import pycountry
from django import forms
from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .collation import sorted_by_name

# Working languages: ISO 639 as pycountry maintains it (names translated by its iso639-3
# catalogues), not Django's interface languages (which offer Udmurt and Interlingua but not
# Wolof). Every language with a two-letter code (ISO 639-1: Wolof, Bambara, Malagasy, Hausa,
# Swahili, Lingala…), plus the three-letter ones (ISO 639-3) partners work in that have none.
PARTNER_LANGUAGES_639_3 = (
    "ary",  # Moroccan Arabic
    "arq",  # Algerian Arabic
    "aeb",  # Tunisian Arabic
    "arz",  # Egyptian Arabic
    "apd",  # Sudanese Arabic
    "shu",  # Chadian Arabic
    "apc",  # Levantine Arabic
    "mey",  # Hassaniya
    "kab",  # Kabyle
    "tzm",  # Central Atlas Tamazight
    "zgh",  # Standard Moroccan Tamazight
    "shi",  # Tachelhit
    "tmh",  # Tamashek
    "mos",  # Mooré
    "dyu",  # Dioula
    "snk",  # Soninke
    "srr",  # Serer
    "fuc",  # Pulaar
    "fuv",  # Nigerian Fulfulde
    "dje",  # Zarma
    "sus",  # Susu
    "fon",  # Fon
    "men",  # Mende
    "kri",  # Krio
    "lua",  # Luba-Lulua
    "pcm",  # Nigerian Pidgin
    "mfe",  # Mauritian Creole
    "crs",  # Seychellois Creole
    "rcf",  # Réunion Creole
    "gcf",  # Guadeloupean Creole
    "tpi",  # Tok Pisin
)
NAME_QUALIFIERS = (" (macrolanguage)", " (individual language)")


def _iso_languages():
    names = {
        language.alpha_2: language.name
        for language in pycountry.languages
        if getattr(language, "alpha_2", None)
    }
    for code in PARTNER_LANGUAGES_639_3:
        if (language := pycountry.languages.get(alpha_3=code)) is not None:
            names[code] = language.name
    return names


ISO_LANGUAGES = _iso_languages()  # code → English name (pycountry's catalogues' msgid)
# Codes from Django's list stay valid: fiches saved before keep their languages.
_DJANGO_NAMES = dict(global_settings.LANGUAGES)
LANGUAGE_CODES = set(ISO_LANGUAGES) | set(_DJANGO_NAMES)


@functools.cache
def _iso_catalogue(language_code):
    try:
        return gettext_module.translation(
            "iso639-3", pycountry.LOCALES_DIR, languages=[language_code]
        )
    except OSError:
        return gettext_module.NullTranslations()


def language_name(code):
    """A working language's name in the active language (its code when unknown)."""
    if code in ISO_LANGUAGES:
        active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        english = ISO_LANGUAGES[code]
        name = _iso_catalogue(active).gettext(english)
        if english.endswith(NAME_QUALIFIERS):
            # "Swahili (macrolanguage)", "Swahili (macrolangue)": the ISO's note, not a name.
            name = name.rsplit(" (", 1)[0]
        return capfirst(name)
    return gettext(_DJANGO_NAMES[code]) if code in _DJANGO_NAMES else code


def language_choices():
    """Every working language, named and sorted in the editor's language."""
    return sorted_by_name(
        [(code, language_name(code)) for code in ISO_LANGUAGES], name=lambda pair: pair[1]
    )


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
            "choices": language_choices,
            "required": not self.blank,
            "widget": forms.SelectMultiple(attrs={"size": 8}),
            # Django's fields capitalise their verbose name ("working languages").
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        for key in ("max_length", "empty_value", "coerce"):
            defaults.pop(key, None)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        return form_class(**defaults)
