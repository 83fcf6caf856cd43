"""The Bourse's content model. Import from here: ``from cms.models import AuthorityPage``."""

from .choices import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    CallDirection,
    CallStatus,
    CooperationKind,
    ForeignActorKind,
)
from .fields import language_name
from .pages import (
    AuthorityIndexPage,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnershipCallPage,
)
from .querysets import PortalPageQuerySet, accepting_interest_q, name_in, visible_pages
from .standard import AccessibilityPage, Conformity, SitemapPage, StandardPage
from .taxonomy import SDG_COUNT, ActionDomain, Theme

__all__ = [
    "AccessibilityPage",
    "Conformity",
    "SitemapPage",
    "StandardPage",
    "FRENCH_COUNTRY_CODES",
    "SDG_COUNT",
    "ActionDomain",
    "AuthorityIndexPage",
    "AuthorityKind",
    "AuthorityPage",
    "CallDirection",
    "CallStatus",
    "Cooperation",
    "CooperationKind",
    "ForeignActor",
    "ForeignActorKind",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PartnershipCallPage",
    "Theme",
    "accepting_interest_q",
    "language_name",
    "name_in",
    "visible_pages",
    "PortalPageQuerySet",
]
