"""The template: the public export's columns plus what an import needs, in four tables.

- **fiches**: one row per fiche, the export's columns (``portal.exports.COLUMNS``, same keys)
  plus fields the export does not publish (address, contact, objectives…). A fiche is found
  by its portal identifier, else its official code (with its kind: department 01 and region
  01 differ), else its external identifier; never by its name.
- **cooperations** and **foreign actors**: one row per cooperation or actor, linked to its
  fiche by the same three identifier columns prefixed "Fiche". The rows given for a fiche
  replace its list; a fiche with no row in the table keeps its own.
- A cooperation's partner is found by "Partner identifier / official code / external
  identifier"; unknown, it is kept as name + country with the identifier, and linked when a
  later import brings a fiche with that identifier.
- **partnership calls**: one row per call, found by "Call identifier" (the portal's) or
  "Call external identifier"; a new call goes under the fiche its "Fiche" columns name.
  A separate table rather than a ``kind`` column, because a call has its own fields
  (direction, status, deadline, budget) that a fiche row would leave empty: one sheet of the
  workbook, or a CSV file of its own, recognised by its headers as the other tables are.

Headers are recognised in any of the five languages, or by their key (``official_code``).
A column that is absent leaves its field untouched; an empty cell empties it.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cms.models import AuthorityPage, Cooperation, ForeignActor, PartnershipCallPage
from portal.exports import COLUMNS as EXPORT_COLUMNS

from .values import languages, normalise

FICHES, COOPERATIONS, ACTORS, CALLS = "fiches", "cooperations", "actors", "calls"
TABLE_NAMES = {
    FICHES: _("Fiches"),
    COOPERATIONS: _("Cooperations"),
    ACTORS: _("Foreign actors"),
    CALLS: _("Partnership calls"),
}


@dataclass(frozen=True)
class Column:
    key: str
    header: object  # lazy translation
    reader: str  # how a cell is read (engine.Row.read)
    field: str | None = None  # the model field it sets; None: identifier or derived

    def headers(self):
        names = {normalise(self.key)}
        for language in languages():
            with translation.override(language):
                names.add(normalise(str(self.header)))
        return names


def label(model, field):
    return capfirst(model._meta.get_field(field).verbose_name)


EXPORT_HEADERS = dict(EXPORT_COLUMNS)


def exported(key, reader, field=None):
    return Column(key, EXPORT_HEADERS[key], reader, field)


def fiche_field(field, reader="text", model=AuthorityPage):
    return Column(field, label(model, field), reader, field)


FICHE_COLUMNS = [
    exported("id", "id"),
    exported("official_code", "text", "official_code"),
    exported("external_id", "text", "external_id"),
    exported("title", "text", "title"),
    exported("summary", "text", "summary"),
    exported("url", "ignored"),
    exported("locale", "ignored"),
    exported("kind", "authority_kind", "kind"),
    exported("country_code", "country", "country"),
    exported("country", "country_name"),
    exported("french", "ignored"),
    exported("region", "text", "region_name"),
    exported("website", "text", "website"),
    exported("population", "integer", "population"),
    exported("population_year", "integer", "population_year"),
    exported("area_km2", "decimal", "area_km2"),
    exported("latitude", "float", "latitude"),
    exported("longitude", "float", "longitude"),
    exported("working_languages", "languages", "working_languages"),
    exported("themes", "themes", "objective_themes"),
    exported("open_offers", "ignored"),
    exported("open_requests", "ignored"),
    exported("last_verified", "date", "last_verified"),
    # Not in the public export.
    fiche_field("address"),
    fiche_field("contact_role"),
    fiche_field("contact_name"),
    fiche_field("contact_email"),
    fiche_field("contact_phone"),
    fiche_field("main_activities", "rich_text"),
    fiche_field("objective_domains", "domains"),
    fiche_field("wanted_partner_profile"),
    fiche_field("preferred_countries", "countries"),
    fiche_field("preferred_regions"),
    fiche_field("can_bring"),
]

FICHE_LINK_COLUMNS = [
    Column("fiche_id", _("Fiche identifier"), "id"),
    Column("fiche_official_code", _("Fiche official code"), "text"),
    Column("fiche_external_id", _("Fiche external identifier"), "text"),
]

COOPERATION_COLUMNS = [
    *FICHE_LINK_COLUMNS,
    Column("partner_id", _("Partner identifier"), "id"),
    Column("partner_official_code", _("Partner official code"), "text"),
    Column("partner_external_id", _("Partner external identifier"), "text"),
    Column("partner_name", label(Cooperation, "partner_name"), "text", "partner_name"),
    Column("partner_country", label(Cooperation, "partner_country"), "country", "partner_country"),
    Column("cooperation_kind", _("Kind of cooperation"), "cooperation_kind", "kind"),
    Column("since_year", label(Cooperation, "since_year"), "integer", "since_year"),
    Column("is_active", label(Cooperation, "is_active"), "boolean", "is_active"),
    Column("cooperation_themes", label(Cooperation, "themes"), "themes", "themes"),
    Column("description", label(Cooperation, "description"), "text", "description"),
]

ACTOR_COLUMNS = [
    *FICHE_LINK_COLUMNS,
    Column("actor_name", _("Name of the foreign actor"), "text", "name"),
    Column("actor_kind", _("Kind of foreign actor"), "actor_kind", "kind"),
    Column(
        "country_of_origin",
        label(ForeignActor, "country_of_origin"),
        "country",
        "country_of_origin",
    ),
    Column("actor_description", label(ForeignActor, "description"), "text", "description"),
]


def call_field(key, field, reader="text"):
    return Column(key, label(PartnershipCallPage, field), reader, field)


# A call is found by its portal identifier, else its external identifier; a new one goes
# under the fiche its "Fiche" columns name (a call never moves to another fiche).
CALL_COLUMNS = [
    Column("call_id", _("Call identifier"), "id"),
    Column("call_external_id", _("Call external identifier"), "text", "external_id"),
    *FICHE_LINK_COLUMNS,
    Column("call_title", _("Title of the call"), "text", "title"),
    call_field("direction", "direction", "call_direction"),
    Column("call_status", _("Status of the call"), "call_status", "status"),
    Column("call_summary", _("Summary of the call"), "text", "summary"),
    Column("call_description", _("Description of the call"), "rich_text", "description"),
    Column("call_themes", _("Themes of the call"), "themes", "themes"),
    Column("call_domains", _("Action domains of the call"), "domains", "action_domains"),
    call_field("target_countries", "target_countries", "countries"),
    Column(
        "call_partner_profile",
        _("Partner profile sought by the call"),
        "text",
        "wanted_partner_profile",
    ),
    call_field("start_date", "start_date", "date"),
    call_field("duration_months", "duration_months", "integer"),
    call_field("deadline", "deadline", "date"),
    call_field("budget_eur", "budget_eur", "decimal"),
    call_field("cofinancing_sought_eur", "cofinancing_sought_eur", "decimal"),
]

TABLES = {
    FICHES: FICHE_COLUMNS,
    COOPERATIONS: COOPERATION_COLUMNS,
    ACTORS: ACTOR_COLUMNS,
    CALLS: CALL_COLUMNS,
}
# Headers that only one table has: they tell which table a sheet or CSV file is.
SIGNATURES = {
    COOPERATIONS: {"partner_id", "partner_official_code", "partner_external_id", "partner_name"},
    ACTORS: {"actor_name", "actor_kind", "country_of_origin"},
    CALLS: {"call_id", "call_external_id", "call_title", "direction", "call_status"},
}


def header_index(table):
    """{normalised header in any language or key: column} for one table."""
    index = {}
    for column in TABLES[table]:
        for name in column.headers():
            index.setdefault(name, column)
    return index


def guess_table(headers):
    """Which table a header row is: the one that recognises the most of its cells."""
    normalised = [normalise(h) for h in headers if str(h or "").strip()]
    scores = {}
    for table in TABLES:
        index = header_index(table)
        known = {index[h].key for h in normalised if h in index}
        bonus = 100 if known & SIGNATURES.get(table, set()) else 0
        scores[table] = len(known) + bonus
    return max(scores, key=lambda table: (scores[table], table == FICHES))
