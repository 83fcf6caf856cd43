"""The content rules every reader of published content shares, as querysets.

One home per rule (the public API, page routing, feeds, exports, features all call these):
- **visible**: live, outside any view restriction, not an alias;
- **locale fallback**: for a language L, a page translated into L is listed in L, and a page
  not (yet) published in L is listed once, in its source language (its oldest live copy);
- **a call's authority**: the fiche a partnership call sits under (its parent page);
- **names in a language**: a taxonomy row's name is the translation sharing its key.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .choices import CallStatus


class PortalPageQuerySet(PageQuerySet):
    def visible(self, restricted=None):
        """Live, public, non-alias pages.

        ``restricted`` is a precomputed ``private_q()`` (Wagtail's): a request builds it once
        and passes it to every queryset so that nested lists cost no extra restriction query.
        """
        restricted = self.private_q() if restricted is None else restricted
        return self.live().filter(alias_of__isnull=True).exclude(restricted)

    def with_locale_fallback(self, locale, restricted=None):
        """Pages in ``locale`` plus, for content with no visible copy in it, its oldest copy."""
        same_key = visible_pages(self.model, restricted).filter(
            translation_key=OuterRef("translation_key")
        )
        has_copy_in_locale = Exists(same_key.filter(locale=locale))
        has_older_copy = Exists(same_key.filter(pk__lt=OuterRef("pk")))
        return self.filter(Q(locale=locale) | (~has_copy_in_locale & ~has_older_copy))

    def visible_in(self, locale, restricted=None):
        """Visible pages as a visitor of ``locale`` sees them: with the locale fallback."""
        return self.visible(restricted).with_locale_fallback(locale, restricted)


def visible_pages(model=Page, restricted=None):
    """Visible pages of any page model, ``Page`` included (its manager is Wagtail's)."""
    return PortalPageQuerySet(model).visible(restricted)


def parent_path():
    """SQL expression: the materialised path of the outer page's parent."""
    return Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)


class AuthorityQuerySet(PortalPageQuerySet):
    def choosable(self):
        """The fiches an editor links to (news, cooperations' partners): one per authority,
        its default-language page (references always point at it, as for the taxonomy)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)

    def of_call(self, call):
        """The fiche a call sits under (combine with ``visible()`` for the public one)."""
        return self.filter(path=call.path[: -Page.steplen])


class CallQuerySet(PortalPageQuerySet):
    def with_authority(self, restricted=None):
        """Calls whose fiche is visible, each with ``authority_key`` (the fiche's
        translation_key, which links it to the fiche's copy in any language) and
        ``authority_country``."""
        # By name: AuthorityPage is declared after this module, which its manager imports.
        authority_model = apps.get_model("cms", "AuthorityPage")
        parent = visible_pages(authority_model, restricted).filter(path=parent_path())
        return self.annotate(
            authority_key=Subquery(parent.values("translation_key")[:1]),
            authority_country=Subquery(parent.values("country")[:1]),
        ).filter(authority_key__isnull=False)


def accepting_interest_q():
    """Calls still accepting interest (``PartnershipCallPage.is_open`` as a filter): open
    status and deadline not passed."""
    not_past = Q(deadline__isnull=True) | Q(deadline__gte=datetime.date.today())
    return Q(status=CallStatus.OPEN) & not_past


AuthorityManager = PageManager.from_queryset(AuthorityQuerySet)
CallManager = PageManager.from_queryset(CallQuerySet)
PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class TaxonomyQuerySet(models.QuerySet):
    def names_in(self, language_code):
        """{translation_key: name in ``language_code``} (one query); rows with no translation
        keep their own name through ``name_in``."""
        rows = self.filter(locale__language_code=language_code)
        return dict(rows.values_list("translation_key", "name"))


def name_in(row, names):
    """``row``'s name from a ``names_in`` map, or its own when it has no translation."""
    return names.get(row.translation_key, row.name)
