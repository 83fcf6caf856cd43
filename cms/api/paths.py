"""Page addresses from materialised ``url_path`` values, without loading Page objects.

Equivalent to ``Page.get_url()`` for the portal's setup (one site, one home per language under
``i18n_patterns``) but costs one cached site lookup for any number of pages, so flat builders
(the map, exports) can compute thousands of addresses from ``.values()`` rows.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Site


class PageUrls:
    def __init__(self):
        self._roots = None
        self._prefixes = {}

    def _site_roots(self):
        if self._roots is None:
            self._roots = Site.get_site_root_paths()
            self._single_site = len({root.site_id for root in self._roots}) == 1
        return self._roots

    def _prefix(self, language_code):
        if language_code not in self._prefixes:
            with translation.override(language_code):
                try:
                    self._prefixes[language_code] = reverse("wagtail_serve", args=("",))
                except NoReverseMatch:
                    self._prefixes[language_code] = None
        return self._prefixes[language_code]

    def __call__(self, url_path):
        """The address of the page at ``url_path`` (relative when there is one site)."""
        roots = self._site_roots()
        single_site = self._single_site  # once per instance, not per address
        for root in roots:
            if url_path and url_path.startswith(root.root_path):
                prefix = self._prefix(root.language_code)
                if prefix is None:
                    return None
                path = prefix + url_path[len(root.root_path) :]
                return path if single_site else root.root_url.rstrip("/") + path
        return None
