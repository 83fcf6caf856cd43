"""The first version of the mandatory pages, in the active language (cms.bootstrap writes
it once; editors then own the text in Wagtail)."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from .standard import (
    ACCESSIBILITY_SLUG,
    LEGAL_NOTICE_SLUG,
    PERSONAL_DATA_SLUG,
    SITEMAP_SLUG,
    AccessibilityPage,
    SitemapPage,
    StandardPage,
)


def _sections(*sections):
    """Rich text from (heading, paragraph…) tuples."""
    return "".join(
        format_html("<h2>{}</h2>", heading)
        + format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))
        for heading, *paragraphs in sections
    )


def site_pages(contact_email):
    """[(model, slug, fields)] of the mandatory pages, worded in the active language."""
    return [
        (
            SitemapPage,
            SITEMAP_SLUG,
            {"title": gettext("Site map"), "introduction": gettext("Every section of the portal.")},
        ),
        (
            AccessibilityPage,
            ACCESSIBILITY_SLUG,
            {
                "title": gettext("Accessibility"),
                "introduction": gettext(
                    "The Ministry for Europe and Foreign Affairs is committed to making the "
                    "Bourse accessible, in accordance with article 47 of law no. 2005-102 of "
                    "11 February 2005. This statement applies to the whole portal."
                ),
                "body": _sections(
                    (
                        gettext("Feedback and contact"),
                        gettext(
                            "If you cannot reach a content or a service of the portal, write to "
                            "%(email)s: you will be directed to an accessible alternative or "
                            "sent the content in another form."
                        )
                        % {"email": contact_email},
                    ),
                    (
                        gettext("Remedies"),
                        gettext(
                            "If you reported a lack of accessibility and had no satisfactory "
                            "answer, you may write to the Défenseur des droits "
                            "(www.defenseurdesdroits.fr) or contact its delegate in your region."
                        ),
                    ),
                ),
            },
        ),
        (
            StandardPage,
            LEGAL_NOTICE_SLUG,
            {
                "title": gettext("Legal notice"),
                "introduction": gettext(
                    "Who publishes the portal, and how its content may be reused."
                ),
                "body": _sections(
                    (
                        gettext("Publisher"),
                        gettext(
                            "The Bourse is published by the Ministry for Europe and Foreign "
                            "Affairs, 37 quai d’Orsay, 75351 Paris, France."
                        ),
                    ),
                    (
                        gettext("Reuse"),
                        gettext(
                            "Unless stated otherwise, the contents of this site are available "
                            "under the Etalab 2.0 open licence."
                        ),
                    ),
                ),
            },
        ),
        (
            StandardPage,
            PERSONAL_DATA_SLUG,
            {
                "title": gettext("Personal data"),
                "introduction": gettext(
                    "What the portal's forms store about you, for how long, and whom to ask."
                ),
                "body": _sections(
                    (
                        gettext("Expressions of interest"),
                        gettext(
                            "Your name, role, email address, authority and message are stored "
                            "to pass them to the authority that published the call, and only "
                            "to it, and for moderators to follow the exchange. They are kept "
                            "while the partnership may need them, and deleted on request."
                        ),
                    ),
                    (
                        gettext("Email alerts"),
                        gettext(
                            "Your email address and the filters you chose are stored to send "
                            "you the new calls that match them. A subscription not confirmed "
                            "within 7 days is deleted; a confirmed one is kept until you "
                            "unsubscribe with the link in every alert."
                        ),
                    ),
                    (
                        gettext("Comments"),
                        gettext(
                            "Your name, email address and comment are stored; a moderator reads "
                            "every comment before it is published. Only your name, your comment "
                            "and its date are published, never your email address. A rejected "
                            "comment is never shown."
                        ),
                    ),
                    (
                        gettext("Your rights"),
                        gettext(
                            "You may see, correct or delete your data, or object to its use, by "
                            "writing to %(email)s. If you think your rights are not respected, "
                            "you may complain to the CNIL (www.cnil.fr)."
                        )
                        % {"email": contact_email},
                    ),
                ),
            },
        ),
    ]
