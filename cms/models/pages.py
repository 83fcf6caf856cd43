"""Page types of the Bourse: one per concept, with explicit tree rules.

HomePage
├── AuthorityIndexPage ── AuthorityPage (the fiche) ── PartnershipCallPage
└── NewsIndexPage ── NewsPage
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import NewsBodyBlock
from .choices import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    CallDirection,
    CallStatus,
    CooperationKind,
    ForeignActorKind,
)
from .fields import LanguageListField
from .querysets import AuthorityManager, CallManager, PortalPageManager
from .rendering import RenderedPageMixin, page_views
from .routing import LocaleFallbackRoutingMixin
from .taxonomy import ActionDomain, Theme, in_default_locale
from .widgets import (
    CoordinateWithMap,
    DomainCheckboxes,
    FicheChooser,
    FichesChooser,
    FilterableSelect,
    FilterableSelectMultiple,
    ThemeCheckboxes,
    WholeNumberInput,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
MIN_YEAR, MAX_YEAR = 1900, 2100


def year_validators():
    return [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


def not_negative():
    return [MinValueValidator(0)]


def facts(*names):
    """Fields that are facts, not text: the same in every language, never overridden by a
    translator, and carried to every translation when the source is published
    (``cms.models.facts``)."""
    return [SynchronizedField(name, overridable=False) for name in names]


def theme_field(verbose_name, related_name):
    """Themes a page is about: always the default-locale rows (see taxonomy.py)."""
    return ParentalManyToManyField(
        Theme,
        verbose_name=verbose_name,
        related_name=related_name,
        blank=True,
        limit_choices_to=in_default_locale,
    )


def action_domain_field(verbose_name, related_name):
    return ParentalManyToManyField(
        ActionDomain,
        verbose_name=verbose_name,
        related_name=related_name,
        blank=True,
        limit_choices_to=in_default_locale,
    )


class HomePage(RenderedPageMixin, RoutablePageMixin, Page):
    """The portal's home in one language: what the Bourse is, and where everything starts.

    Routes: the search results at ``recherche/``.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the Bourse is, shown at the top of the home page."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.AuthorityIndexPage",
        "cms.NewsIndexPage",
        "cms.StandardPage",
        "cms.AccessibilityPage",
        "cms.SitemapPage",
    ]
    max_count_per_parent = 1

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("home page")

    @path("recherche/", name="search")
    def search(self, request):
        return page_views().search(self, request)


class AuthorityIndexPage(LocaleFallbackRoutingMixin, RenderedPageMixin, RoutablePageMixin, Page):
    """The directory of fiches.

    Routes: the calls directory at ``appels/``, a country at ``pays/<code>/``, a theme at
    ``themes/<slug>/``.
    """

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.AuthorityPage"]
    max_count_per_parent = 1

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("authority directory")

    @path("appels/", name="calls")
    def calls_directory(self, request):
        return page_views().calls_directory(self, request)

    @re_path(r"^pays/(?P<code>[A-Za-z]{2})/$", name="country")
    def country_page(self, request, code):
        return page_views().country_page(self, request, code)

    @path("themes/<slug:slug>/", name="theme")
    def theme_page(self, request, slug):
        return page_views().theme_page(self, request, slug)


