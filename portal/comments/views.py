"""Commenting a news article: ``/<lang>/commentaires/<article id>/``.

The form is also shown under the article and posts here; errors come back on this page.
A comment is saved as awaiting moderation and appears under the article once approved.
"""

import math

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from cms.models import NewsPage
from cms.pages.urls import news_url
from portal.public_forms import RateLimit

from .forms import CommentForm
from .models import Comment

FORM_TEMPLATE = "portal/comments/form.html"
SENT_TEMPLATE = "portal/comments/sent.html"
RATE_PREFIX = "comment-rate"
TOO_MANY_REQUESTS = 429


def public_article_or_404(article_id):
    article = NewsPage.objects.visible().filter(pk=article_id).first()
    if article is None:
        raise Http404
    return article


def _context(request, article, **extra):
    return {
        "article": article,
        "article_url": article.get_url(request),
        "news_url": news_url(),
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def comment(request, article_id):
    article = public_article_or_404(article_id)
    if request.method != "POST":
        return render(request, FORM_TEMPLATE, _context(request, article, form=CommentForm()))
    limit = RateLimit(request, prefix=RATE_PREFIX)
    form = CommentForm(request.POST)
    if limit.is_exceeded():
        retry_after = limit.retry_after()
        context = _context(
            request,
            article,
            form=form,
            rate_limited=True,
            retry_minutes=math.ceil(retry_after / 60),
        )
        response = render(request, FORM_TEMPLATE, context, status=TOO_MANY_REQUESTS)
        response["Retry-After"] = str(retry_after)
        return response
    if form.is_bot():
        # Pretend it worked: nothing is stored, and the robot learns nothing.
        limit.hit()
        return redirect("comment_sent", article_id=article.pk)
    if not form.is_valid():
        return render(request, FORM_TEMPLATE, _context(request, article, form=form))
    Comment.objects.create(
        article=article, language=translation.get_language(), **form.comment_fields()
    )
    limit.hit()
    return redirect("comment_sent", article_id=article.pk)


@require_safe
def comment_sent(request, article_id):
    article = public_article_or_404(article_id)
    return render(request, SENT_TEMPLATE, _context(request, article))
