"""Mounted inside the language prefix: /<lang>/commentaires/<article id>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:article_id>/", views.CommentView.as_view(), name="comment_form"),
    path("<int:article_id>/merci/", views.comment_sent, name="comment_sent"),
]