class AuthorityPage(LocaleFallbackRoutingMixin, RenderedPageMixin, Page):
    """The fiche de présentation of one local authority, French or foreign."""

    # 1. General information
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=500,
        help_text=_("Two or three sentences shown on cards and in search results."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=AuthorityKind.choices)
    country = CountryField(_("country"))
    region_name = models.CharField(
        _("region or province"),
        max_length=120,
        blank=True,
        help_text=_("The larger area the authority belongs to, as known locally."),
    )
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_role = models.CharField(_("contact's role"), max_length=150, blank=True)
    contact_name = models.CharField(_("contact's name"), max_length=150, blank=True)
    # Personal data: stored for the ministry and for relaying messages, never published.
    contact_email = models.EmailField(
        _("contact's email (private)"),
        blank=True,
        help_text=_("Never shown to visitors: the portal relays their messages."),
    )
    contact_phone = models.CharField(
        _("contact's phone (private)"),
        max_length=40,
        blank=True,
        help_text=_("Never shown to visitors."),
    )

    # 2. Main characteristics
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=not_negative(),
    )
    population = models.PositiveBigIntegerField(
        _("population"), null=True, blank=True, validators=not_negative()
    )
    population_year = models.PositiveSmallIntegerField(
        _("population year"), null=True, blank=True, validators=year_validators()
    )
    main_activities = RichTextField(_("main activities"), blank=True, features=RICH_TEXT_FEATURES)
    working_languages = LanguageListField(
        _("working languages"),
        help_text=_("Languages in which the authority can work with a partner."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    # 5. Partnership objectives (3 and 4 are the inline rows below)
    objective_themes = theme_field(_("themes sought"), "authorities")
    objective_domains = action_domain_field(_("action domains sought"), "authorities")
    wanted_partner_profile = models.TextField(_("partner profile sought"), blank=True)
    preferred_countries = CountryField(_("preferred countries"), multiple=True, blank=True)
    preferred_regions = models.CharField(
        _("preferred regions"),
        max_length=250,
        blank=True,
        help_text=_("World regions sought, e.g. West Africa, Andean countries."),
    )
    can_bring = models.TextField(_("what the authority can bring"), blank=True)

    # Stable identifiers, so that imports find the fiche again (never by its name alone).
    official_code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_(
            "For a French authority: INSEE code of the commune, SIREN of the grouping, "
            "department or region code."
        ),
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The identifier of this authority in another database (an atlas, a CRM)."),
    )

    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the authority last confirmed this fiche is up to date."),
    )

    general_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country", widget=FilterableSelect)]),
        FieldPanel("region_name"),
        FieldPanel("address"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_role"), FieldPanel("contact_name")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("last_verified"),
        FieldRowPanel([FieldPanel("official_code"), FieldPanel("external_id")]),
    ]
    characteristics_panels = [
        FieldRowPanel(
            [
                FieldPanel("area_km2"),
                FieldPanel("population", widget=WholeNumberInput),
                FieldPanel("population_year"),
            ]
        ),
        FieldPanel("main_activities"),
        FieldPanel("working_languages", widget=FilterableSelectMultiple),
        FieldRowPanel(
            [FieldPanel("latitude"), FieldPanel("longitude", widget=CoordinateWithMap)],
            heading=_("Location"),
        ),
    ]
    cooperation_panels = [
        InlinePanel(
            "cooperations", heading=_("Existing cooperations and twinnings"), label=_("Cooperation")
        ),
    ]
    foreign_actor_panels = [
        InlinePanel(
            "foreign_actors",
            heading=_("Foreign actors present on the territory"),
            label=_("Foreign actor"),
        ),
    ]
    objective_panels = [
        FieldPanel("objective_themes", widget=ThemeCheckboxes),
        FieldPanel("objective_domains", widget=DomainCheckboxes),
        FieldPanel("wanted_partner_profile"),
        FieldPanel("preferred_countries", widget=FilterableSelectMultiple),
        FieldPanel("preferred_regions"),
        FieldPanel("can_bring"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(general_panels, heading=_("General information")),
            ObjectList(characteristics_panels, heading=_("Characteristics")),
            ObjectList(cooperation_panels, heading=_("Cooperations")),
            ObjectList(foreign_actor_panels, heading=_("Foreign actors")),
            ObjectList(objective_panels, heading=_("Objectives")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("main_activities"),
        index.SearchField("wanted_partner_profile"),
        index.SearchField("can_bring"),
        index.SearchField("region_name"),
        index.FilterField("country"),
        index.FilterField("kind"),
    ]

    override_translatable_fields = [
        *facts(
            "kind",
            "country",
            "area_km2",
            "population",
            "population_year",
            "working_languages",
            "latitude",
            "longitude",
            "objective_themes",
            "objective_domains",
            "preferred_countries",
            "last_verified",
            "contact_name",
            "contact_email",
            "contact_phone",
            "official_code",
            "external_id",
        ),
        SynchronizedField("address"),
        SynchronizedField("region_name"),
    ]

    parent_page_types = ["cms.AuthorityIndexPage"]
    subpage_types = ["cms.PartnershipCallPage"]

    objects = AuthorityManager()

    class Meta:
        verbose_name = _("authority fiche")
        verbose_name_plural = _("authority fiches")

    @property
    def is_french(self):
        return self.country.code in FRENCH_COUNTRY_CODES

    def clean(self):
        super().clean()
        if self.population_year and self.population is None:
            raise ValidationError(
                {"population_year": _("Give the population this year refers to.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})


class Cooperation(TranslatableMixin, ClusterableModel, Orderable):
    """An existing link between this authority and a partner, in the portal or not."""

    authority = ParentalKey(AuthorityPage, on_delete=models.CASCADE, related_name="cooperations")
    partner_page = models.ForeignKey(
        AuthorityPage,
        verbose_name=_("partner in the portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_default_locale,
    )
    partner_name = models.CharField(
        _("partner's name"),
        max_length=200,
        blank=True,
        help_text=_("When the partner has no fiche in the portal."),
    )
    partner_country = CountryField(_("partner's country"), blank=True)
    # An import's link to a partner not in the portal yet (its official code or external
    # id): the partner's fiche is linked when an import brings it in.
    partner_reference = models.CharField(
        _("partner's identifier"), max_length=100, blank=True, db_index=True
    )
    kind = models.CharField(_("kind"), max_length=32, choices=CooperationKind.choices)
    since_year = models.PositiveSmallIntegerField(
        _("since"), null=True, blank=True, validators=year_validators()
    )
    themes = theme_field(_("themes"), "cooperations")
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the cooperation is dormant.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("partner_page", widget=FicheChooser),
        FieldRowPanel(
            [FieldPanel("partner_name"), FieldPanel("partner_country", widget=FilterableSelect)]
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("since_year"), FieldPanel("is_active")]),
        FieldPanel("themes", widget=ThemeCheckboxes),
        FieldPanel("description"),
    ]

    override_translatable_fields = [
        SynchronizedField("partner_name"),
        *facts(
            "partner_page",
            "partner_country",
            "partner_reference",
            "kind",
            "since_year",
            "themes",
            "is_active",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["sort_order"]

    def __str__(self):
        return self.partner_display_name

    @property
    def partner_display_name(self):
        if self.partner_page_id:
            return self.partner_page.title
        return self.partner_name

    def clean(self):
        super().clean()
        has_page = self.partner_page_id is not None
        has_name = bool(self.partner_name.strip()) or bool(self.partner_country)
        if has_page and has_name:
            raise ValidationError(
                _("Choose a partner in the portal, or give a partner's name and country, not both.")
            )
        if not has_page and not has_name:
            raise ValidationError(
                _("Choose a partner in the portal, or give the partner's name and country.")
            )
        if not has_page and not (self.partner_name.strip() and self.partner_country):
            raise ValidationError(
                {
                    "partner_name" if not self.partner_name.strip() else "partner_country": _(
                        "A partner outside the portal needs both a name and a country."
                    )
                }
            )
        if has_page and self.authority_id and self.partner_page_id == self.authority_id:
            raise ValidationError({"partner_page": _("An authority cannot cooperate with itself.")})


class ForeignActor(TranslatableMixin, Orderable):
    """An organisation from abroad active on the authority's territory."""

    authority = ParentalKey(AuthorityPage, on_delete=models.CASCADE, related_name="foreign_actors")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=ForeignActorKind.choices)
    country_of_origin = CountryField(_("country of origin"), blank=True)
    description = models.TextField(_("what they do"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("kind"), FieldPanel("country_of_origin", widget=FilterableSelect)]
        ),
        FieldPanel("description"),
    ]

    override_translatable_fields = [
        SynchronizedField("name"),
        *facts("kind", "country_of_origin"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("foreign actor")
        verbose_name_plural = _("foreign actors")
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


class PartnershipCallPage(RenderedPageMixin, Page):
    """An appel à partenariat: an offer or a request published by an authority."""

    direction = models.CharField(_("direction"), max_length=16, choices=CallDirection.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=CallStatus.choices, default=CallStatus.OPEN
    )
    summary = models.TextField(_("summary"), max_length=500)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    themes = theme_field(_("themes"), "partnership_calls")
    action_domains = action_domain_field(_("action domains"), "partnership_calls")
    target_countries = CountryField(_("target countries"), multiple=True, blank=True)
    wanted_partner_profile = models.TextField(_("partner profile sought"), blank=True)
    start_date = models.DateField(
        _("start"),
        null=True,
        blank=True,
        help_text=_("When the call opens and the partnership can begin."),
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    budget_eur = models.DecimalField(
        _("budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=not_negative(),
    )
    cofinancing_sought_eur = models.DecimalField(
        _("co-financing sought (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=not_negative(),
    )
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("Last day to express interest."),
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The identifier of this call in another database."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("direction"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes", widget=ThemeCheckboxes),
        FieldPanel("action_domains", widget=DomainCheckboxes),
        FieldPanel("target_countries", widget=FilterableSelectMultiple),
        FieldPanel("wanted_partner_profile"),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("duration_months"), FieldPanel("deadline")],
            heading=_("Calendar"),
        ),
        FieldRowPanel(
            [FieldPanel("budget_eur"), FieldPanel("cofinancing_sought_eur")],
            heading=_("Budget"),
        ),
        FieldPanel("external_id"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("wanted_partner_profile"),
        index.FilterField("direction"),
        index.FilterField("status"),
    ]

    override_translatable_fields = facts(
        "direction",
        "status",
        "themes",
        "action_domains",
        "target_countries",
        "start_date",
        "duration_months",
        "budget_eur",
        "cofinancing_sought_eur",
        "deadline",
        "external_id",
    )

    parent_page_types = ["cms.AuthorityPage"]
    subpage_types = []

    objects = CallManager()

    class Meta:
        verbose_name = _("partnership call")
        verbose_name_plural = _("partnership calls")

    @property
    def authority(self):
        """The fiche this call sits under, in whatever state (previews, the admin); the
        public one is ``AuthorityPage.objects.visible().of_call(call)``."""
        return self.get_parent().specific

    @property
    def is_open(self):
        return self.status == CallStatus.OPEN and not self.is_past_deadline

    @property
    def is_past_deadline(self):
        return self.deadline is not None and self.deadline < datetime.date.today()

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.deadline and self.deadline < self.start_date:
            errors["deadline"] = _("The deadline cannot be before the start.")
        if (
            self.budget_eur is not None
            and self.cofinancing_sought_eur is not None
            and self.cofinancing_sought_eur > self.budget_eur
        ):
            errors["cofinancing_sought_eur"] = _(
                "The co-financing sought cannot exceed the budget."
            )
        if errors:
            raise ValidationError(errors)


class NewsIndexPage(LocaleFallbackRoutingMixin, RenderedPageMixin, Page):
    """The list of news articles."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("news index")


class NewsPage(RenderedPageMixin, Page):
    """An actualité: editorial news about the Bourse and decentralised cooperation."""

    date = models.DateField(_("date"), default=datetime.date.today)
    introduction = models.TextField(_("introduction"), max_length=600)
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"), blank=True)
    themes = theme_field(_("themes"), "news")
    related_authorities = ParentalManyToManyField(
        AuthorityPage,
        verbose_name=_("related authorities"),
        blank=True,
        related_name="news",
        limit_choices_to=in_default_locale,
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("themes", widget=ThemeCheckboxes),
        FieldPanel("related_authorities", widget=FichesChooser),
        FieldPanel("countries", widget=FilterableSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    override_translatable_fields = facts("date", "themes", "related_authorities", "countries")

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    objects = PortalPageManager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]
