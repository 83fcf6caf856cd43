"""Names sorted as a reader of the visitor's language expects ("Réunion" among the R, after
"République tchèque"; "Sénégal" before "Suisse"; Arabic in its alphabet's order).

PyICU, when installed (``pip install -e '.[icu]'``: it compiles against the system's ICU,
``apt-get install libicu-dev pkg-config``), gives each language's own collation (CLDR
tailorings: Spanish ñ after n, …). Otherwise pyuca, pure Python and always installed, sorts
with the Unicode Collation Algorithm's default table, which already orders accented letters
and the Arabic alphabet right; django-countries uses it too for its own lists.
"""

import functools

import pyuca
from django.utils import translation

try:
    import icu
except ImportError:  # PyICU is optional: it needs a C++ build against the system's ICU.
    icu = None


@functools.cache
def _uca():
    return pyuca.Collator()


@functools.cache
def _icu_collator(language_code):
    return icu.Collator.createInstance(icu.Locale(language_code))


# Sort keys of the names a page sorts on every view (the directories' country options, a
# few hundred names per language): computed once per process, not per request.
SORT_KEYS_KEPT = 8192


@functools.lru_cache(maxsize=SORT_KEYS_KEPT)
def _sort_key(language_code, text, with_icu):
    if with_icu:
        return _icu_collator(language_code).getSortKey(text)
    return _uca().sort_key(text)


def collation_key(language_code=None):
    """A ``key`` for ``sorted`` that orders text in ``language_code`` (the active language
    by default)."""
    code = language_code or translation.get_language() or "en"
    with_icu = icu is not None
    return lambda text: _sort_key(code, str(text), with_icu)


def sorted_by_name(items, name=lambda item: item, language_code=None):
    """``items`` sorted by ``name(item)`` in the collation of ``language_code``."""
    key = collation_key(language_code)
    return sorted(items, key=lambda item: key(name(item)))
