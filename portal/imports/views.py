"""The moderators' import screen in the Wagtail admin: upload → preview → confirm.

The preview is a dry run of the same engine as ``manage.py import_fiches``, line by line in
the editor's admin language; the file waits in an ``ImportRun`` until the moderator confirms.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .engine import STATUSES, run_import, status_label
from .forms import ConfirmForm, UploadForm
from .models import ImportRun
from .template import calls_workbook, template_workbook

PERMISSION = "imports.add_importrun"
PREVIEW_LINES = 1000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_import(user):
    return user.is_active and user.has_perm(PERMISSION)


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def report_context(report):
    """What the preview and result templates show: counts, then lines (problems first)."""
    lines = sorted(
        report.lines,
        key=lambda line: (line.status not in ("refused", "draft_kept"), line.table, line.line),
    )
    return {
        "report": report,
        "counts": [(status, status_label(status), report.count(status)) for status in STATUSES],
        "lines": [(line, status_label(line.status)) for line in lines[:PREVIEW_LINES]],
        "more_lines": max(0, len(lines) - PREVIEW_LINES),
    }


class ImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = UploadForm
    template_name = "imports/upload.html"
    page_title = _("Import fiches")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            template_url=reverse("imports_template"),
            recent=ImportRun.objects.filter(imported_at__isnull=False)[:10],
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        run = ImportRun.objects.create(
            user=self.request.user,
            filename=upload.name[:255],
            data=upload.read(),
            language=form.cleaned_data["locale"],
            publish=form.cleaned_data["publish"],
        )
        report = run_import(
            bytes(run.data),
            filename=run.filename,
            language=translation.get_language(),
            locale=run.language,
            publish=run.publish,
            dry_run=True,
            user=self.request.user,
        )
        context = self.get_context_data(
            form=form, run=run, confirm_form=ConfirmForm(), **report_context(report)
        )
        context["confirm_url"] = reverse("imports_confirm", args=[run.pk])
        return self.response_class(
            request=self.request, template=["imports/preview.html"], context=context
        )


class ConfirmView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ConfirmForm
    template_name = "imports/result.html"
    page_title = _("Import fiches")
    header_icon = "upload"
    http_method_names = ["post"]

    def get_breadcrumbs_items(self):
        return [{"url": reverse("imports"), "label": self.page_title}]

    def form_valid(self, form):
        run = get_object_or_404(
            ImportRun, pk=self.kwargs["run_id"], user=self.request.user, imported_at=None
        )
        report = run_import(
            bytes(run.data),
            filename=run.filename,
            language=translation.get_language(),
            locale=run.language,
            publish=run.publish,
            valid_rows_only=form.cleaned_data["valid_rows"],
            user=self.request.user,
        )
        if report.written:
            run.imported_at = timezone.now()
            run.summary = report.summary()
            run.data = b""  # the content is in the portal now
            run.save(update_fields=["imported_at", "summary", "data"])
        context = self.get_context_data(run=run, **report_context(report))
        context["upload_url"] = reverse("imports")
        return self.render_to_response(context)


class TemplateView(ImportPermissionMixin, View):
    def get(self, request):
        language = translation.get_language()
        response = HttpResponse(template_workbook(language), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="import-template-{language}.xlsx"'
        return response


class CallsExportView(ImportPermissionMixin, View):
    """The calls of the editor's language as the calls table: edit it, import it back."""

    def get(self, request):
        language = translation.get_language()
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        response = HttpResponse(calls_workbook(locale, language), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="calls-{language}.xlsx"'
        return response
