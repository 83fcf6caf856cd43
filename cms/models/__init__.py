"""The Bourse's content model. Import from here: ``from cms.models import AuthorityPage``."""

from .alerts import AlertDelivery, AlertSubscription
from .choices import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    CallDirection,
    CallStatus,
    CooperationKind,
    ForeignActorKind,
)
from .fields import language_name
from .interest import InterestExpression, InterestStatus, MailStatus
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
from .querysets import name_in, visible_pages
from .standard import AccessibilityPage, Conformity, SitemapPage, StandardPage
from .taxonomy import SDG_COUNT, ActionDomain, Theme

__all__ = [
    "AccessibilityPage",
    "Conformity",
    "SitemapPage",
    "StandardPage",
    "AlertDelivery",
    "AlertSubscription",
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
    "InterestExpression",
    "InterestStatus",
    "MailStatus",
    "NewsIndexPage",
    "NewsPage",
    "PartnershipCallPage",
    "Theme",
    "language_name",
    "name_in",
    "visible_pages",
]
