"""The expression of interest form in a real browser: accessible, and its trap invisible."""

import pytest

from tests.browser.helpers import validation_errors
from tests.factories import make_authority, make_call

pytestmark = pytest.mark.browser


@pytest.fixture
def form_url(portal):
    call = make_call(make_authority("Dakar"), "Drinking water for Dakar")
    return f"{portal}/fr/interet/{call.pk}/"


def test_the_form_and_its_errors_have_no_serious_accessibility_violation(tab, form_url):
    tab.page.goto(form_url)
    assert tab.axe_violations() == []

    tab.page.get_by_role("button", name="Envoyer mon message").click()
    tab.page.wait_for_load_state()
    assert tab.page.locator(".fr-alert--error").is_visible()
    assert tab.axe_violations() == []


def test_people_never_meet_the_honeypot(tab, form_url):
    tab.page.goto(form_url)
    # Clipped away: whatever is drawn where the field would be, it is not the field.
    drawn_there = tab.page.evaluate(
        """() => {
            const field = document.querySelector('input[name="extra_reference"]');
            field.scrollIntoView();
            const box = field.getBoundingClientRect();
            const x = box.x + box.width / 2, y = box.y + box.height / 2;
            return document.elementFromPoint(x, y) === field;
        }"""
    )
    assert drawn_there is False
    # Tabbing through the whole form never lands on it.
    for _ in range(40):
        tab.page.keyboard.press("Tab")
        focused = tab.page.evaluate("document.activeElement.name")
        assert focused != "extra_reference"
    # Nor does a screen reader read it.
    tree = tab.page.locator("body").aria_snapshot()
    assert "Votre message" in tree
    assert "Laissez ce champ vide" not in tree
    assert "Leave this field empty" not in tree


@pytest.mark.django_db
def test_the_form_markup_is_valid_with_and_without_errors(client, skeleton, tmp_path):
    call = make_call(make_authority("Dakar"), "Drinking water for Dakar")
    url = f"/fr/interet/{call.pk}/"
    paths = []
    for name, response in (("empty", client.get(url)), ("errors", client.post(url, {}))):
        assert response.status_code == 200
        path = tmp_path / f"interest-{name}.html"
        path.write_bytes(response.content)
        paths.append(str(path))
    assert validation_errors(paths) == []
