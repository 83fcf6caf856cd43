"""What one API request computes once and shares between resolvers.

The restriction query, locales, taxonomy translations and country names are loaded at most
once per request whatever the size of the result, which keeps lists free of N+1 queries.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django_countries import countries as all_countries
from wagtail.models import Locale, Page, PageViewRestriction

from cms.models import ActionDomain, Theme

from . import querysets
from .cache import per_version
from .paths import PageUrls


class ApiScope:
    def __init__(self, request=None, preview=None, unlocked=None):
        self.request = request
        # The page the in-process runner renders: when it is private and the visitor passed
        # its restrictions (its password), that page and its ancestors are shown, nothing
        # else. The public endpoint never sets it.
        self.unlocked = unlocked
        # The draft an editor previews in the admin. Only the in-process runner sets it
        # (cms.pages.operations, from Wagtail's preview of a page the editor may edit); the public
        # endpoint never does, so no HTTP client can reach a draft through it.
        self.preview = preview
        self._restricted = None
        self._locales = {}
        self._taxonomy = None
        self._terms_by_pk = None
        self._labels = {}
        self.page_urls = PageUrls()

    @property
    def restricted(self):
        if self._restricted is None:
            # Wagtail's private_q(), from the same single query, less the unlocked page.
            restrictions = view_restrictions()
            restricted = Q(pk__in=[])
            for restriction in restrictions:
                restricted |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
            if self._is_unlocked(restrictions):
                path, step = self.unlocked.path, Page.steplen
                lineage = [path[:end] for end in range(step, len(path) + 1, step)]
                restricted &= ~Q(path__in=lineage)
            self._restricted = restricted
        return self._restricted

    def _is_unlocked(self, restrictions):
        """The visitor passed every restriction over the unlocked page (Wagtail's own
        ``accept_request``: the password given in this session, a login, a group)."""
        if self.unlocked is None or self.request is None:
            return False
        covering = [r for r in restrictions if self.unlocked.path.startswith(r.page.path)]
        return bool(covering) and all(r.accept_request(self.request) for r in covering)

    def _load_locales(self):
        if not self._locales:
            locales = per_version("locales", lambda: list(Locale.objects.all()))
            self._locales = {locale.language_code: locale for locale in locales}
            self._locale_codes = {locale.pk: code for code, locale in self._locales.items()}

    def locale(self, code):
        """The Locale for a language code (None: the default language), or InvalidFilter."""
        self._load_locales()
        code = code or settings.LANGUAGE_CODE
        if code not in self._locales:
            self._locales[code] = querysets.resolve_locale(code)  # or a readable error
            self._locale_codes[self._locales[code].pk] = code
        return self._locales[code]

    def language_code_of(self, locale_id):
        self._load_locales()
        return self._locale_codes[locale_id]

    def preview_of(self, model):
        """The previewed draft when it is a ``model`` page: it stands in for the root item."""
        return self.preview if isinstance(self.preview, model) else None

    # --- taxonomy -------------------------------------------------------------------------

    def _load_taxonomy(self):
        if self._taxonomy is None:
            self._taxonomy = per_version("taxonomy", _taxonomy_rows)
        return self._taxonomy

    def localized(self, obj, language_code):
        """``obj`` (a theme or action domain) in ``language_code``, or itself."""
        rows = self._load_taxonomy()
        return rows.get((type(obj), obj.translation_key, language_code), obj)

    def term(self, model, pk):
        """The taxonomy row ``pk`` of ``model`` (a Theme or ActionDomain) and its rank in the
        model's ordering, or None when the row is not in the cached taxonomy."""
        if self._terms_by_pk is None:
            self._terms_by_pk = per_version("taxonomy-by-pk", _taxonomy_by_pk)
        return self._terms_by_pk.get((model, pk))

    def default_themes(self):
        rows = self._load_taxonomy()
        themes = [
            obj
            for (model, _key, code), obj in rows.items()
            if model is Theme and code == settings.LANGUAGE_CODE
        ]
        return sorted(themes, key=lambda theme: (theme.sort_order, theme.name))

    def domains_of(self, theme):
        rows = self._load_taxonomy()
        domains = [
            obj
            for (model, _key, code), obj in rows.items()
            if model is ActionDomain and code == settings.LANGUAGE_CODE and obj.theme_id == theme.pk
        ]
        return sorted(domains, key=lambda domain: (domain.sort_order, domain.name))

    # --- countries and labels ----------------------------------------------------------------

    def country_name(self, code, language_code):
        return country_names(language_code).get(str(code), str(code))

    def label(self, choices, value, language_code):
        """The label of ``value`` (a stored code of ``choices``) in ``language_code``: every
        label of ``choices`` translated once per request and language, not once per item."""
        labels = self._labels.get((choices, language_code))
        if labels is None:
            with translation.override(language_code):
                labels = {choice.value: str(choice.label) for choice in choices}
            self._labels[(choices, language_code)] = labels
        return labels.get(str(value), value)  # str(): a member of ``choices`` is its value

    # --- urls -----------------------------------------------------------------------------

    def url(self, page):
        return self.page_urls(page.url_path)


# {language code: {country code: name}}: django-countries' names translated by the catalogues,
# which do not change while the process runs.
_country_names = {}


def country_names(language_code):
    """{country code: name in ``language_code``}, translated once per process and language."""
    names = _country_names.get(language_code)
    if names is None:
        with translation.override(language_code):
            names = {code: str(name) for code, name in all_countries}
        _country_names[language_code] = names
    return names


def view_restrictions():
    """Every PageViewRestriction with its page, read once per process and content version."""
    return per_version(
        "restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def under_restriction(page):
    """Whether a view restriction covers ``page`` (on it or an ancestor), as Wagtail's
    ``page.get_view_restrictions().exists()`` says for a page that is not an alias."""
    if page.alias_of_id:
        return page.get_view_restrictions().exists()
    return any(page.path.startswith(r.page.path) for r in view_restrictions())


def _taxonomy_rows():
    """{(model, translation_key, language code): row} of every theme and action domain."""
    rows = {}
    for model in (Theme, ActionDomain):
        for obj in model.objects.select_related("locale"):
            rows[(model, obj.translation_key, obj.locale.language_code)] = obj
    return rows


def _taxonomy_by_pk():
    """{(model, pk): (rank, row)} of the cached taxonomy, the rank in the model's ordering
    (``_taxonomy_rows`` reads each model in its Meta ordering)."""
    rows = per_version("taxonomy", _taxonomy_rows)
    return {
        (model, obj.pk): (rank, obj) for rank, ((model, _k, _c), obj) in enumerate(rows.items())
    }


def sees_only_public(context):
    """Whether the request's scope (if one is set up yet) shows the public content only: no
    previewed draft, no unlocked private page. Only then may an answer be shared."""
    scope = getattr(context, "_api_scope", None)
    return scope is None or (scope.preview is None and scope.unlocked is None)


def scope_for(info):
    """The request's ApiScope, created on first use."""
    context = info.context
    scope = getattr(context, "_api_scope", None)
    if scope is None:
        scope = ApiScope(context)
        context._api_scope = scope
    return scope
