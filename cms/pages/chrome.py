"""The public chrome's lookups (language versions, breadcrumb, footer pages) kept per content
version: they read the page tree, which only a change of public content alters.

Keys hold the host (page URLs are relative to the request's site), the active language and
the content version (``cms.api.cache``). A preview computes its own: a draft's chrome is
never read from, nor written to, the cache meant for the public.
"""

from django.utils import translation

from cms.api.cache import cached

from .operations import is_preview


def public_chrome(request, name, parts, build):
    """``build()`` for the public chrome of ``request``, cached; computed in previews."""
    if request is None or is_preview(request):
        return build()
    key_parts = [request.get_host(), translation.get_language(), *parts]
    return cached(f"chrome:{name}", key_parts, build, in_process=True)
