"""The two-level taxonomy: themes (with the UN SDGs they serve) and their action domains.

Both are translatable snippets. Pages always point at the row in the default locale (French);
the name in another language is the translation that shares its ``translation_key``. One
reference per concept keeps filters simple ("theme=water" means one row) while editors
translate names in wagtail-localize like any other content.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .querysets import TaxonomyQuerySet

SDG_COUNT = 17


def validate_sdg_numbers(value):
    if not isinstance(value, list) or not all(isinstance(n, int) for n in value):
        raise ValidationError(_("Enter a list of SDG numbers, such as [6, 13]."))
    wrong = [n for n in value if not 1 <= n <= SDG_COUNT]
    if wrong:
        raise ValidationError(
            _("SDG numbers go from 1 to %(max)s; %(wrong)s is not one."),
            params={"max": SDG_COUNT, "wrong": ", ".join(map(str, wrong))},
        )


def in_default_locale():
    """limit_choices_to for references: only the canonical (default-locale) taxonomy rows."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Theme(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Identifier used in addresses and API filters, the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)
    sdg_numbers = models.JSONField(
        _("UN Sustainable Development Goals"),
        default=list,
        blank=True,
        validators=[validate_sdg_numbers],
        help_text=_("Numbers (1 to 17) of the SDGs this theme serves, e.g. [6, 13]."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sdg_numbers"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    objects = TaxonomyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class ActionDomain(TranslatableMixin, index.Indexed, models.Model):
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.CASCADE,
        related_name="action_domains",
    )
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("theme"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    objects = TaxonomyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("action domain")
        verbose_name_plural = _("action domains")
        ordering = ["theme__sort_order", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_action_domain_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.theme_id and self.locale_id and self.theme.locale_id != self.locale_id:
            raise ValidationError(
                {"theme": _("Choose the theme in the same language as this action domain.")}
            )
