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
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Substr
from django.db.models.lookups import Exact
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .choices import CallStatus
from .lookups import AnyOf, Slot


class PortalPageQuerySet(PageQuerySet):
    def visible(self, restricted=None):
        """Live, public, non-alias pages.

        ``restricted`` is a precomputed ``private_q()`` (Wagtail's): a request builds it once
        and passes it to every queryset so that nested lists cost no extra restriction query.
        """
        restricted = self.private_q() if restricted is None else restricted
        return self.live().filter(alias_of__isnull=True).exclude(restricted)

    def with_locale_fallback(self, locale, restricted=None):
        """Pages in ``locale`` plus, for content with no visible copy in it, its oldest copy.

        One ``NOT EXISTS`` (no ``OR`` around it), so PostgreSQL plans it as an anti-join
        (hashed for a whole list, by index for a few keys) instead of two correlated subplans
        per row: a page is listed unless another visible copy of it is in ``locale``, or is
        older while this one is not in ``locale``.
        """
        in_locale = Exact(OuterRef("locale_id"), locale.pk)
        # Older copies hide this one only when it is not itself in the locale (ids are > 0).
        older_than = Case(
            When(in_locale, then=Value(0)), default=OuterRef("pk"), output_field=IntegerField()
        )
        # Page rows, not the model's: copies share a translation_key only within one model,
        # so the anti-join hashes wagtailcore_page alone (a quarter of the map's points query
        # at 15,000 fiches), and only this model's rows of it (the fiches' 21,000 of the
        # site's 31,548 pages; the calls' 10,500, hashed instead of probed one call at a time).
        hiding = (
            visible_pages(Page, restricted)
            .filter(page_types_q(self.model))
            .filter(translation_key=OuterRef("translation_key"))
            .exclude(pk=OuterRef("pk"))
            .filter(Q(locale=locale) | Q(pk__lt=older_than))
        )
        return self.filter(~Exists(hiding))

    def visible_in(self, locale, restricted=None):
        """Visible pages as a visitor of ``locale`` sees them: with the locale fallback."""
        return self.visible(restricted).with_locale_fallback(locale, restricted)

    def listed_in(self, locale, restricted=None):
        """Pages of any model (``Page`` rows: a mixed list such as search results) as each
        model's own list shows them to a visitor of ``locale``: visible, with the locale
        fallback, and a call only under a visible fiche (``CallQuerySet.with_authority``),
        each call with ``authority_key`` as there (None for other pages)."""
        call_model = apps.get_model("cms", "PartnershipCallPage")
        not_a_call = ~Q(content_type=ContentType.objects.get_for_model(call_model))
        fiche = fiche_of_call(restricted)
        # The key as a subquery in the SELECT list: PostgreSQL computes it for the rows
        # returned only (a page of results), after the ranking.
        return (
            self.visible_in(locale, restricted)
            .filter(not_a_call | Exists(fiche))
            .annotate(authority_key=Subquery(fiche.values("translation_key")[:1]))
        )


def page_types_q(model):
    """``Page`` rows of ``model`` (and its subclasses), by content type: nothing for ``Page``
    itself. The content types are Django's cached ones (no query once read)."""
    if model is Page:
        return Q()
    models_ = [other for other in apps.get_models() if issubclass(other, model)]
    return Q(content_type__in=list(ContentType.objects.get_for_models(*models_).values()))


def visible_pages(model=Page, restricted=None):
    """Visible pages of any page model, ``Page`` included (its manager is Wagtail's)."""
    return PortalPageQuerySet(model).visible(restricted)


def parent_path(ref=OuterRef):
    """SQL expression: the materialised path of the outer page's parent (``ref=F``: of the
    page itself)."""
    return Substr(ref("path"), 1, (ref("depth") - 1) * Page.steplen)


def call_authorities(restricted=None, as_pages=False):
    """The fiches a call can be listed under: visible ones (a call's is its parent page).
    ``as_pages``: as their ``Page`` rows (the fiche type's), for the columns those hold,
    without joining the fiche table."""
    # By name: AuthorityPage is declared after this module, which its manager imports.
    model = apps.get_model("cms", "AuthorityPage")
    if as_pages:
        return visible_pages(Page, restricted).filter(page_types_q(model))
    return visible_pages(model, restricted)


def fiche_of_call(restricted=None):
    """The visible fiche the outer page (a call) sits under: its parent page."""
    return call_authorities(restricted).filter(path=parent_path())


class AuthorityQuerySet(PortalPageQuerySet):
    def choosable(self):
        """The fiches an editor links to (news, cooperations' partners): one per authority,
        its default-language page (references always point at it, as for the taxonomy)."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)

    def of_call(self, call):
        """The fiche a call sits under (combine with ``visible()`` for the public one)."""
        return self.filter(path=call.path[: -Page.steplen])


class CallQuerySet(PortalPageQuerySet):
    def with_authority(self, restricted=None, authority_keys=None):
        """Calls whose fiche is visible, each with ``authority_key`` (the fiche's
        translation_key, which links it to the fiche's copy in any language) and
        ``authority_country``; ``authority_keys`` keeps the calls of those fiches only (a list,
        or a ``Slot``: ``AnyOf``, the same SQL whatever their number; or a subquery)."""
        parent = fiche_of_call(restricted)
        wanted = parent
        if isinstance(authority_keys, (list, tuple, Slot)):
            wanted = parent.filter(AnyOf(F("translation_key"), authority_keys))
        elif authority_keys is not None:
            wanted = parent.filter(translation_key__in=authority_keys)
        # The filter as EXISTS (a semi-join PostgreSQL hashes on the parent path), the two
        # values as subqueries in the SELECT list: computed for the rows returned only.
        return self.filter(Exists(wanted)).annotate(
            authority_key=Subquery(parent.values("translation_key")[:1]),
            authority_country=Subquery(parent.values("country")[:1]),
        )

    def authority_keys_sql(self, restricted=None):
        """``(sql, params)``: a row ``(direction, authority_key)`` per call of this set whose
        fiche is visible: ``with_authority``'s rule as a join, for whole-site aggregates.

        ``with_authority`` probes the fiche's path index twice per call (its EXISTS, then its
        key); joined, the database finds each call's fiche once, or hashes them all. The
        fiches as ``Page`` rows: path and key are there, so no probe of the fiche table.
        """
        # The calls' own type said too (it is the model's): their Page rows then come from
        # the type's index (``cms_page_copies``), not from the whole page table.
        calls = (
            self.filter(page_types_q(self.model)).order_by().annotate(parent_path=parent_path(F))
        )
        fiches = call_authorities(restricted, as_pages=True).order_by()
        calls_sql, calls_params = calls.values("direction", "parent_path").query.sql_with_params()
        fiches_sql, fiches_params = fiches.values("path", "translation_key").query.sql_with_params()
        sql = (
            "SELECT calls.direction AS direction, fiches.translation_key AS authority_key "
            f"FROM ({calls_sql}) calls JOIN ({fiches_sql}) fiches "
            "ON fiches.path = calls.parent_path"
        )
        return sql, (*calls_params, *fiches_params)


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
