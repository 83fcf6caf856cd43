"""A visitor's comment on a news article, and the moderation state it goes through."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import NewsPage

NAME_MAX_LENGTH = 80
TEXT_MAX_LENGTH = 3000


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def published_on_any(self, articles):
        """What the public sees of these articles' comments: approved ones, oldest first (an
        article being created, not saved yet, has none)."""
        ids = [article.pk for article in articles if article.pk is not None]
        return self.approved().filter(article_id__in=ids).order_by("created_at", "pk")

    def moderate(self, status, user=None):
        """Approve or reject every comment of the queryset; the number changed."""
        return self.update(status=status, moderated_at=timezone.now(), moderated_by=user)


class Comment(models.Model):
    article = models.ForeignKey(
        NewsPage,
        verbose_name=_("news article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    # Personal data: for the moderators only, never published.
    email = models.EmailField(_("email (private)"))
    text = models.TextField(_("comment"), max_length=TEXT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent = models.BooleanField(_("consent to publication"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} — {self.text[:60]}"

    @property
    def article_title(self):
        return self.article.title
