"""The portal's addresses plus Wagtail's REST API v2, mounted for the bench only.

The API v2 answers the same fiches as the GraphQL lists, the way a stock Wagtail site would:
the anchor the portal's own API is compared with (it is not part of the portal).
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from portal.urls import urlpatterns as portal_urlpatterns

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("bench-api/v2/", api_router.urls), *portal_urlpatterns]
