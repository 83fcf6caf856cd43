"""GraphQL types of the public API.

Every type lists its fields explicitly: nothing is generated from the models, so Wagtail
internals (draft title, revisions, locks, aliases, owners) and personal data (the contact's
email and phone) cannot appear. Nested objects come from ``loaders`` and are already
filtered for visibility; labels and names are given in the language the client asked for.

One parent shape: every type with resolvers (``ItemType``) receives a ``loaders.Item`` (the
object, the requested language, the batch holding its relations); a field without a
resolver reads the same-named attribute of ``item.obj``. Plain values (a country, a
translation, pagination figures, a news block, a suggestion, a list) are built as values.
"""

import graphene
from django.utils import translation
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from cms.models import (
    FRENCH_COUNTRY_CODES,
    AuthorityKind,
    AuthorityPage,
    CallDirection,
    CallStatus,
    CooperationKind,
    ForeignActorKind,
    NewsPage,
    PartnershipCallPage,
    language_name,
)

from .comments import Comment, resolve_comments
from .loaders import IMAGE_RENDITION
from .scope import scope_for


def enum_from_choices(name, choices, description):
    """A GraphQL enum whose names are the upper-case stored codes (OFFER for "offer")."""
    return graphene.Enum(
        name,
        [(choice.name, choice.value) for choice in choices],
        description=description,
    )


AuthorityKindEnum = enum_from_choices("AuthorityKind", AuthorityKind, "Kind of local authority.")
CooperationKindEnum = enum_from_choices(
    "CooperationKind", CooperationKind, "Kind of link between two authorities."
)
ForeignActorKindEnum = enum_from_choices(
    "ForeignActorKind", ForeignActorKind, "Kind of foreign organisation."
)
CallDirectionEnum = enum_from_choices(
    "CallDirection", CallDirection, "OFFER: the authority proposes; REQUEST: it seeks."
)
CallStatusEnum = enum_from_choices("CallStatus", CallStatus, "Where a call stands.")
CallOrderEnum = graphene.Enum(
    "CallOrder",
    [("NEWEST", "NEWEST"), ("DEADLINE", "DEADLINE"), ("TITLE", "TITLE")],
    description="NEWEST: last published first; DEADLINE: closest deadline first; TITLE: A→Z.",
)


def obj_attribute(name, default_value, item, info, **args):
    """Default resolver of the item types: the attribute of the wrapped object."""
    return getattr(item.obj, name, default_value)


