"""What visitors do in a real browser: share a page, search from the header, comment a news
article (published only after a moderator approves it in the admin); the new pages are
valid HTML with no serious accessibility violation, in French and in Arabic."""

import re

import pytest

from .conftest import DESKTOP
from .test_markup import validation_errors

pytestmark = pytest.mark.browser

NETWORK_HOSTS = {
    "www.facebook.com",
    "twitter.com",
    "www.linkedin.com",
    "bsky.app",
    "www.threads.net",
}


@pytest.fixture
def article(portal):
    from tests.factories import make_news

    return make_news("Une Bourse-partenariats de la coopération décentralisée")


def test_share_links_open_each_network_and_copy_the_address(browser, portal, article):
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{portal}{article.url}")
    share = page.locator(".fr-share")
    assert share.is_visible()
    hrefs = share.locator("a").evaluate_all("links => links.map(link => link.href)")
    hosts = {re.match(r"https?://([^/]+)/", href).group(1) for href in hrefs if "://" in href}
    assert hosts == NETWORK_HOSTS
    assert any(href.startswith("mailto:?subject=") for href in hrefs)
    # Nothing was loaded from any network before a click.
    assert [url for url in requests if not url.startswith(portal)] == []

    page.goto(f"{portal}{article.url.replace('/fr/', '/en/', 1)}")
    copy = page.locator(".fr-share").get_by_role("button", name="Copy the address of this page")
    copy.click()
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.locator("[data-share-status]").inner_text() == "Address copied to the clipboard."
    context.close()


def test_the_header_search_finds_a_fiche_from_any_page(tab, portal):
    from tests.factories import make_authority

    make_authority("Dakar", slug="dakar")
    tab.page.goto(f"{portal}/en/carte/")
    field = tab.page.locator("#header-search-input")
    field.fill("Dakar")
    field.press("Enter")
    tab.page.wait_for_url(re.compile(r"/en/recherche/\?q=Dakar$"))
    assert tab.page.get_by_role("link", name="Dakar").first.is_visible()


def test_a_comment_shows_only_after_a_moderator_approves_it(tab, portal, article):
    from django.contrib.auth import get_user_model

    from portal.comments.models import Comment

    page = tab.page
    page.goto(f"{portal}{article.url.replace('/fr/', '/en/', 1)}")
    page.locator("#comments input[name=name]").fill("Awa Diop")
    page.locator("#comments input[name=email]").fill("awa-private@example.org")
    page.get_by_role("textbox", name="Your comment", exact=True).fill(
        "A partnership worth following."
    )
    page.locator("input[name=consent]").check(force=True)
    page.get_by_role("button", name="Send my comment").click()
    page.wait_for_url(re.compile(r"/merci/$"))
    assert page.get_by_role("heading", name="Comment received").is_visible()

    page.goto(f"{portal}{article.url}")
    assert "A partnership worth following." not in page.content()

    get_user_model().objects.create_superuser("moderator", "mod@example.org", "moderator-pass")
    page.goto(f"{portal}/admin/login/")
    page.locator("input[name=username]").fill("moderator")
    page.locator("input[name=password]").fill("moderator-pass")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    comment = Comment.objects.get()
    page.goto(f"{portal}/admin/snippets/comments/comment/edit/{comment.pk}/")
    page.locator("select[name=status]").select_option("approved")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/comments/comment/$"))

    page.context.clear_cookies()
    page.goto(f"{portal}{article.url}")
    comments = page.locator("#comments")
    assert "A partnership worth following." in comments.inner_text()
    assert "Awa Diop" in comments.inner_text()
    assert "awa-private@example.org" not in page.content()


def test_the_foreign_actors_table_fits_at_1400_px(browser, portal):
    from tests.factories import make_authority

    fiche = make_authority(
        "Dakar",
        foreign_actors=[
            {
                "name": "Deutsche Gesellschaft für Internationale Zusammenarbeit",
                "kind": "development_agency",
                "country_of_origin": "DE",
                "description": "Supports water utilities and municipal finance. " * 8,
            }
        ],
    )
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{portal}{fiche.url}")
    clipped = page.evaluate(
        """() => {
            const container = document.querySelector('#foreign-actors-table .fr-table__container');
            const last = document.querySelector('#foreign-actors-table tbody td:last-child');
            return last.getBoundingClientRect().right - container.getBoundingClientRect().right;
        }"""
    )
    assert clipped <= 1
    context.close()


def new_page_paths(article, code):
    return {
        "accessibility": f"/{code}/accessibilite/",
        "legal": f"/{code}/mentions-legales/",
        "personal-data": f"/{code}/donnees-personnelles/",
        "sitemap": f"/{code}/plan-du-site/",
        "article-comments": f"/{code}/actualites/{article.slug}/",
        "comment-form": f"/{code}/commentaires/{article.pk}/",
        "comment-sent": f"/{code}/commentaires/{article.pk}/merci/",
    }


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_the_new_pages_have_no_serious_accessibility_violation(tab, portal, article, code):
    from portal.comments.models import Comment

    Comment.objects.create(
        article=article,
        name="Awa",
        email="a@example.org",
        text="Approved.",
        language="fr",
        status="approved",
    )
    for name, path in new_page_paths(article, code).items():
        tab.page.goto(f"{portal}{path}")
        assert tab.axe_violations() == [], name
    tab.page.goto(f"{portal}/{code}/commentaires/{article.pk}/")
    tab.page.locator("form button[type=submit]").last.click()
    tab.page.wait_for_load_state()
    assert tab.axe_violations() == []


@pytest.mark.django_db
def test_the_new_pages_are_valid_html_in_french_and_arabic(client, skeleton, tmp_path):
    from portal.comments.models import Comment
    from tests.factories import make_news

    article = make_news("Une Bourse-partenariats")
    Comment.objects.create(
        article=article,
        name="Awa",
        email="a@example.org",
        text="Approved.",
        language="fr",
        status="approved",
    )
    paths = []
    for code in ("fr", "ar"):
        urls = dict(new_page_paths(article, code))
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            path = tmp_path / f"{name}-{code}.html"
            path.write_bytes(response.content)
            paths.append(str(path))
        response = client.post(f"/{code}/commentaires/{article.pk}/", {})
        path = tmp_path / f"comment-errors-{code}.html"
        path.write_bytes(response.content)
        paths.append(str(path))
    assert validation_errors(paths) == []
