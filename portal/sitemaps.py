"""The XML sitemap: every live, public page in every language, with its hreflang alternates.

Wagtail's own sitemap only walks the default site's root page, which is the French home;
the other languages' homes are its translations, beside it in the tree. This one walks every
translation of the root and links each page to its live translations (``xhtml:link``), so
search engines see one ``<url>`` per page per language.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    # Well under the protocol's 50,000 URLs so a page of the sitemap stays quick to build;
    # Django's view serves the next ones with ?p=2, ?p=3…
    limit = 5000

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _alternates(self, pages):
        """{translation_key: [{lang_code, location}]} of the live, public versions of ``pages``."""
        versions = (
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
            .live()
            .public()
            .select_related("locale")
        )
        alternates = defaultdict(list)
        for version in versions:
            url = version.get_url(self.request)
            if url:
                alternates[version.translation_key].append(
                    {
                        "lang_code": version.locale.language_code,
                        "location": self.request.build_absolute_uri(url),
                    }
                )
        for links in alternates.values():
            default = [link for link in links if link["lang_code"] == settings.LANGUAGE_CODE]
            if default:
                links.append({"lang_code": "x-default", "location": default[0]["location"]})
        return alternates

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        urls = []
        for item in pages:
            url = item.get_url(self.request)
            if not url:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    # The visitor's host, not the Site record's: both name the same portal,
                    # and ALLOWED_HOSTS already vets the former.
                    "location": self.request.build_absolute_uri(url),
                    "lastmod": lastmod,
                    "alternates": alternates.get(item.translation_key, []),
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
