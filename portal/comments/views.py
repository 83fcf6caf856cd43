"""Commenting a news article: ``/<lang>/commentaires/<article id>/``.

The form is also shown under the article and posts here; errors come back on this page.
A comment is saved as awaiting moderation and appears under the article once approved.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from cms.models import NewsPage
from cms.pages.urls import news_url
from portal.public_forms import ProtectedFormView

from .forms import CommentForm
from .models import Comment

FORM_TEMPLATE = "portal/comments/form.html"
SENT_TEMPLATE = "portal/comments/sent.html"


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


class CommentView(ProtectedFormView):
    form_class = CommentForm
    template_name = FORM_TEMPLATE
    rate_prefix = "comment-rate"

    def dispatch(self, request, article_id):
        if not self.allows(request):
            return self.http_method_not_allowed(request)
        self.article = public_article_or_404(article_id)
        return super().dispatch(request, article_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**_context(self.request, self.article), **kwargs)

    def get_success_url(self):
        return reverse("comment_sent", args=[self.article.pk])

    def form_valid(self, form):
        Comment.objects.create(
            article=self.article, language=translation.get_language(), **form.comment_fields()
        )
        return redirect(self.get_success_url())


@require_safe
def comment_sent(request, article_id):
    article = public_article_or_404(article_id)
    return render(request, SENT_TEMPLATE, _context(request, article))