class ItemType(graphene.ObjectType):
    """A type whose resolvers receive an ``Item`` (see the module's docstring)."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, default_resolver=obj_attribute, **options):
        super().__init_subclass_with_meta__(default_resolver=default_resolver, **options)


def rich_text(value):
    return expand_db_html(value) if value else ""


def stored_country(obj, attribute):
    """The country code ``attribute`` of ``obj`` as stored: a page model's django-countries
    descriptor builds a ``Country`` object on every read, only for ``country_value`` to turn
    it back into its code (a deferred field is read through the descriptor, which loads it)."""
    stored = getattr(obj, "__dict__", None)
    if stored is not None and attribute in stored:
        return stored[attribute]
    return getattr(obj, attribute)


def country_value(scope, code, language_code):
    code = str(code or "")
    if not code:
        return None
    return {"code": code, "name": scope.country_name(code, language_code)}


def term_name(parent, info):
    """A theme's or action domain's name in the requested language (slug and SDGs are the
    reference row's)."""
    return scope_for(info).localized(parent.obj, parent.language).name


# Resolver factories: each names the one attribute of ``item.obj`` its field reads.


def nested(attribute):
    """The related rows ``attribute`` of the item's page, loaded by its batch for every page
    of the batch on first use, as items."""

    def resolve(parent, info):
        return [parent.child(obj) for obj in parent.batch.related(parent.obj, attribute)]

    return staticmethod(resolve)


def countries_in(attribute):
    """The country codes ``attribute``, named in the requested language."""

    def resolve(parent, info):
        scope = scope_for(info)
        codes = getattr(parent.obj, attribute)
        return [country_value(scope, code, parent.language) for code in codes]

    return staticmethod(resolve)


def label_of(choices, attribute):
    """The label of the stored code ``attribute`` in the requested language."""

    def resolve(parent, info):
        return scope_for(info).label(choices, getattr(parent.obj, attribute), parent.language)

    return staticmethod(resolve)


def decimal(attribute):
    """A decimal ``attribute`` as a float (or null)."""

    def resolve(parent, info):
        value = getattr(parent.obj, attribute)
        return float(value) if value is not None else None

    return staticmethod(resolve)


class Pagination(graphene.ObjectType):
    total = graphene.Int(required=True, description="Items matching the filters.")
    count = graphene.Int(required=True, description="Items on this page.")
    per_page = graphene.Int(required=True)
    current_page = graphene.Int(required=True)
    total_pages = graphene.Int(required=True)


class Translation(graphene.ObjectType):
    locale = graphene.String(required=True, description="Language code of the published copy.")
    url = graphene.String(description="Its address (path).")


class Country(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 3166-1 alpha-2 code.")
    name = graphene.String(required=True, description="Name in the requested language.")


class Language(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 639-1 code.")
    name = graphene.String(required=True)


class ActionDomain(ItemType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)

    resolve_name = staticmethod(term_name)


class Theme(ItemType):
    slug = graphene.String(required=True, description="Identifier used in filters.")
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    sdg_numbers = graphene.List(
        graphene.NonNull(graphene.Int),
        required=True,
        description="UN Sustainable Development Goals served (1 to 17).",
    )
    action_domains = graphene.List(graphene.NonNull(ActionDomain), required=True)

    resolve_name = staticmethod(term_name)

    @staticmethod
    def resolve_description(parent, info):
        return scope_for(info).localized(parent.obj, parent.language).description

    @staticmethod
    def resolve_action_domains(parent, info):
        return [parent.child(domain) for domain in scope_for(info).domains_of(parent.obj)]


class Content(graphene.Interface):
    """What every published item has: an address, a language and its translations."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    url = graphene.String(description="Path of the item in its own language.")
    locale = graphene.String(
        required=True,
        description="Language of this copy: differs from the requested one when the item "
        "is not translated yet and is shown in its source language.",
    )
    translations = graphene.List(
        graphene.NonNull(Translation),
        required=True,
        description="The other published languages of this item.",
    )
    last_published_at = graphene.DateTime()

    @classmethod
    def resolve_type(cls, instance, info):
        return {
            AuthorityPage: Authority,
            PartnershipCallPage: PartnershipCall,
            NewsPage: NewsArticle,
        }[type(instance.obj)]

    @staticmethod
    def resolve_id(parent, info):
        return parent.obj.pk

    @staticmethod
    def resolve_url(parent, info):
        return scope_for(info).url(parent.obj)

    @staticmethod
    def resolve_locale(parent, info):
        return scope_for(info).language_code_of(parent.obj.locale_id)

    @staticmethod
    def resolve_translations(parent, info):
        return parent.batch.translations_of(parent.obj)


class AuthorityLink(ItemType):
    """A short reference to a published fiche."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    url = graphene.String()
    locale = graphene.String(required=True)
    country = graphene.Field(Country, required=True)
    kind = graphene.Field(AuthorityKindEnum, required=True)

    resolve_id = staticmethod(Content.resolve_id)
    resolve_url = staticmethod(Content.resolve_url)
    resolve_locale = staticmethod(Content.resolve_locale)

    @staticmethod
    def resolve_country(parent, info):
        return country_value(
            scope_for(info), stored_country(parent.obj, "country"), parent.language
        )


class Cooperation(ItemType):
    partner = graphene.Field(
        AuthorityLink, description="The partner's fiche, when it is published in the portal."
    )
    partner_name = graphene.String(
        required=True,
        description="The partner fiche's title, or the name given for a partner outside the "
        "portal; empty when the partner's fiche is not published.",
    )
    partner_country = graphene.Field(Country)
    kind = graphene.Field(CooperationKindEnum, required=True)
    kind_label = graphene.String(required=True)
    since_year = graphene.Int()
    themes = graphene.List(graphene.NonNull(Theme), required=True)
    active = graphene.Boolean(required=True, description="False when the link is dormant.")
    description = graphene.String(required=True)

    @staticmethod
    def resolve_partner(parent, info):
        return parent.batch.partner_of(parent.obj)

    @staticmethod
    def resolve_partner_name(parent, info):
        partner = parent.batch.partner_of(parent.obj)
        # A partner fiche that is a draft or private lends nothing, not even its title.
        return partner.obj.title if partner is not None else parent.obj.partner_name

    @staticmethod
    def resolve_partner_country(parent, info):
        partner = parent.batch.partner_of(parent.obj)
        code = partner.obj.country if partner is not None else parent.obj.partner_country
        return country_value(scope_for(info), code, parent.language)

    resolve_kind_label = label_of(CooperationKind, "kind")

    @staticmethod
    def resolve_themes(parent, info):
        return [parent.child(theme) for theme in parent.batch.cooperation_themes(parent.obj)]

    @staticmethod
    def resolve_active(parent, info):
        return parent.obj.is_active


class ForeignActor(ItemType):
    name = graphene.String(required=True)
    kind = graphene.Field(ForeignActorKindEnum, required=True)
    kind_label = graphene.String(required=True)
    country_of_origin = graphene.Field(Country)
    description = graphene.String(required=True)

    resolve_kind_label = label_of(ForeignActorKind, "kind")

    @staticmethod
    def resolve_country_of_origin(parent, info):
        return country_value(scope_for(info), parent.obj.country_of_origin, parent.language)


class Authority(ItemType):
    """A fiche de présentation: a local authority, French or foreign, and its five sections."""

    class Meta:
        interfaces = (Content,)

    # 1. General information
    summary = graphene.String(required=True)
    kind = graphene.Field(AuthorityKindEnum, required=True)
    kind_label = graphene.String(required=True)
    country = graphene.Field(Country, required=True)
    french = graphene.Boolean(required=True, description="True for French authorities.")
    region_name = graphene.String(required=True)
    address = graphene.String(required=True)
    website = graphene.String(required=True)
    contact_role = graphene.String(required=True)
    contact_name = graphene.String(required=True)
    last_verified = graphene.Date()
    # 2. Main characteristics
    area_km2 = graphene.Float()
    population = graphene.Float(description="Inhabitants (a Float: may exceed 2^31).")
    population_year = graphene.Int()
    main_activities = graphene.String(required=True, description="HTML.")
    working_languages = graphene.List(graphene.NonNull(Language), required=True)
    latitude = graphene.Float()
    longitude = graphene.Float()
    # 3. and 4.
    cooperations = graphene.List(graphene.NonNull(Cooperation), required=True)
    foreign_actors = graphene.List(graphene.NonNull(ForeignActor), required=True)
    # 5. Partnership objectives
    objective_themes = graphene.List(graphene.NonNull(Theme), required=True)
    objective_domains = graphene.List(graphene.NonNull(ActionDomain), required=True)
    wanted_partner_profile = graphene.String(required=True)
    preferred_countries = graphene.List(graphene.NonNull(Country), required=True)
    preferred_regions = graphene.String(required=True)
    can_bring = graphene.String(required=True)
    # Its calls
    open_calls = graphene.List(
        graphene.NonNull(lambda: PartnershipCall),
        required=True,
        description="Its published calls that are open and not past their deadline.",
    )

    resolve_kind_label = label_of(AuthorityKind, "kind")
    resolve_area_km2 = decimal("area_km2")
    resolve_cooperations = nested("cooperations")
    resolve_foreign_actors = nested("foreign_actors")
    resolve_objective_themes = nested("objective_themes")
    resolve_objective_domains = nested("objective_domains")
    resolve_preferred_countries = countries_in("preferred_countries")

    @staticmethod
    def resolve_country(parent, info):
        return country_value(
            scope_for(info), stored_country(parent.obj, "country"), parent.language
        )

    @staticmethod
    def resolve_french(parent, info):
        return str(parent.obj.country) in FRENCH_COUNTRY_CODES

    @staticmethod
    def resolve_main_activities(parent, info):
        return rich_text(parent.obj.main_activities)

    @staticmethod
    def resolve_working_languages(parent, info):
        with translation.override(parent.language):
            return [
                {"code": code, "name": language_name(code)} for code in parent.obj.working_languages
            ]

    @staticmethod
    def resolve_open_calls(parent, info):
        return parent.batch.open_calls_of(parent.obj)


class PartnershipCall(ItemType):
    """An appel à partenariat: an offer or a request published by an authority."""

    class Meta:
        interfaces = (Content,)

    direction = graphene.Field(CallDirectionEnum, required=True)
    direction_label = graphene.String(required=True)
    status = graphene.Field(CallStatusEnum, required=True)
    status_label = graphene.String(required=True)
    open = graphene.Boolean(
        required=True, description="Open status and deadline not passed: interest is welcome."
    )
    summary = graphene.String(required=True)
    description = graphene.String(required=True, description="HTML.")
    themes = graphene.List(graphene.NonNull(Theme), required=True)
    action_domains = graphene.List(graphene.NonNull(ActionDomain), required=True)
    target_countries = graphene.List(graphene.NonNull(Country), required=True)
    wanted_partner_profile = graphene.String(required=True)
    start_date = graphene.Date()
    duration_months = graphene.Int()
    budget_eur = graphene.Float()
    cofinancing_sought_eur = graphene.Float()
    deadline = graphene.Date()
    authority = graphene.Field(Authority, required=True, description="Who publishes the call.")

    resolve_direction_label = label_of(CallDirection, "direction")
    resolve_status_label = label_of(CallStatus, "status")
    resolve_themes = nested("themes")
    resolve_action_domains = nested("action_domains")
    resolve_target_countries = countries_in("target_countries")
    resolve_budget_eur = decimal("budget_eur")
    resolve_cofinancing_sought_eur = decimal("cofinancing_sought_eur")

    @staticmethod
    def resolve_open(parent, info):
        return parent.obj.is_open

    @staticmethod
    def resolve_description(parent, info):
        return rich_text(parent.obj.description)

    @staticmethod
    def resolve_authority(parent, info):
        return parent.batch.authority_of(parent.obj)


# --- news body blocks ---------------------------------------------------------------------


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="At most 1200×1200 pixels.")
    width = graphene.Int(required=True)
    height = graphene.Int(required=True)


class ParagraphBlock(graphene.ObjectType):
    html = graphene.String(required=True)


class ImageBlock(graphene.ObjectType):
    image = graphene.Field(Image)
    caption = graphene.String(required=True)
    alt_text = graphene.String(required=True)


class QuoteBlock(graphene.ObjectType):
    text = graphene.String(required=True)
    attribution = graphene.String(required=True)


class EmbedBlock(graphene.ObjectType):
    url = graphene.String(required=True)


class NewsBlock(graphene.Union):
    class Meta:
        types = (ParagraphBlock, ImageBlock, QuoteBlock, EmbedBlock)


def body_blocks(article, images):
    """The body's blocks as values; ``images``: the batch's images by id."""
    blocks = []
    for block in article.body.raw_data:
        kind, value = block["type"], block.get("value")
        if kind == "paragraph":
            blocks.append(ParagraphBlock(html=rich_text(value)))
        elif kind == "image":
            image = images.get(value.get("image"))
            rendition = None
            if image:
                try:
                    rendition = image.get_rendition(IMAGE_RENDITION)
                except SourceImageIOError:  # the file is lost: the block keeps its text
                    rendition = None
            blocks.append(
                ImageBlock(
                    image=Image(url=rendition.url, width=rendition.width, height=rendition.height)
                    if rendition
                    else None,
                    caption=value.get("caption") or "",
                    alt_text=value.get("alt_text") or "",
                )
            )
        elif kind == "quote":
            blocks.append(
                QuoteBlock(text=value.get("text") or "", attribution=value.get("attribution") or "")
            )
        elif kind == "embed":
            blocks.append(EmbedBlock(url=value or ""))
    return blocks


class NewsArticle(ItemType):
    """An actualité."""

    class Meta:
        interfaces = (Content,)

    date = graphene.Date(required=True)
    introduction = graphene.String(required=True)
    body = graphene.List(graphene.NonNull(NewsBlock), required=True)
    themes = graphene.List(graphene.NonNull(Theme), required=True)
    countries = graphene.List(graphene.NonNull(Country), required=True)
    related_authorities = graphene.List(graphene.NonNull(Authority), required=True)
    comments = graphene.List(
        graphene.NonNull(Comment),
        required=True,
        resolver=resolve_comments,
        description="Visitors' comments approved by a moderator, oldest first.",
    )

    resolve_themes = nested("themes")
    resolve_countries = countries_in("countries")

    @staticmethod
    def resolve_body(parent, info):
        return body_blocks(parent.obj, parent.batch.images)

    @staticmethod
    def resolve_related_authorities(parent, info):
        return parent.batch.related_of(parent.obj)


# --- lists --------------------------------------------------------------------------------


class AuthorityList(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(Authority), required=True)
    pagination = graphene.Field(Pagination, required=True)


class PartnershipCallList(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(PartnershipCall), required=True)
    pagination = graphene.Field(Pagination, required=True)


class NewsList(graphene.ObjectType):
    items = graphene.List(graphene.NonNull(NewsArticle), required=True)
    pagination = graphene.Field(Pagination, required=True)


class SearchResultList(graphene.ObjectType):
    items = graphene.List(
        graphene.NonNull(Content),
        required=True,
        description="Best match first; ask __typename to tell fiches, calls and news apart.",
    )
    pagination = graphene.Field(Pagination, required=True)


class PartnerSuggestion(graphene.ObjectType):
    """A complementary authority, alone or through one of its open calls, and why."""

    score = graphene.Int(required=True, description="Higher is a better match.")
    reasons = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Why it is suggested, strongest first, in the requested language.",
    )
    authority = graphene.Field(Authority, required=True)
    call = graphene.Field(
        PartnershipCall, description="The open call that matches; null: the fiche itself."
    )


class CountryCoverage(graphene.ObjectType):
    """A country with authorities in the portal, and what the portal holds about it."""

    code = graphene.String(required=True)
    name = graphene.String(required=True)
    authorities = graphene.Int(required=True, description="Published fiches.")
    french_cooperations = graphene.Int(
        required=True,
        description="Cooperations recorded between its authorities and French authorities "
        "(for France: all cooperations of French authorities).",
    )
    open_calls = graphene.Int(required=True, description="Open calls of its authorities.")
    open_requests_without_french_partner = graphene.Int(
        required=True,
        description="Open requests of its authorities that have no active cooperation "
        "with a French authority yet.",
    )
