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
]
