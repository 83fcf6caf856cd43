"""Public views of the portal that are not Wagtail pages."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import PortalSitemap

# Administration interfaces have nothing for search engines; everything else is public.
ROBOTS_DISALLOWED = ["/admin/", "/django-admin/"]


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOWED]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})
