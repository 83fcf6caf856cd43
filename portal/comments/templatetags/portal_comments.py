"""``{% comment_form as form %}``: an empty comment form for the news article's page."""

from django import template

from portal.comments.forms import CommentForm

register = template.Library()


@register.simple_tag
def comment_form():
    return CommentForm()
