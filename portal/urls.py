import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import account_settings, api_docs, exports, feeds, views
from portal.graphql_view import graphql_view
from portal.map import map_page

# Uploaded files never change under one name (Wagtail renames renditions and re-uploads).
MEDIA_MAX_AGE = 7 * 24 * 3600

urlpatterns = [
    # The public GraphQL API has one address for every language (the locale is an argument).
    path("graphql/", graphql_view(), name="graphql"),
    path("graphql/schema.graphql", api_docs.schema_sdl, name="graphql_schema"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("django-admin/", admin.site.urls),
    # Wagtail's account settings, with optional names (portal/account_settings.py).
    path("admin/account/", account_settings.account_view, name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Uploads from MEDIA_ROOT, when no reverse proxy or object storage serves them (README,
    # "Media"). django.conf.urls.static.static() would do nothing with DEBUG off.
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            cache_control(max_age=MEDIA_MAX_AGE, public=True)(serve),
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )

# Pages live under a language prefix (/fr/, /en/…); the bare root redirects to the
# visitor's language through LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("feeds/news.rss", feeds.NewsFeed(), name="feed_news_rss"),
    path("feeds/news.atom", feeds.NewsAtomFeed(), name="feed_news_atom"),
    path("feeds/calls.rss", feeds.CallsFeed(), name="feed_calls_rss"),
    path("feeds/calls.atom", feeds.CallsAtomFeed(), name="feed_calls_atom"),
    path("api/", api_docs.api_page, name="api"),
    path("export/authorities.csv", exports.authorities_csv, name="export_authorities_csv"),
    path(
        "export/authorities.geojson",
        exports.authorities_geojson,
        name="export_authorities_geojson",
    ),
    path("carte/", map_page, name="map"),
    path("interet/", include("portal.interest.urls")),
    path("alertes/", include("portal.alerts.urls")),
    path("commentaires/", include("portal.comments.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
