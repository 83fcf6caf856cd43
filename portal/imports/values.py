"""Reading one cell: numbers, dates, yes/no, and the vocabularies (kinds, countries, working
languages, themes, action domains) by code or by name in any of the portal's languages.

An unknown name is an ``InvalidValue`` whose message proposes the closest known one
(difflib: the vocabularies are a few hundred names at most).
"""

import datetime
import difflib
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_countries import countries

from cms.models import (
    ActionDomain,
    AuthorityKind,
    CallDirection,
    CallStatus,
    CooperationKind,
    ForeignActorKind,
    Theme,
)
from cms.models.fields import language_choices

LIST_SEPARATOR = ";"
# The export writes a leading quote before these so that spreadsheets never run them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRUE_WORDS = {"1", "true", "yes", "y", "x", "oui", "vrai", "si", "sí", "sim", "verdadero", "نعم"}
FALSE_WORDS = {"0", "false", "no", "n", "non", "faux", "não", "nao", "falso", "لا"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


class InvalidValue(ValueError):
    """A cell that cannot be read; ``str()`` is the message in the active language."""


def languages():
    return [code for code, _name in settings.LANGUAGES]


def normalise(text):
    """Casefolded, without accents or punctuation: "Sénégal " and "senegal" are one name."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def text(value):
    """A cell as text: stripped, the export's anti-formula quote removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    value = str(value).strip()
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        value = value[1:]
    return value


def _number_text(value):
    return re.sub(r"[\s\u00a0\u202f']", "", text(value))


def integer(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidValue(gettext("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raw = _number_text(value)
    if not raw:
        return None
    if re.fullmatch(r"-?\d+([.,]0+)?", raw):
        return int(re.split(r"[.,]", raw)[0])
    raise InvalidValue(gettext("“%(value)s” is not a whole number.") % {"value": text(value)})


def decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    raw = _number_text(value)
    if not raw:
        return None
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise InvalidValue(
            gettext("“%(value)s” is not a number.") % {"value": text(value)}
        ) from None
    if not number.is_finite():
        raise InvalidValue(gettext("“%(value)s” is not a number.") % {"value": text(value)})
    return number


def floating(value):
    number = decimal(value)
    return None if number is None else float(number)


def date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    if not raw:
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise InvalidValue(
        gettext("“%(value)s” is not a date: write it as 2025-01-31 or 31/01/2025.") % {"value": raw}
    )


def boolean(value):
    if isinstance(value, bool):
        return value
    raw = normalise(text(value))
    if raw in TRUE_WORDS or raw in {normalise(w) for w in _translated_words("yes")}:
        return True
    if raw in FALSE_WORDS or raw in {normalise(w) for w in _translated_words("no")}:
        return False
    raise InvalidValue(gettext("“%(value)s” is not yes or no.") % {"value": text(value)})


def _translated_words(word):
    words = []
    for language in languages():
        with translation.override(language):
            words.append(gettext(word))
    return words


def split_list(value):
    return [part.strip() for part in text(value).split(LIST_SEPARATOR) if part.strip()]


class Vocabulary:
    """Codes with their names in every language; ``resolve`` accepts either."""

    def __init__(self, what, names_by_code):
        self.what = what  # a lazy label: "country", "theme"…
        self.by_name = {}
        self.display = {}
        for code, names in names_by_code.items():
            self.by_name.setdefault(normalise(code), code)
            for name in names:
                self.by_name.setdefault(normalise(name), code)

    def set_display(self, display):
        """{code: name in the editor's language}, for the closest match proposed."""
        self.display = display

    def resolve(self, value):
        raw = text(value)
        code = self.by_name.get(normalise(raw))
        if code is not None:
            return code
        close = difflib.get_close_matches(normalise(raw), list(self.by_name), n=1, cutoff=0.6)
        if close:
            suggestion = self.by_name[close[0]]
            raise InvalidValue(
                gettext("%(what)s “%(value)s” not found: did you mean “%(suggestion)s”?")
                % {
                    "what": capfirst(self.what),
                    "value": raw,
                    "suggestion": self.display.get(suggestion, suggestion),
                }
            )
        raise InvalidValue(
            gettext("%(what)s “%(value)s” not found.") % {"what": capfirst(self.what), "value": raw}
        )

    def resolve_list(self, value):
        return [self.resolve(part) for part in split_list(value)]


def _choices_vocabulary(what, choices_class):
    names = {}
    for language in languages():
        with translation.override(language):
            for member in choices_class:
                names.setdefault(member.value, [member.name]).append(str(member.label))
    return Vocabulary(what, names)


def _taxonomy_vocabulary(what, model):
    """Rows in the default locale, named by their slug or any translation's name."""
    default = {
        key: (pk, slug)
        for pk, slug, key in model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).values_list("pk", "slug", "translation_key")
    }
    names = {pk: [slug] for pk, slug in default.values()}
    for key, name in model.objects.values_list("translation_key", "name"):
        if key in default:
            names[default[key][0]].append(name)
    return Vocabulary(what, names)


class Vocabularies:
    """Everything cells are matched against, built once per import (a few queries)."""

    def __init__(self, language):
        self.language = language
        with translation.override(language):
            self.authority_kinds = _choices_vocabulary(gettext("kind"), AuthorityKind)
            self.cooperation_kinds = _choices_vocabulary(
                gettext("cooperation kind"), CooperationKind
            )
            self.actor_kinds = _choices_vocabulary(gettext("foreign actor kind"), ForeignActorKind)
            self.call_directions = _choices_vocabulary(gettext("direction"), CallDirection)
            self.call_statuses = _choices_vocabulary(gettext("status"), CallStatus)
            self.countries = self._countries()
            self.languages = self._languages()
            self.themes = _taxonomy_vocabulary(gettext("theme"), Theme)
            self.domains = _taxonomy_vocabulary(gettext("action domain"), ActionDomain)
        self._set_display(language)

    def _countries(self):
        names = {}
        for language in languages():
            with translation.override(language):
                for code, name in countries:
                    names.setdefault(code, [countries.alpha3(code) or code]).append(str(name))
        return Vocabulary(gettext("country"), names)

    def _languages(self):
        names = {}
        for language in languages():
            with translation.override(language):
                for code, name in language_choices():
                    names.setdefault(code, []).append(name)
        return Vocabulary(gettext("working language"), names)

    def _set_display(self, language):
        with translation.override(language):
            for vocabulary, choices in (
                (self.authority_kinds, AuthorityKind.choices),
                (self.cooperation_kinds, CooperationKind.choices),
                (self.actor_kinds, ForeignActorKind.choices),
                (self.call_directions, CallDirection.choices),
                (self.call_statuses, CallStatus.choices),
            ):
                vocabulary.set_display({value: str(label) for value, label in choices})
            self.countries.set_display({code: str(name) for code, name in countries})
            self.languages.set_display(dict(language_choices()))
        for vocabulary, model in ((self.themes, Theme), (self.domains, ActionDomain)):
            names = model.objects.names_in(language)
            vocabulary.set_display(
                {
                    pk: names.get(key, name)
                    for pk, key, name in model.objects.filter(
                        locale__language_code=settings.LANGUAGE_CODE
                    ).values_list("pk", "translation_key", "name")
                }
            )
