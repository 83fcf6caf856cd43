from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 30 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("Laid out as the template; CSV in UTF-8 or Windows-1252, “;” or “,”."),
    )
    locale = forms.ChoiceField(
        label=_("Language of the new fiches"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )
    publish = forms.TypedChoiceField(
        label=_("New and changed fiches"),
        choices=[("1", _("Publish them")), ("0", _("Save them as drafts"))],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: split it into several files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class ConfirmForm(forms.Form):
    valid_rows = forms.BooleanField(
        label=_("Import the valid rows and leave the refused ones out"), required=False
    )
