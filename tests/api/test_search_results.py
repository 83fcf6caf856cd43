"""Search reads fiches, calls and news in one ranked list, a page at a time (one ranked query
over their pages): the visitor's rule still applies to every match, whatever its rank.

The hidden pages below rank first (the word in their title, three times), so a read that
filled a page of results before checking the visitor's rule would show them; the visible
ones come after, more than a page of them.
"""

import pytest

from cms.models import PortalPageQuerySet
from tests.factories import make_authority, make_call, make_news, restrict, translate
from tests.helpers import card_titles, get, graphql

pytestmark = pytest.mark.django_db

MARKER = "LEAK"
STRONG = "Harbour harbour harbour"
SEARCH = """query($locale: String, $page: Int) {
  search(query: "harbour", locale: $locale, page: $page, perPage: 20) {
    items { __typename title url locale }
    pagination { total totalPages }
  }
}"""


@pytest.fixture
def harbours(skeleton):
    towns = [
        make_authority(f"Harbour town {number:02d}", summary="A harbour on the coast.")
        for number in range(22)
    ]
    call = make_call(towns[0], "Harbour works", summary="A harbour to rebuild.")
    news = make_news("Harbour day", introduction="The harbour festival.")
    # Translated: the English copy for English visitors, the French one for French visitors.
    translated = make_authority(f"{STRONG} city", summary="A harbour.")
    translated_en = translate(translated, "en", f"{STRONG} city in English")
    # A translation not published: English visitors get the French source.
    untranslated = make_authority(f"{STRONG} port", summary="A harbour.")
    translate(untranslated, "en", f"{MARKER} {STRONG} draft translation", publish=False)
    # Hidden: never published, private, under a hidden fiche, unpublished afterwards.
    make_authority(f"{MARKER} {STRONG} draft fiche", slug="draft", publish=False)
    make_call(towns[1], f"{MARKER} {STRONG} draft call", publish=False)
    make_news(f"{MARKER} {STRONG} draft news", publish=False)
    private = make_authority(f"{MARKER} {STRONG} private fiche", slug="private")
    make_call(private, f"{MARKER} {STRONG} call of a private fiche")
    restrict(private)
    private_call = make_call(towns[2], f"{MARKER} {STRONG} private call")
    restrict(private_call)
    withdrawn = make_authority(f"{MARKER} {STRONG} withdrawn fiche", slug="withdrawn")
    make_call(withdrawn, f"{MARKER} {STRONG} call of a withdrawn fiche")
    withdrawn.unpublish()
    withdrawn_news = make_news(f"{MARKER} {STRONG} withdrawn news")
    withdrawn_news.unpublish()
    towns[3].create_alias(update_slug="harbour-alias")
    common = {town.url for town in towns} | {call.url, news.url}
    return {
        "fr": common | {translated.url, untranslated.url},
        "en": common | {translated_en.url, untranslated.url},
        "translated": translated,
        "translated_en": translated_en,
        "untranslated": untranslated,
    }


def every_result(client, code):
    """Every item of every page of the search, and the total the first page gave."""
    first = graphql(client, SEARCH, {"locale": code, "page": 1})["data"]["search"]
    items = list(first["items"])
    for page in range(2, first["pagination"]["totalPages"] + 1):
        items += graphql(client, SEARCH, {"locale": code, "page": page})["data"]["search"]["items"]
    return items, first["pagination"]["total"]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_search_never_returns_hidden_pages_or_another_languages_copy(client, harbours, code):
    items, total = every_result(client, code)
    assert not [item["title"] for item in items if MARKER in item["title"]]
    urls = [item["url"] for item in items]
    assert len(urls) == len(set(urls)) == total
    assert set(urls) == harbours[code]
    assert {item["__typename"] for item in items} == {"Authority", "PartnershipCall", "NewsArticle"}


def test_search_page_shows_the_visitors_copy_and_nothing_hidden(client, harbours):
    shown = []
    for page in (1, 2):
        html = get(client, f"/en/recherche/?q=harbour&page={page}")
        assert MARKER not in html.text
        shown += card_titles(html)
    # Pages not translated yet are shown at their address in the visitor's language.
    assert len(shown) == len(set(shown)) == len(harbours["en"])
    assert "/en/fiches/" + harbours["untranslated"].slug + "/" in shown
    assert harbours["translated_en"].url in shown
    assert harbours["translated"].url not in shown


def test_the_same_search_again_runs_its_kept_query_and_follows_the_content(
    client, harbours, monkeypatch
):
    """The ranked read's SQL is compiled once per words, language, restrictions and day
    (cms.api.prepared): asked again, the visitor's rule is not built again; a publication
    or a new restriction (a new content version) shows at once."""
    built = []
    listed_in = PortalPageQuerySet.listed_in

    def counting(self, *args, **kwargs):
        built.append(args)
        return listed_in(self, *args, **kwargs)

    monkeypatch.setattr(PortalPageQuerySet, "listed_in", counting)
    first, total = every_result(client, "fr")
    builds = len(built)
    assert builds >= 1
    assert every_result(client, "fr") == (first, total)
    assert len(built) == builds  # kept: neither built nor compiled again

    newcomer = make_authority(f"{STRONG} newcomer", summary="A harbour.")
    items, total_now = every_result(client, "fr")
    assert newcomer.url in {item["url"] for item in items}
    assert total_now == total + 1
    restrict(newcomer)
    items, total_now = every_result(client, "fr")
    assert newcomer.url not in {item["url"] for item in items}
    assert total_now == total
