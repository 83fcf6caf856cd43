"""Nothing unpublished, private or personal reaches a public page; previews show the draft.

Leaky content carries the marker "LEAK", so a page containing "LEAK" has leaked. The fiche's
contact email and phone must appear on no page at all.
"""

import pytest

from cms.models import AuthorityPage, NewsIndexPage
from tests.factories import (
    graphql,
    make_authority,
    make_call,
    make_news,
    restrict,
    small_dataset,
    translate,
)
from tests.helpers import get

pytestmark = pytest.mark.django_db

MARKER = "LEAK"


@pytest.fixture
def leaky(skeleton):
    """The small dataset plus hidden content of every kind (as in test_graphql_leaks)."""
    data = small_dataset()
    dakar, lyon = data["dakar"], data["lyon"]
    data["draft"] = make_authority(f"{MARKER} draft town", slug="draft", publish=False)
    data["draft_call"] = make_call(dakar, f"{MARKER} draft call", publish=False)
    data["draft_news"] = make_news(f"{MARKER} draft news", publish=False)
    # A published fiche and call whose latest changes are not published.
    draft_dakar = AuthorityPage.objects.get(pk=dakar.pk)
    draft_dakar.title = f"{MARKER} unpublished new title"
    draft_dakar.summary = f"{MARKER} unpublished summary"
    draft_dakar.save_revision()
    data["lyon_en_draft"] = translate(lyon, "en", f"{MARKER} Lyon draft translation", publish=False)
    withdrawn_translation = translate(data["nouakchott"], "en", f"{MARKER} withdrawn translation")
    withdrawn_translation.unpublish()
    data["private"] = make_authority(f"{MARKER} private town", slug="private", country="IS")
    make_call(data["private"], f"{MARKER} call of a private town")
    restrict(data["private"])
    restrict(make_call(lyon, f"{MARKER} private call"))
    withdrawn = make_authority(f"{MARKER} withdrawn town", slug="withdrawn", country="IS")
    make_call(withdrawn, f"{MARKER} orphan call")
    AuthorityPage.objects.filter(pk=withdrawn.pk).update(live=False)
    data["alias"] = dakar.create_alias(update_slug="dakar-alias")
    data["with_hidden_partners"] = make_authority(
        "Partner of hidden towns",
        slug="partner-of-hidden",
        cooperations=[{"partner_page": data["draft"]}, {"partner_page": data["private"]}],
    )
    article = data["article"]
    article.related_authorities.add(data["draft"], data["private"])
    article.save_revision().publish()
    return data


def public_urls(data):
    """Every kind of public page, in two languages."""
    urls = []
    for code in ("fr", "en"):
        urls += [
            f"/{code}/",
            f"/{code}/fiches/",
            f"/{code}/fiches/?country=IS",
            f"/{code}/fiches/appels/",
            f"/{code}/fiches/appels/?status=open",
            f"/{code}/fiches/pays/sn/",
            f"/{code}/fiches/pays/is/",
            f"/{code}/fiches/pays/fr/",
            f"/{code}/fiches/themes/water-sanitation/",
            f"/{code}/recherche/?q=town",
            f"/{code}/recherche/?q=draft",
            f"/{code}/recherche/?q=private",
            f"/{code}/recherche/?q=unpublished",
            f"/{code}/actualites/",
            f"/{code}/fiches/lyon/",
            f"/{code}/fiches/nouakchott/",
        ]
    urls += [
        data["dakar"].url,
        data["dakar_en"].url,
        data["lyon"].url,
        data["water_request"].url,
        data["lyon_offer"].url,
        data["article"].url,
        data["with_hidden_partners"].url,
    ]
    return urls


def test_no_public_page_shows_drafts_private_pages_or_personal_data(client, leaky):
    emails = [leaky[name].contact_email for name in ("dakar", "lyon", "nouakchott")]
    phones = [leaky[name].contact_phone for name in ("dakar", "lyon", "nouakchott")]
    for url in public_urls(leaky):
        html = get(client, url).html
        assert MARKER not in html, url
        for private in emails + phones:
            assert private not in html, (url, private)


def test_draft_and_private_pages_are_not_served_either(client, leaky):
    for name in ("draft", "draft_call", "draft_news"):
        path = leaky[name].url_path.replace("/accueil/", "/fr/", 1)
        assert client.get(path).status_code == 404, name
        assert client.get(path.replace("/fr/", "/en/", 1)).status_code == 404, name
    # A private page answers its password form, never its content.
    response = client.get(leaky["private"].url)
    assert 'name="password"' in response.content.decode()
    assert MARKER not in response.content.decode()


