"""Comments on news articles in the public API: approved ones only, and of each only what is
published under the article (name, text, date; never the email).

The comments are a portal feature (portal.comments); the API, below it on the data path,
finds their model by name through the ``COMMENTS_MODEL`` setting, as Django finds the user
model through ``AUTH_USER_MODEL``.
"""

import graphene

from .loaders import published_comments


class Comment(graphene.ObjectType):
    """A visitor's comment on a news article, published after moderation."""

    name = graphene.String(required=True, description="The name the commenter gave.")
    text = graphene.String(required=True)
    date = graphene.DateTime(required=True, description="When the comment was written.")


def resolve_comments(parent, info):
    if parent.batch is not None:
        rows = parent.batch.comments_of(parent.obj)
    else:
        rows = published_comments([parent.obj])[parent.obj.pk]
    # To the second: what a reader needs, and what HTML's datetime attribute accepts.
    return [
        Comment(name=name, text=text, date=date.replace(microsecond=0)) for name, text, date in rows
    ]
