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
        self._last = None  # (root path, address prefix, length of the root path)

    def _site_roots(self):
        if self._roots is None:
            self._roots = Site.get_site_root_paths()
            self._single_site = len({root.site_id for root in self._roots}) == 1
            paths = [root.root_path for root in self._roots]
            # Nested or repeated roots: the first in Wagtail's order wins, so no shortcut
            # through the last one matched (see __call__).
            self._nested = len(set(paths)) != len(paths) or any(
                a != b and b.startswith(a) for a in paths for b in paths
            )
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
        if not url_path:
            return None
        last = self._last
        # Lists come in runs of one language: its root first, when no other can match too.
        if last is not None and url_path.startswith(last[0]):
            return last[1] + url_path[last[2] :]
        for root in roots:
            if url_path.startswith(root.root_path):
                return self._address(root, url_path)
        return None

    def _address(self, root, url_path):
        prefix = self._prefix(root.language_code)
        if prefix is None:
            return None
        if not self._single_site:
            prefix = root.root_url.rstrip("/") + prefix
        if not self._nested:
            self._last = (root.root_path, prefix, len(root.root_path))
        return prefix + url_path[len(root.root_path) :]

    def sql(self, column):
        """``(sql, params)``: SQL giving, for the ``url_path`` in ``column``, what ``self``
        gives (the address, or NULL), for rows a query returns by the thousand. The roots
        are tried in Wagtail's order, as ``__call__`` does."""
        cases, params = [f"WHEN {column} IS NULL OR {column} = '' THEN NULL"], []
        for root in self._site_roots():
            length = len(root.root_path)
            prefix = self._prefix(root.language_code)
            if prefix is None:
                cases.append(f"WHEN left({column}, %s) = %s THEN NULL")
                params += [length, root.root_path]
                continue
            if not self._single_site:
                prefix = root.root_url.rstrip("/") + prefix
            cases.append(f"WHEN left({column}, %s) = %s THEN %s || substr({column}, %s)")
            params += [length, root.root_path, prefix, length + 1]
        return f"CASE {' '.join(cases)} END", params
