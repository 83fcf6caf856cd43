"""Mounted inside the language prefix: /<lang>/interet/<call id>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:call_id>/", views.express_interest, name="interest_expression"),
    path("<int:call_id>/merci/", views.interest_sent, name="interest_expression_sent"),
]
