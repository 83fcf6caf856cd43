"""Comments on news articles in the public API: approved ones only, and of each only what is
published under the article (name, text, date; never the email).

The comments are a portal feature (portal.comments); the API, below it on the data path,
finds their model by name through the ``COMMENTS_MODEL`` setting, as Django finds the user
model through ``AUTH_USER_MODEL``.
"""

import weakref
from collections import defaultdict

import graphene
from django.apps import apps
from django.conf import settings


class Comment(graphene.ObjectType):
    """A visitor's comment on a news article, published after moderation."""

    name = graphene.String(required=True, description="The name the commenter gave.")
    text = graphene.String(required=True)
    date = graphene.DateTime(required=True, description="When the comment was written.")


# The comments of a batch of articles (a news list), loaded once on the first article asked:
# one query for the list, whatever its length. Weak keys: gone with the request's batch.
_BATCH_COMMENTS = weakref.WeakKeyDictionary()


def _comments_by_article(articles):
    model = apps.get_model(settings.COMMENTS_MODEL)
    rows = model.objects.published_on_any(articles).values_list(
        "article_id", "name", "text", "created_at"
    )
    by_article = defaultdict(list)
    for article_id, name, text, date in rows:
        # To the second: what a reader needs, and what HTML's datetime attribute accepts.
        by_article[article_id].append(
            Comment(name=name, text=text, date=date.replace(microsecond=0))
        )
    return by_article


def resolve_comments(parent, info):
    batch = parent.batch
    if batch is None:
        return _comments_by_article([parent.obj])[parent.obj.pk]
    if batch not in _BATCH_COMMENTS:
        _BATCH_COMMENTS[batch] = _comments_by_article(batch.pages)
    return _BATCH_COMMENTS[batch][parent.obj.pk]
