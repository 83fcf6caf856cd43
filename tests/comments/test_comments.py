"""Comments on news, published after moderation: stored first, invisible until a moderator
approves them in the Wagtail admin; only name, text and date are ever published."""

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from portal.comments.models import Comment, CommentStatus
from tests.factories import graphql, make_news

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Unmoderated words about zebras"
EMAIL = "commenter-private@example.org"


def post(client, article, **fields):
    data = {
        "name": "Awa Diop",
        "email": EMAIL,
        "text": SECRET_TEXT,
        "consent": "on",
        "extra_reference": "",
        **fields,
    }
    return client.post(f"/fr/commentaires/{article.pk}/", data)


@pytest.fixture
def article(skeleton):
    return make_news("Une Bourse-partenariats de la coopération décentralisée")


def approve(admin_client, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    response = admin_client.post(f"/admin/bulk/comments/comment/approve/?{ids}")
    assert response.status_code == 302


def test_a_comment_is_stored_and_shown_only_once_approved(client, admin_client, article):
    response = post(client, article)
    assert response.status_code == 302
    assert response["Location"] == f"/fr/commentaires/{article.pk}/merci/"
    comment = Comment.objects.get()
    assert (comment.status, comment.email, comment.language) == ("pending", EMAIL, "fr")
    assert SECRET_TEXT not in client.get(article.url).content.decode()

    approve(admin_client, comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderated_by.username == "admin"
    html = client.get(article.url).content.decode()
    assert SECRET_TEXT in html
    assert "Awa Diop" in html
    assert EMAIL not in html


def test_rejected_comments_stay_hidden(client, admin_client, article):
    post(client, article)
    comment = Comment.objects.get()
    response = admin_client.post(f"/admin/bulk/comments/comment/reject/?id={comment.pk}")
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert SECRET_TEXT not in client.get(article.url).content.decode()


def test_the_admin_lists_comments_with_filters(admin_client, article):
    Comment.objects.create(
        article=article, name="A", email=EMAIL, text="pending one", language="fr"
    )
    Comment.objects.create(
        article=article,
        name="B",
        email=EMAIL,
        text="approved one",
        language="en",
        status=CommentStatus.APPROVED,
    )
    listing = admin_client.get("/admin/snippets/comments/comment/").content.decode()
    assert "pending one" in listing and "approved one" in listing
    filtered = admin_client.get(
        "/admin/snippets/comments/comment/", {"status": "pending"}
    ).content.decode()
    assert "pending one" in filtered and "approved one" not in filtered
    assert admin_client.get("/admin/snippets/comments/comment/add/").status_code in (302, 403)


def test_the_form_says_what_is_published(client, article):
    html = client.get(article.url).content.decode()
    with translation.override("fr"):
        assert (
            gettext(
                "Your comment will be published after a moderator has approved it. Only your name, "
                "your comment and its date are published; your email address never is."
            )
            in html
        )
    assert f'action="/fr/commentaires/{article.pk}/"' in html


def test_consent_is_required_and_errors_are_in_the_visitor_language(client, article):
    response = post(client, article, consent="")
    assert response.status_code == 200
    with translation.override("fr"):
        assert (
            gettext("Tick this box: without your agreement, your comment cannot be kept.")
            in response.content.decode()
        )
    assert not Comment.objects.exists()


def test_a_robot_filling_the_honeypot_stores_nothing(client, article):
    response = post(client, article, extra_reference="http://spam.example/")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_too_many_comments_from_one_connection_are_refused(client, article, settings):
    settings.INTEREST_RATE_LIMIT = 2
    cache.clear()
    assert post(client, article).status_code == 302
    assert post(client, article).status_code == 302
    response = post(client, article)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Comment.objects.count() == 2


def test_comments_on_an_unpublished_article_are_refused(client, skeleton):
    draft = make_news("Draft", publish=False)
    assert post(client, draft).status_code == 404
    assert client.get("/fr/commentaires/999999/").status_code == 404


def test_graphql_gives_approved_comments_name_text_and_date_only(client, article):
    Comment.objects.create(
        article=article, name="Pending", email=EMAIL, text=SECRET_TEXT, language="fr"
    )
    Comment.objects.create(
        article=article,
        name="Awa",
        email=EMAIL,
        text="Approved words",
        language="fr",
        status=CommentStatus.APPROVED,
    )
    body = graphql(
        client, f'{{ newsArticle(id: "{article.pk}") {{ comments {{ name text date }} }} }}'
    )
    [comment] = body["data"]["newsArticle"]["comments"]
    assert (comment["name"], comment["text"]) == ("Awa", "Approved words")
    assert comment["date"]
    errors = graphql(
        client, f'{{ newsArticle(id: "{article.pk}") {{ comments {{ email }} }} }}', status=400
    )
    assert "email" in str(errors["errors"])


def test_no_unapproved_comment_nor_email_on_any_public_surface(client, article):
    Comment.objects.create(
        article=article, name="Pending", email=EMAIL, text=SECRET_TEXT, language="fr"
    )
    Comment.objects.create(
        article=article,
        name="Approved",
        email="approved-private@example.org",
        text="Approved words",
        language="fr",
        status=CommentStatus.APPROVED,
    )
    surfaces = [
        article.url,
        "/fr/actualites/",
        "/fr/",
        article.url.replace("/fr/", "/en/", 1),
        "/fr/feeds/news.rss",
        "/fr/feeds/news.atom",
        "/fr/recherche/?q=zebras",
        "/fr/recherche/?q=Bourse",
        "/sitemap.xml",
        "/fr/plan-du-site/",
    ]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert SECRET_TEXT not in content, url
        assert EMAIL not in content and "approved-private@example.org" not in content, url
    query = (
        f'{{ newsArticle(id: "{article.pk}") {{ comments {{ name text date }} }} '
        "   news { items { comments { name text } } } "
        '   search(query: "zebras") { items { title } } }'
    )
    body = str(graphql(client, query))
    assert SECRET_TEXT not in body and EMAIL not in body and "approved-private" not in body
    assert "Approved words" in body


@pytest.mark.parametrize("count", [2, 12])
def test_a_news_list_loads_every_article_s_comments_in_one_query(
    client, skeleton, django_assert_max_num_queries, count
):
    articles = [make_news(f"Article {index}") for index in range(count)]
    for article in articles:
        Comment.objects.create(
            article=article,
            name="Awa",
            email=EMAIL,
            text=f"On {article.title}",
            language="fr",
            status=CommentStatus.APPROVED,
        )
    query = "{ news(perPage: 20) { items { title comments { name text } } } }"
    graphql(client, query)  # warm the per-process caches (locales, parsed documents)
    cache.clear()
    with django_assert_max_num_queries(12):
        body = graphql(client, query)
    items = body["data"]["news"]["items"]
    assert len(items) == count
    assert all(
        item["comments"] == [{"name": "Awa", "text": f"On {item['title']}"}] for item in items
    )
