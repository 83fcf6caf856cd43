"""A grid's cards rendered once per process (``grid_card``, issue 11): the text the card's
``{% include %}`` gives, for the item's data, language, day and flags it was rendered with."""

import datetime

from django.template import engines
from django.utils import translation

from cms.templatetags import portal_pages

CALL = {
    "id": "7",
    "title": "Water network",
    "url": "/fr/fiches/dakar/water-network/",
    "locale": "fr",
    "summary": "Drinking water for every district.",
    "direction": "REQUEST",
    "directionLabel": "Request",
    "status": "OPEN",
    "statusLabel": "Open",
    "open": True,
    "deadline": (datetime.date.today() + datetime.timedelta(days=10)).isoformat(),
    "themes": [{"slug": "water", "name": "Water"}],
    "authority": {
        "title": "Dakar",
        "url": "/fr/fiches/dakar/",
        "locale": "fr",
        "country": {"code": "SN", "name": "Senegal"},
    },
}
AUTHORITY = {
    "id": "3",
    "title": "Dakar",
    "url": "/fr/fiches/dakar/",
    "locale": "fr",
    "summary": "A city.",
    "kindLabel": "City",
    "french": False,
    "country": {"code": "SN", "name": "Senegal"},
    "regionName": "",
    "objectiveThemes": [{"slug": "water", "name": "Water"}],
    "openCalls": [{"id": "7"}],
}
NEWS = {
    "id": "5",
    "title": "News",
    "url": "/fr/actualites/news/",
    "locale": "fr",
    "date": "2026-11-30",
    "introduction": "Hello.",
    "themes": [],
}

INCLUDED = {
    "call": '{% include "cms/includes/call_card.html" with call=item %}',
    "authority": '{% include "cms/includes/authority_card.html" with authority=item %}',
    "news": '{% include "cms/includes/news_card.html" with article=item %}',
}


def render(source, **context):
    return engines["django"].from_string(source).render(context)


def grid(card, item, **context):
    return render(
        "{% load portal_pages %}{% grid_card card item %}", card=card, item=item, **context
    )


def test_a_card_is_the_text_of_its_include_cold_and_kept(db):
    portal_pages._cards.clear()
    for language in ("fr", "en", "ar"):
        with translation.override(language):
            for card, item in (("call", CALL), ("authority", AUTHORITY), ("news", NEWS)):
                for context in ({}, {"level": 2}, {"with_contact": True}):
                    included = render(INCLUDED[card], item=item, **context)
                    assert grid(card, item, **context) == included  # rendered
                    assert grid(card, item, **context) == included  # kept


def test_a_card_follows_its_data_language_and_flags(db):
    with translation.override("en"):
        english = grid("call", CALL)
        changed = grid("call", {**CALL, "title": "Water network, phase 2"})
        contact = grid("call", CALL, with_contact=True)
    with translation.override("fr"):
        french = grid("call", CALL)
    assert "Water network, phase 2" in changed and "phase 2" not in english
    assert "#contact" in contact and "#contact" not in english
    assert english != french
