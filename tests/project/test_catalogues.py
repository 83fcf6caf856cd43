"""The gettext catalogues: complete, compiled, and in step with the source strings.

A visitor reading the portal in Arabic must never meet an English string: every msgid has a
real translation, nothing is fuzzy, each committed .mo says what its .po says, and no string
in the code or templates is missing from the catalogues (checked with the same makemessages
command as ``make messages``, run on a throw-away copy of the project).
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Same flags as the Makefile's `messages` target.
MAKEMESSAGES_ARGS = [
    *(f"-l{code}" for code in LANGUAGES),
    "--ignore=.venv",
    "--ignore=var",
    "--no-obsolete",
]
# Arabic has six plural forms; gettext's Spanish header adds one for millions.
PLURAL_FORMS = {"ar": 6, "es": 3}
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "var", "node_modules", "__pycache__", "*.egg-info", "*.mo", ".ruff_cache"
)


def po_path(code):
    return LOCALE_DIR / code / "LC_MESSAGES" / "django.po"


def load_po(code):
    return polib.pofile(str(po_path(code)))


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def entry_value(entry):
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


def translatable_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete and entry.msgid]


def plural_count(catalogue):
    forms = catalogue.metadata.get("Plural-Forms", "")
    return int(forms.split("nplurals=")[1].split(";")[0])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_has_a_translation(code):
    catalogue = load_po(code)
    entries = translatable_entries(catalogue)
    assert entries, f"{po_path(code)} holds no string"
    untranslated = [
        entry.msgid
        for entry in entries
        if not all(entry_value(entry) if entry.msgid_plural else [entry.msgstr])
    ]
    assert untranslated == [], f"{code}: untranslated strings (run `make messages`)"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_string_is_fuzzy(code):
    catalogue = load_po(code)
    assert not catalogue.metadata_is_fuzzy, f"{code}: the header is marked fuzzy"
    fuzzy = [entry.msgid for entry in translatable_entries(catalogue) if "fuzzy" in entry.flags]
    assert fuzzy == [], f"{code}: fuzzy translations are ignored at run time"


@pytest.mark.parametrize("code", LANGUAGES)
def test_header_names_the_language_and_its_plural_forms(code):
    catalogue = load_po(code)
    assert catalogue.metadata["Language"] == code
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]
    assert plural_count(catalogue) == PLURAL_FORMS.get(code, 2)
    for entry in translatable_entries(catalogue):
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == plural_count(catalogue), (code, entry.msgid)


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_their_placeholders(code):
    # A translation that drops or renames %(name)s crashes the page that formats it.
    for entry in translatable_entries(load_po(code)):
        if "python-format" not in entry.flags and "python-brace-format" not in entry.flags:
            continue
        if not entry.msgid_plural:
            expected = sorted(_placeholders(entry.msgid))
            assert sorted(_placeholders(entry.msgstr)) == expected, (code, entry.msgid)
            continue
        # A plural form may leave out the number itself ("un commentaire", Arabic's singular
        # and dual), never another value, and may use nothing the source does not pass.
        passed = set(_placeholders(entry.msgid_plural))
        needed = {name for name in passed if name[0] not in COUNT_PLACEHOLDERS}
        for value in entry_value(entry):
            used = set(_placeholders(value))
            assert needed <= used <= passed, (code, entry.msgid, value)


# The names under which Django's and the portal's plural strings pass the number.
COUNT_PLACEHOLDERS = {"count", "counter", "number", "bytes"}


def _placeholders(text):
    return re.findall(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdfir]|\{(\w*)\}", text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_matches_its_source(code):
    mo_path = po_path(code).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages` and commit it"
    compiled = {entry_key(e): entry_value(e) for e in polib.mofile(str(mo_path)) if e.msgid}
    source = {entry_key(e): entry_value(e) for e in translatable_entries(load_po(code))}
    assert compiled == source, f"{mo_path} is stale: run `make messages` and commit it"


def test_french_catalogue_is_french():
    # The source strings are English; a copied msgid would pass the checks above.
    catalogue = load_po("fr")
    same = [
        entry.msgid
        for entry in translatable_entries(catalogue)
        if entry.msgstr == entry.msgid and len(entry.msgid.split()) > 2
    ]
    assert same == []
    with translation.override("fr"):
        assert translation.gettext("Partnership calls") == "Appels à partenariat"


@pytest.mark.parametrize("code", ["es", "pt", "ar"])
def test_catalogue_is_loaded_at_run_time(code):
    with translation.override(code):
        assert translation.gettext("Partnership calls") != "Partnership calls"


def test_arabic_translations_are_in_arabic_script():
    latin_only = [
        (entry.msgid, entry.msgstr)
        for entry in translatable_entries(load_po("ar"))
        if entry.msgstr
        and not any("\u0600" <= char <= "\u06ff" for char in entry.msgstr)
        # Codes and numbers (Error 404, API names) may stay as they are.
        and any(char.isalpha() for char in _without_placeholders(entry.msgstr))
    ]
    assert latin_only == []


def _without_placeholders(text):
    """What a reader sees of a translation: no %(name)s, no {name}, no API names."""
    text = re.sub(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfir]|\{\w*\}", "", text)
    return text.replace("GraphQL", "").replace("RSS", "")


# --- No string missing from the catalogues ------------------------------------------------


@pytest.fixture(scope="module")
def regenerated_catalogues(tmp_path_factory):
    """The catalogues as `make messages` would write them now, built on a copy of the tree."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs GNU gettext (xgettext, msgmerge): apt-get install gettext")
        pytest.skip("GNU gettext is not installed: cannot check the catalogues for new strings")
    copy = tmp_path_factory.mktemp("catalogues") / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings.main"}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", *MAKEMESSAGES_ARGS],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return copy / "locale"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_holds_every_source_string(regenerated_catalogues, code):
    current = {
        entry_key(e)
        for e in translatable_entries(
            polib.pofile(str(regenerated_catalogues / code / "LC_MESSAGES" / "django.po"))
        )
    }
    committed = {entry_key(e) for e in translatable_entries(load_po(code))}
    new_strings = sorted(current - committed, key=str)
    assert new_strings == [], f"{code}: strings missing from the catalogue (run `make messages`)"