def test_translation_draft_is_not_served_at_its_address_in_place_of_the_source(client, leaky):
    # Lyon's English translation is a draft: /en/fiches/lyon/ serves the French fiche.
    page = get(client, "/en/fiches/lyon/")
    assert "Lyon" in page.in_language("fr")
    assert MARKER not in page.html


# --- Previews ---------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def view_draft(client, page):
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_preview_of_a_fiche_shows_the_unpublished_title_and_sections(client, skeleton, editor):
    data = small_dataset()
    dakar = data["dakar"]
    dakar.title = "Dakar, new unpublished title"
    dakar.foreign_actors.add(
        type(dakar.foreign_actors.first())(
            locale=dakar.locale, name="Draft agency", kind="ngo", description="Draft work."
        )
    )
    dakar.save_revision()
    client.force_login(editor)
    html = view_draft(client, dakar)
    assert "Dakar, new unpublished title" in html
    assert "Draft agency" in html
    # The public page still shows the published version.
    client.logout()
    public = get(client, dakar.url).html
    assert "new unpublished title" not in public and "Draft agency" not in public


def test_preview_of_a_call_and_of_a_news_article_show_their_draft(client, skeleton, editor):
    data = small_dataset()
    call, article = data["water_request"], data["article"]
    call.title = "Unpublished call title"
    call.save_revision()
    article.title = "Unpublished article title"
    article.save_revision()
    client.force_login(editor)
    call_html = view_draft(client, call)
    assert "Unpublished call title" in call_html
    assert "Dakar" in call_html  # its authority's card
    assert "Unpublished article title" in view_draft(client, article)


def test_preview_of_a_never_published_page(client, skeleton, editor):
    data = small_dataset()
    draft = make_call(data["lyon"], "Never published call", publish=False)
    news = make_news("Never published news", publish=False)
    client.force_login(editor)
    assert "Never published call" in view_draft(client, draft)
    assert "Never published news" in view_draft(client, news)


NEW_PAGE_FORMS = {
    "newspage": {
        "title": "Article being written",
        "slug": "article-being-written",
        "date": "2025-05-01",
        "introduction": "Being written.",
        "body-count": "0",
    },
    "partnershipcallpage": {
        "title": "Call being written",
        "slug": "call-being-written",
        "direction": "offer",
        "status": "open",
        "summary": "Being written.",
    },
}


@pytest.mark.parametrize("model", sorted(NEW_PAGE_FORMS))
def test_preview_in_the_admin_while_creating_a_page(client, skeleton, editor, model):
    data = small_dataset()
    news_index = NewsIndexPage.objects.get(locale__language_code="fr")
    parent = data["lyon"] if model == "partnershipcallpage" else news_index
    client.force_login(editor)
    url = f"/admin/pages/add/cms/{model}/{parent.pk}/preview/"
    posted = client.post(url, NEW_PAGE_FORMS[model])
    assert posted.json()["is_valid"], posted.content
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert NEW_PAGE_FORMS[model]["title"] in html
    if model == "partnershipcallpage":
        assert "Summary of Lyon." in html  # the authority's card: its parent fiche


def test_previews_are_not_reachable_anonymously(client, skeleton):
    data = small_dataset()
    dakar = data["dakar"]
    dakar.title = f"{MARKER} draft title"
    dakar.save_revision()
    response = client.get(f"/admin/pages/{dakar.pk}/view_draft/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert MARKER not in get(client, dakar.url).html


def test_the_public_endpoint_cannot_ask_for_a_draft(client, skeleton):
    data = small_dataset()
    dakar = data["dakar"]
    dakar.title = f"{MARKER} draft title"
    dakar.save_revision()
    query = "query($id: ID) { authority(id: $id) { title } }"
    result = graphql(client, query, {"id": dakar.pk})
    assert result["data"]["authority"]["title"] == "Dakar"


def test_private_pages_show_only_the_password_form(client, skeleton):
    # Without its password a private page shows Wagtail's password form and nothing of the
    # page (tests/content/test_private_pages.py: with it, the page itself).
    data = small_dataset()
    restrict(data["nouakchott"])
    restrict(data["water_request"])
    for page in (data["nouakchott"], data["water_request"]):
        response = client.get(page.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'name="password"' in html
        assert page.title not in html
        assert page.summary not in html
    assert data["water_request"].url not in get(client, data["dakar"].url).links()


def test_untranslated_draft_translation_does_not_hide_the_source(client, skeleton):
    data = small_dataset()
    translate(data["nouakchott"], "es", f"{MARKER} Spanish draft", publish=False)
    page = get(client, "/es/fiches/nouakchott/")
    assert "Nouakchott" in page.in_language("fr")
    assert MARKER not in page.html
