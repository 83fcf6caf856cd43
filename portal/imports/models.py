"""An import run: the uploaded file between its preview and the moderator's confirmation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255)
    # The file itself: kept in the database so that the preview and the import read the
    # very same bytes, whatever server answers the confirmation.
    data = models.BinaryField(_("file"))
    language = models.CharField(_("language"), max_length=8)
    publish = models.BooleanField(_("publish"), default=True)
    summary = models.TextField(_("summary"), blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename
