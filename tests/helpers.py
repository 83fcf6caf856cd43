"""Helpers shared by test modules (no test module imports another): what a client reads.

- ``graphql``: POST a query to the public endpoint;
- ``RenderedPage``, ``get``, ``card_titles``: a public page as a visitor reads it;
- ``VALID_INTEREST``, ``interest_form_url``: a valid expression of interest and its form;
- ``root_queries``, ``public_urls``: every GraphQL root field and every public surface, for
  leak tests;
- ``fiche_post_data``, ``call_post_data``: the forms the Wagtail admin posts.

Content (fiches, calls, news) comes from ``tests.factories``.
"""

import contextlib
import re
from html.parser import HTMLParser

from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_leaf_type,
)
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.api.schema import schema
from cms.models import Theme
from cms.models.pages import RICH_TEXT_FEATURES
from cms.pages.urls import search_url

# --- GraphQL --------------------------------------------------------------------------------


def graphql(client, query, variables=None, status=200, language="en"):
    """POST a query to the public endpoint; returns the decoded JSON body.

    Error messages follow the client's Accept-Language (English unless told).
    """
    response = client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == status, response.content
    return response.json()


# --- Public pages ---------------------------------------------------------------------------


class RenderedPage(HTMLParser):
    """A rendered page: its start tags, and the text of the elements with an id or a lang."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "col", "area"}

    def __init__(self, html):
        super().__init__()
        self.html = html
        self.tags = []
        self._open = []
        self.texts = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in self.VOID:
            self._open.append([tag, attrs, []])

    def handle_endtag(self, tag):
        while self._open:
            name, attrs, text = self._open.pop()
            content = " ".join("".join(text).split())
            for key in ("id", "lang"):
                if attrs.get(key):
                    self.texts.setdefault((key, attrs[key]), []).append(content)
            if self._open:
                self._open[-1][2].append("".join(text))
            if name == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)

    def section(self, element_id):
        """The text of the element with this id."""
        return self.texts.get(("id", element_id), [""])[0]

    def in_language(self, code):
        """Texts of the elements marked lang=code (the content in that language)."""
        return self.texts.get(("lang", code), [])

    def links(self, css_class=None):
        return [
            attrs["href"]
            for tag, attrs in self.tags
            if tag == "a"
            and "href" in attrs
            and (css_class is None or css_class in attrs.get("class", "").split())
        ]

    def with_class(self, tag, css_class):
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and css_class in attrs.get("class", "").split()
        ]

    @property
    def text(self):
        return " ".join(re.sub(r"<[^>]+>", " ", self.html).split())


def card_titles(page):
    """Addresses of the cards' title links, in order."""
    titles = []
    capture = False
    for tag, attrs in page.tags:
        if tag.startswith("h") and "fr-card__title" in attrs.get("class", ""):
            capture = True
        elif capture and tag == "a":
            titles.append(attrs["href"])
            capture = False
    return titles


def get(client, url, status=200):
    """GET ``url``, check its status, and read the page."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return RenderedPage(response.content.decode())


# --- Expressions of interest ----------------------------------------------------------------

INTEREST_SENDER_EMAIL = "jumelage@lyon.example"
DAKAR_CONTACT_EMAIL = "international@dakar.example"  # the contact of the calls tests ask about
VALID_INTEREST = {
    "interested_authority": "Ville de Lyon",
    "interested_country": "FR",
    "interested_kind": "municipality",
    "contact_name": "Claire Martin",
    "contact_role": "Chargée de mission",
    "email": INTEREST_SENDER_EMAIL,
    "message": "Nous avons vingt ans d'expérience dans l'eau potable.",
    "consent": "on",
}


def interest_form_url(call, language="fr"):
    with translation.override(language):
        return reverse("interest_expression", args=[call.pk])


def send_pending_mail():
    """What the periodic sender does between two visits."""
    call_command("send_pending_mail", verbosity=0)


def submit_interest(client, call, language="fr", address="192.0.2.1", **changes):
    """Post the interest form, then run the periodic sender as cron would."""
    data = {**VALID_INTEREST, **changes}
    response = client.post(interest_form_url(call, language), data, REMOTE_ADDR=address)
    send_pending_mail()
    return response


# --- Alerts ----------------------------------------------------------------------------------

ALERT_EMAIL = "alerts-quokka@subscriber.example"
ALERT_THEME = "water-sanitation"


def subscribe_to_alerts(client, language="fr", address="192.0.2.1", **changes):
    """Post the alerts form (water and sanitation requests from Senegal, unless changed),
    then run the periodic sender as cron would."""
    fr = Locale.get_default()
    data = {
        "email": ALERT_EMAIL,
        "direction": "request",
        "themes": [str(water.pk) for water in Theme.objects.filter(slug=ALERT_THEME, locale=fr)],
        "countries": ["SN"],
        **changes,
    }
    with translation.override(language):
        url = reverse("alerts_subscribe")
    response = client.post(url, data, REMOTE_ADDR=address)
    send_pending_mail()
    return response


# --- Leak tests: every GraphQL root field, every public surface -----------------------------

LEAK_QUERY_DEPTH = 3


def _has_required_args(field):
    return any(
        isinstance(arg.type, GraphQLNonNull) and arg.default_value is None
        for arg in field.args.values()
    )


def selection(graphql_type, depth):
    """Every field of ``graphql_type`` without required arguments, ``depth`` levels deep."""
    named = get_named_type(graphql_type)
    if is_leaf_type(named):
        return ""
    if depth == 0:
        return None
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        possible = schema.graphql_schema.get_possible_types(named)
        fragments = [f"... on {kind.name} {selection(kind, depth)}" for kind in possible]
        return "{ __typename " + " ".join(fragments) + " }"
    assert isinstance(named, GraphQLObjectType)
    parts = []
    for name, field in named.fields.items():
        if _has_required_args(field):
            continue
        sub = selection(field.type, depth - 1)
        if sub is not None:
            parts.append(f"{name} {sub}".strip())
    return "{ " + " ".join(parts or ["__typename"]) + " }"


def root_queries(call, authority, article):
    """(name, query) for every root field, each selecting every field three levels deep."""
    arguments = {
        "authority": f"(id: {authority.pk})",
        "partnershipCall": f"(id: {call.pk})",
        "newsArticle": f"(id: {article.pk})",
        "search": '(query: "zebrafish", perPage: 20)',
        "suggestedPartners": f"(call: {call.pk}, limit: 10)",
    }
    query_type = schema.graphql_schema.query_type
    for name, field in query_type.fields.items():
        args = arguments.get(name, "")
        if _has_required_args(field) and not args:
            continue
        yield name, f"{{ {name}{args} {selection(field.type, LEAK_QUERY_DEPTH)} }}"


def public_urls(call, authority):
    """Every public surface showing ``call`` or ``authority``: pages, feeds, sitemap, exports."""
    urls = [
        call.get_url(),
        authority.get_url(),
        interest_form_url(call),
        reverse("interest_expression_sent", args=[call.pk]),
        "/sitemap.xml",
        "/fr/feeds/calls.rss",
        "/fr/feeds/calls.atom",
        "/fr/feeds/news.rss",
        "/en/feeds/calls.rss",
    ]
    # Surfaces other parts of the portal may or may not serve yet.
    for name in ("export_authorities_csv", "export_authorities_geojson", "map"):
        with contextlib.suppress(NoReverseMatch):
            urls.append(reverse(name))
    # The results page repeats the query: search a word of the message, not the marker.
    urls.append(f"{search_url()}?q=zebrafish")
    return urls


# --- Wagtail admin forms --------------------------------------------------------------------


def fiche_post_data(title="Dakar", slug="dakar", cooperations=(), foreign_actors=(), **fields):
    """The add/edit form of a fiche as the admin posts it; `fields` override single values."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "municipality",
            "country": "SN",
            "summary": "",
            "main_activities": rich_text("", features=RICH_TEXT_FEATURES),
            "cooperations": inline_formset(list(cooperations)),
            "foreign_actors": inline_formset(list(foreign_actors)),
        }
    )
    data.update({key: "" if value is None else value for key, value in fields.items()})
    return data


def call_post_data(title="Water network", slug="water-network", **fields):
    """The add/edit form of a partnership call as the admin posts it."""
    data = {
        "title": title,
        "slug": slug,
        "direction": "offer",
        "status": "open",
        "summary": "We offer engineering help for a drinking-water network.",
        "description": rich_text("", features=RICH_TEXT_FEATURES),
    }
    data.update({key: "" if value is None else value for key, value in fields.items()})
    return data
