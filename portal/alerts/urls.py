"""Mounted inside the language prefix: /<lang>/alertes/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.subscribe, name="alerts_subscribe"),
    path("merci/", views.subscribe_sent, name="alerts_subscribe_sent"),
    path("confirmer/<str:token>/", views.confirm, name="alerts_confirm"),
    path("desabonner/<str:token>/", views.unsubscribe, name="alerts_unsubscribe"),
]
