"""The pages every French public site owes its visitors, editable in Wagtail.

"Accessibilité" (the RGAA conformity statement), "Mentions légales", "Données personnelles"
and "Plan du site": children of each language's home, with the same slug in every language
(cms.bootstrap creates them), linked from the footer. They are about the site itself, not
content partners query: they have no GraphQL counterpart and render from their own fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .querysets import PortalPageManager

STANDARD_RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul"]


class StandardPage(Page):
    """A page of text about the site: legal notice, personal data, …"""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = RichTextField(_("body"), blank=True, features=STANDARD_RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class Conformity(models.TextChoices):
    """The RGAA's three levels, as the footer and the statement must word them."""

    NONE = "none", _("not compliant")
    PARTIAL = "partial", _("partially compliant")
    FULL = "full", _("fully compliant")


class AccessibilityPage(StandardPage):
    """The accessibility statement (déclaration d'accessibilité, RGAA 4)."""

    conformity = models.CharField(
        _("conformity with the RGAA"),
        max_length=16,
        choices=Conformity.choices,
        default=Conformity.NONE,
        help_text=_("As found by the last audit; shown in the footer of every page."),
    )
    compliance_rate = models.DecimalField(
        _("share of RGAA criteria met (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    audit_date = models.DateField(
        _("audit date"), null=True, blank=True, help_text=_("Empty: not audited yet.")
    )
    auditor = models.CharField(_("audited by"), max_length=200, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("conformity"), FieldPanel("compliance_rate")]),
        FieldRowPanel([FieldPanel("audit_date"), FieldPanel("auditor")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")


class SitemapPage(Page):
    """The "Plan du site": every section of the portal, drawn from the navigation."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("site map page")


# Slugs are the same in every language, like the skeleton's sections (cms.bootstrap).
SITEMAP_SLUG = "plan-du-site"
ACCESSIBILITY_SLUG = "accessibilite"
LEGAL_NOTICE_SLUG = "mentions-legales"
PERSONAL_DATA_SLUG = "donnees-personnelles"
# The DSFR footer's order of the mandatory links.
SITE_PAGE_SLUGS = [SITEMAP_SLUG, ACCESSIBILITY_SLUG, LEGAL_NOTICE_SLUG, PERSONAL_DATA_SLUG]
