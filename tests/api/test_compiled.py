"""Querysets compiled once per process and content version, then only run (cms.api.compiled,
issue 11): the same rows as Django's own compilation, the run's values bound, nothing chained
onto a kept query, kept SQL dropped with the content version; pages and lists answer the
same before and after their queries are kept."""

import pytest

from cms.api import compiled, querysets
from cms.api.cache import bump_content_version
from cms.api.compiled import Bound, NotChainable, bounds, kept
from cms.models import AuthorityPage, PartnershipCallPage
from tests.factories import locale, make_authority, make_call, publish_page, restrict, translate
from tests.helpers import graphql

pytestmark = pytest.mark.django_db


def by_id(pk_name="id"):
    rows = querysets.calls(locale(), order="TITLE")
    return rows.filter(pk=Bound(pk_name, PartnershipCallPage._meta.pk))[:1]


def test_a_kept_query_reads_what_django_reads_with_the_values_bound(skeleton):
    dakar = make_authority("Dakar", country="SN")
    water, school = make_call(dakar, "Water"), make_call(dakar, "School")
    for call in (water, school, water):
        [row] = kept("test-call", ["fr"], by_id, {"id": call.pk})
        [plain] = querysets.calls(locale(), order="TITLE").filter(pk=call.pk)
        assert row.pk == plain.pk == call.pk
        # Annotations and converters as Django's own: the fiche's key is a UUID.
        assert row.authority_key == plain.authority_key == dakar.translation_key
        assert row.title == plain.title
    assert list(kept("test-call", ["fr"], by_id, {"id": 0})) == []


def test_in_filters_bind_each_value(skeleton):
    fiches = [make_authority(name) for name in ("Dakar", "Lyon", "Thiès")]
    field = AuthorityPage._meta.get_field("translation_key")

    def titles(pages):
        keys = [page.translation_key for page in pages]
        slots, values = bounds("key", field, keys)
        visible = AuthorityPage.objects.visible_in(locale())

        def build():
            return visible.filter(translation_key__in=slots).values_list("title", flat=True)

        return sorted(kept("test-keys", [len(keys)], build, values))

    assert titles(fiches[:2]) == ["Dakar", "Lyon"]
    assert titles(fiches[1:]) == ["Lyon", "Thiès"]  # same key, other values
    assert titles(fiches) == ["Dakar", "Lyon", "Thiès"]


def test_a_kept_query_is_built_and_compiled_once(skeleton):
    call = make_call(make_authority("Dakar"), "Water")
    built = []

    def build():
        built.append(1)
        return by_id()

    for _ in range(3):
        assert [row.pk for row in kept("test-once", ["fr"], build, {"id": call.pk})] == [call.pk]
    assert len(built) == 1
    bump_content_version()  # a publication: kept SQL is dropped
    assert [row.pk for row in kept("test-once", ["fr"], build, {"id": call.pk})] == [call.pk]
    assert len(built) == 2


def test_nothing_is_chained_onto_a_kept_query(skeleton):
    make_authority("Dakar")
    rows = kept("test-chain", ["fr"], lambda: AuthorityPage.objects.visible_in(locale()))
    for chain in (
        lambda: rows.filter(title="x"),
        lambda: rows.order_by("pk"),
        lambda: rows[:1],
        lambda: rows.first(),
        lambda: rows.count(),
        lambda: rows.values_list("pk"),
    ):
        with pytest.raises(NotChainable):
            chain()
    assert [page.title for page in rows] == ["Dakar"]


def test_without_a_content_version_the_query_is_built_every_time(skeleton, monkeypatch):
    call = make_call(make_authority("Dakar"), "Water")
    monkeypatch.setattr(compiled, "content_version", lambda: None)
    built = []

    def build():
        built.append(1)
        return by_id()

    for _ in range(2):
        assert [row.pk for row in kept("test-none", ["fr"], build, {"id": call.pk})] == [call.pk]
    assert len(built) == 2


ITEM = """query($id: ID) { partnershipCall(id: $id, locale: "fr") {
    title authority { title openCalls { title } } } }"""
LIST = """query($page: Int) { authorities(locale: "fr", perPage: 1, page: $page) {
    items { title openCalls { title } } pagination { total totalPages currentPage } } }"""


def test_answers_are_the_same_before_and_after_their_queries_are_kept(client, skeleton):
    dakar = make_authority("Dakar")
    make_authority("Lyon")
    water = make_call(dakar, "Water")
    first = [graphql(client, ITEM, {"id": water.pk}), graphql(client, LIST, {"page": 2})]
    again = [graphql(client, ITEM, {"id": water.pk}), graphql(client, LIST, {"page": 2})]
    assert again == first
    assert first[0]["data"]["partnershipCall"]["authority"]["title"] == "Dakar"
    assert first[1]["data"]["authorities"]["items"] == [{"title": "Lyon", "openCalls": []}]
    # A publication shows at once: the new call, and a new fiche on the list.
    make_call(dakar, "School")
    make_authority("Abidjan")
    item = graphql(client, ITEM, {"id": water.pk})["data"]["partnershipCall"]
    assert sorted(call["title"] for call in item["authority"]["openCalls"]) == ["School", "Water"]
    listed = graphql(client, LIST, {"page": 1})["data"]["authorities"]
    assert listed["items"][0]["title"] == "Abidjan"
    assert listed["pagination"]["total"] == 3


def test_kept_queries_follow_the_language_and_the_restrictions(client, skeleton):
    dakar = make_authority("Dakar", slug="dakar")
    water = make_call(dakar, "Water")
    translate(dakar, "en", "Dakar (en)")
    query = """query($id: ID, $locale: String) { partnershipCall(id: $id, locale: $locale) {
        authority { title } } }"""

    def authority(code):
        data = graphql(client, query, {"id": water.pk, "locale": code})["data"]
        call = data["partnershipCall"]
        return call and call["authority"]["title"]

    assert authority("fr") == "Dakar"
    assert authority("en") == "Dakar (en)"
    assert authority("fr") == "Dakar"
    restrict(dakar)
    assert authority("fr") is None  # private now: the call with it
    dakar.title = "Dakar, again"
    publish_page(dakar)
    assert authority("fr") is None
