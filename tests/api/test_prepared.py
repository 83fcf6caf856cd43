"""Loader queries compiled once and run again (``cms.api.prepared``, ``AnyOf``): the same
rows and objects as the querysets themselves, one compilation whatever the number of keys,
and nothing kept past what its SQL depends on (restrictions, content version)."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.api import prepared
from cms.api.scope import ApiScope
from cms.models import AuthorityPage, Cooperation
from cms.models.lookups import AnyOf
from tests.factories import graphql, make_authority, make_call, restrict

pytestmark = pytest.mark.django_db


def _fiches(n, **fields):
    return [make_authority(f"Town {i:02}", slug=f"town-{i:02}", **fields) for i in range(n)]


def test_any_of_matches_the_in_lookup(skeleton):
    fiches = _fiches(3)
    keys = [fiches[0].translation_key, fiches[2].translation_key, None]
    pks = [fiches[1].pk, fiches[2].pk]
    by_in = AuthorityPage.objects.filter(translation_key__in=keys).order_by("pk")
    by_any = AuthorityPage.objects.filter(AnyOf(F("translation_key"), keys)).order_by("pk")
    assert list(by_any) == list(by_in) == [fiches[0], fiches[2]]
    assert list(AuthorityPage.objects.filter(AnyOf(F("pk"), pks)).order_by("pk")) == fiches[1:]
    assert not AuthorityPage.objects.filter(AnyOf(F("pk"), [])).exists()


def _visible(locale, restricted, keys):
    return AuthorityPage.objects.visible_in(locale, restricted).filter(
        AnyOf(F("translation_key"), keys)
    )


def _titles(locale, restricted, keys):
    return _visible(locale, restricted, keys).order_by("pk").values_list("pk", "title", "country")


def test_results_are_the_querysets_own_and_compiled_once(skeleton, monkeypatch):
    fiches = _fiches(4, country="SN")
    make_call(fiches[0], "A call")
    scope = ApiScope()
    locale = Locale.objects.get(language_code="fr")
    compiled = []
    original = prepared.PreparedQuery.__init__

    def counting(self, queryset):
        compiled.append(queryset)
        original(self, queryset)

    monkeypatch.setattr(prepared.PreparedQuery, "__init__", counting)
    for chosen in (fiches[:1], fiches[1:], fiches[::2]):
        keys = [fiche.translation_key for fiche in chosen]
        args = (locale, scope.restricted)
        rows = prepared.run(_titles, args, keys=keys)
        assert rows == list(_titles(*args, keys))
        objects = prepared.run(_visible, args, keys=keys)
        expected = list(_visible(*args, keys))
        assert sorted(objects, key=lambda page: page.pk) == sorted(expected, key=lambda p: p.pk)
        for built, own in zip(
            sorted(objects, key=lambda page: page.pk),
            sorted(expected, key=lambda page: page.pk),
            strict=True,
        ):
            fields = {name: value for name, value in own.__dict__.items() if name != "_state"}
            assert {name: built.__dict__[name] for name in fields} == fields
            assert (built._state.adding, built._state.db) == (False, own._state.db)
            assert str(built.country) == "SN" and built.country.name == own.country.name
    assert len(compiled) == 2  # one values query, one model query, for three key lists


def test_annotated_values_rows_keep_their_order(skeleton):
    partner = make_authority("Partner", slug="partner")
    fiche = make_authority("Town", slug="town", cooperations=[{"partner_page": partner}])
    columns = ("authority_id", "pk", "partner_key", "kind")

    def build(authorities):
        return (
            Cooperation.objects.filter(AnyOf(F("authority_id"), authorities))
            .annotate(partner_key=F("partner_page__translation_key"))
            .values_list(*columns)
        )

    rows = prepared.run(build, (), authorities=[fiche.pk])
    assert rows == list(build([fiche.pk])) and rows[0][2] == partner.translation_key


def test_a_new_view_restriction_hides_a_fiche_from_prepared_lists(client, skeleton):
    fiches = _fiches(3)
    partner = make_authority("Partner", slug="partner")
    make_authority("Host", slug="host", cooperations=[{"partner_page": partner}])
    query = """{ authorities(perPage: 100) { items { title
        cooperations { partnerName partner { title } } } } }"""

    def answer():
        return graphql(client, query)["data"]["authorities"]["items"]

    before = answer()
    assert {item["title"] for item in before} == {"Host", "Partner", *(f.title for f in fiches)}
    restrict(partner)
    restrict(fiches[0])
    after = answer()
    assert {item["title"] for item in after} == {"Host", *(f.title for f in fiches[1:])}
    host = next(item for item in after if item["title"] == "Host")
    assert host["cooperations"] == [{"partnerName": "", "partner": None}]


def test_the_same_queries_as_the_querysets(skeleton):
    """One query per prepared run, as the queryset's own evaluation; none for no keys."""
    fiches = _fiches(2)
    scope = ApiScope()
    locale = Locale.objects.get(language_code="fr")
    keys = [fiche.translation_key for fiche in fiches]
    args = (locale, scope.restricted)  # the restrictions read first
    with CaptureQueriesContext(connection) as queries:
        assert len(prepared.run(_titles, args, keys=keys)) == 2
        assert len(prepared.run(_titles, args, keys=keys[:1])) == 1
    assert len(queries.captured_queries) == 2
