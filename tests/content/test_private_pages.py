"""A password-protected page is served to the visitor who gives its password, through the
same operation as any page; it stays out of every other surface."""

import pytest

from tests.factories import graphql, make_authority, make_call, make_news, restrict

pytestmark = pytest.mark.django_db


def unlock(client, page, restriction):
    response = client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "secret", "return_url": page.url},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("kind", ["news", "fiche", "call"])
def test_the_password_opens_a_protected_page(client, skeleton, kind):
    fiche = make_authority("Dakar", slug="dakar")
    call = make_call(fiche, "Secret call")
    page = {"news": make_news("Secret news"), "fiche": fiche, "call": call}[kind]
    restriction = restrict(fiche if kind == "call" else page)

    response = client.get(page.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert page.title not in response.content.decode()

    unlock(client, page, restriction)
    response = client.get(page.url)
    assert response.status_code == 200
    assert f">{page.title}</h1>" in response.content.decode()


def test_a_wrong_password_opens_nothing(client, skeleton):
    news = make_news("Secret news")
    restriction = restrict(news)
    client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{news.pk}/",
        {"password": "wrong", "return_url": news.url},
    )
    assert "Secret news</h1>" not in client.get(news.url).content.decode()


def test_the_unlocked_page_stays_off_the_public_api_and_lists(client, skeleton):
    news = make_news("Secret news")
    restriction = restrict(news)
    unlock(client, news, restriction)
    body = graphql(client, '{ news(locale: "fr") { items { title } } }')
    assert "Secret news" not in str(body)
    body = graphql(client, f'{{ newsArticle(id: "{news.pk}") {{ title }} }}')
    assert body["data"]["newsArticle"] is None
    assert "Secret news" not in client.get("/fr/actualites/").content.decode()
