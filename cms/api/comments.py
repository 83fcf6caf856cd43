"""Comments on news articles in the public API: approved ones only, and of each only what is
published under the article (name, text, date; never the email).

The comments are a portal feature (portal.comments); the API, below it on the data path,
finds their model by name through the ``COMMENTS_MODEL`` setting, as Django finds the user
model through ``AUTH_USER_MODEL``.
"""

import graphene
from django.apps import apps
from django.conf import settings


class Comment(graphene.ObjectType):
    """A visitor's comment on a news article, published after moderation."""

    name = graphene.String(required=True, description="The name the commenter gave.")
    text = graphene.String(required=True)
    date = graphene.DateTime(required=True, description="When the comment was written.")


def resolve_comments(parent, info):
    model = apps.get_model(settings.COMMENTS_MODEL)
    rows = model.objects.published_on(parent.obj).values_list("name", "text", "created_at")
    # To the second: what a reader needs, and what HTML's datetime attribute accepts.
    return [
        Comment(name=name, text=text, date=date.replace(microsecond=0)) for name, text, date in rows
    ]
