"""Words of Wagtail and wagtail-localize that the portal's catalogues say differently.

Wagtail's French calls a content language a "Région" (its "locale"), the very word of an
authority kind (a French région): the admin says "Langue". The portal's catalogues
(LOCALE_PATHS) come before the apps' own, so these msgids, marked here for makemessages,
override Wagtail's translations everywhere in the admin. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

WAGTAIL_WORDS = [
    gettext_noop("Locale"),
    gettext_noop("Locales"),
    gettext_noop("Locale: "),
    gettext_noop("locale"),
    gettext_noop("Switch locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    # French "Status :", half translated.
    gettext_noop("Status: "),
]

# wagtail-localize's words its Spanish and Portuguese catalogues lack: Django would show them
# in French, the default language (the translation editor, "Sync translated pages").
LOCALIZE_WORDS = [
    gettext_noop("Manual"),
    gettext_noop("Convert to alias"),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        'language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop("Sync translated %(model_name)s"),
    gettext_noop("Editing %(object_type)s %(title)s"),
]

# Wagtail's words its Spanish catalogue lacks (Django would show them in French): the
# explorer's and the calls list's filters, the page types report, the site history's
# filters, the account settings.
WAGTAIL_SPANISH_GAPS = [
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Page type"),
    gettext_noop("Last edited page"),
    gettext_noop("Last edit"),
    gettext_noop("Is commenting action"),
    gettext_noop("admin theme"),
    gettext_noop("density"),
    gettext_noop("Keyboard shortcuts"),
]
