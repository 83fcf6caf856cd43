"""The import engine, shared by the admin screen and ``manage.py import_fiches``.

``run_import(data, …)`` reads every table of the file and **validates every row before
writing any**: the same field validators and ``clean()`` rules as the editor's form
(``clean_fields`` and the model's ``clean``; Wagtail's per-page slug query is replaced by
one look at the directory's slugs). Then, unless asked for a dry run, and only if no row is
refused (or the moderator chose "import the valid rows"), it writes everything in one
transaction:

- new fiches in bulk (``cms.models.bulk``: tree columns, many-to-many rows), each with a
  first revision and a history entry, published or left as drafts;
- changed fiches through Wagtail's own ``save_revision()`` (and ``publish()``), so history
  and moderation see every change; an unchanged row writes nothing;
- a fiche with an editor's unpublished draft is never overwritten: the row is reported;
- at the end, once: the search index of the new fiches, the pending partner links, the
  content version of the caches (``cms.api.cache``).

Rows are read from the file again for each step (``readers.Sheet.rows``), so memory holds
one small report line per row, not the rows.
"""

import difflib
import html
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from wagtail.models import Locale, Page, PageLogEntry, Revision

from cms.api.cache import bump_content_version
from cms.bootstrap import find_skeleton
from cms.models import (
    ActionDomain,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    PartnershipCallPage,
    Theme,
)
from cms.models import bulk as writer

from . import columns, values
from .readers import ImportFileError, open_sheets

CHUNK = 500
MAX_ROWS = 50_000
CREATED, UPDATED, UNCHANGED, REFUSED, DRAFT_KEPT = (
    "created",
    "updated",
    "unchanged",
    "refused",
    "draft_kept",
)
STATUSES = (CREATED, UPDATED, UNCHANGED, DRAFT_KEPT, REFUSED)
# Fiche fields an import may set (the rest of the page is never touched).
FICHE_FIELDS = [c.field for c in columns.FICHE_COLUMNS if c.field]
M2M_FIELDS = ("objective_themes", "objective_domains")
COOPERATION_FIELDS = (
    "partner_page_id",
    "partner_name",
    "partner_country",
    "kind",
    "since_year",
    "is_active",
    "description",
    "partner_reference",
)
ACTOR_FIELDS = ("name", "kind", "country_of_origin", "description")
INLINES = {columns.COOPERATIONS: "cooperations", columns.ACTORS: "foreign_actors"}


@dataclass
class Line:
    table: str
    line: int
    status: str
    title: str = ""
    messages: list = field(default_factory=list)
    pk: int | None = None  # the fiche (existing, or created by this import)

    @property
    def table_label(self):
        return columns.TABLE_NAMES[self.table]


@dataclass
class Report:
    language: str
    publish: bool
    dry_run: bool = False
    file_errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    written: bool = False
    stopped: bool = False  # refused rows and the moderator did not accept the valid ones
    linked: int = 0

    def count(self, status):
        return sum(1 for line in self.lines if line.status == status)

    @property
    def counts(self):
        return {status: self.count(status) for status in STATUSES}

    @property
    def refused(self):
        return [line for line in self.lines if line.status in (REFUSED, DRAFT_KEPT)]

    @property
    def ok(self):
        return not self.file_errors

    def summary(self):
        with translation.override(self.language):
            counts = self.counts
            return ", ".join(f"{status_label(status)}: {counts[status]}" for status in STATUSES)


def status_label(status):
    """A line's status in the active language."""
    return {
        CREATED: gettext("created"),
        UPDATED: gettext("updated"),
        UNCHANGED: gettext("unchanged"),
        DRAFT_KEPT: gettext("left for an editor's draft"),
        REFUSED: gettext("refused"),
    }[status]


class _Silent:
    def __init__(self, *args, **kwargs):
        pass

    def update(self, n=1):
        pass

    def close(self):
        pass


def run_import(
    data,
    *,
    filename="",
    language=None,
    locale=None,
    publish=True,
    dry_run=False,
    valid_rows_only=False,
    user=None,
    progress=None,
):
    """Validate the file, then (unless ``dry_run``) write it; returns the ``Report``.

    ``language``: the report's (the editor's); ``locale``: the language of new fiches and
    where official codes and external identifiers are looked up (default: ``language``).
    """
    language = language or settings.LANGUAGE_CODE
    report = Report(language=language, publish=publish, dry_run=dry_run)
    with translation.override(language):
        try:
            importer = _Importer(
                data, filename, locale or language, publish, user, progress or _Silent
            )
            importer.plan(report)
        except ImportFileError as error:
            report.file_errors.append(str(error))
            return report
        if dry_run or report.file_errors:
            return report
        if report.refused and not valid_rows_only:
            report.stopped = True
            return report
        with transaction.atomic():
            importer.apply(report)
        report.written = True
        importer.refresh()
    return report


# --- reading rows -------------------------------------------------------------------------


class TableReader:
    """The columns of one sheet, and each row's values as the model wants them."""

    def __init__(self, sheet, table, vocabularies):
        self.sheet = sheet
        self.table = table
        self.vocabularies = vocabularies
        index = columns.header_index(table)
        self.positions = {}
        problems = []
        for position, header in enumerate(sheet.header):
            name = values.normalise(values.text(header))
            if not name:
                continue
            column = index.get(name)
            if column is None:
                problems.append(self._unknown_column(values.text(header), index))
            elif column.key in self.positions:
                problems.append(
                    gettext("Column “%(header)s” appears twice.") % {"header": values.text(header)}
                )
            else:
                self.positions[column.key] = (position, column)
        problems += self._missing_columns()
        if problems:
            raise ImportFileError(
                gettext("Sheet “%(sheet)s” (%(table)s): %(problems)s")
                % {
                    "sheet": sheet.name,
                    "table": columns.TABLE_NAMES[table],
                    "problems": " ".join(problems),
                }
            )

    def _unknown_column(self, header, index):
        names = {str(column.header): column for column in index.values()}
        close = difflib.get_close_matches(header, list(names), n=1, cutoff=0.5)
        if close:
            return gettext("Unknown column “%(header)s”: did you mean “%(suggestion)s”?") % {
                "header": header,
                "suggestion": close[0],
            }
        return gettext("Unknown column “%(header)s”.") % {"header": header}

    def _missing_columns(self):
        present = set(self.positions)
        if self.table == columns.FICHES:
            needed = {"id", "official_code", "external_id", "title"}
            what = ", ".join(str(c.header) for c in columns.FICHE_COLUMNS if c.key in needed)
        elif self.table == columns.CALLS:
            needed = {"call_id", "call_external_id", *(c.key for c in columns.FICHE_LINK_COLUMNS)}
            what = ", ".join(str(c.header) for c in columns.CALL_COLUMNS if c.key in needed)
        else:
            needed = {c.key for c in columns.FICHE_LINK_COLUMNS}
            what = ", ".join(str(c.header) for c in columns.FICHE_LINK_COLUMNS)
        if present & needed:
            return []
        return [gettext("Missing column: give at least one of %(columns)s.") % {"columns": what}]

    def has(self, key):
        return key in self.positions

    def rows(self):
        for count, row in enumerate(self.sheet.rows(), start=1):
            if count > MAX_ROWS:
                raise ImportFileError(
                    gettext(
                        "Sheet “%(sheet)s” has more than %(max)s rows: split it into several files."
                    )
                    % {"sheet": self.sheet.name, "max": f"{MAX_ROWS:,}"}
                )
            yield ParsedRow(self, row)


class ParsedRow:
    """One row's values by column key, and the problems met reading them."""

    def __init__(self, reader, row):
        self.line = row.line
        self.values = {}
        self.errors = []
        problems_at = defaultdict(list)
        for position, message in row.problems:
            problems_at[position].append(message)
        for key, (position, column) in reader.positions.items():
            cell = row.cells[position] if position < len(row.cells) else None
            header = str(column.header)
            if position in problems_at:
                for message in dict.fromkeys(problems_at[position]):
                    self.errors.append(labelled(header, message))
                continue
            try:
                self.values[key] = read_cell(column.reader, cell, reader.vocabularies)
            except values.InvalidValue as error:
                self.errors.append(labelled(header, error))

    def get(self, key, default=None):
        return self.values.get(key, default)


def labelled(label, message):
    return gettext("%(label)s: %(message)s") % {"label": label, "message": message}


def rich_text(cell):
    raw = values.text(cell)
    if not raw or raw.startswith("<"):
        return raw
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in raw.split("\n\n") if part)


def identifier(cell):
    number = values.integer(cell)
    if number is not None and number <= 0:
        raise values.InvalidValue(gettext("“%(value)s” is not an identifier.") % {"value": cell})
    return number


def read_cell(reader, cell, vocabularies):
    if reader == "ignored":
        return None
    if reader == "text":
        return values.text(cell)
    if reader == "rich_text":
        return rich_text(cell)
    if reader == "id":
        return identifier(cell)
    if reader == "integer":
        return values.integer(cell)
    if reader == "decimal":
        return values.decimal(cell)
    if reader == "float":
        return values.floating(cell)
    if reader == "date":
        return values.date(cell)
    if reader == "boolean":
        return values.boolean(cell) if values.text(cell) else None
    empty = not values.text(cell)
    vocabulary = {
        "authority_kind": vocabularies.authority_kinds,
        "cooperation_kind": vocabularies.cooperation_kinds,
        "actor_kind": vocabularies.actor_kinds,
        "call_direction": vocabularies.call_directions,
        "call_status": vocabularies.call_statuses,
        "country": vocabularies.countries,
        "country_name": vocabularies.countries,
    }.get(reader)
    if vocabulary is not None:
        return "" if empty else vocabulary.resolve(cell)
    lists = {
        "countries": vocabularies.countries,
        "languages": vocabularies.languages,
        "themes": vocabularies.themes,
        "domains": vocabularies.domains,
    }
    return lists[reader].resolve_list(cell)


# --- identifiers --------------------------------------------------------------------------


class FicheIndex:
    """Where each identifier leads: existing fiches (by primary key) and the file's new
    fiches (by a negative number, ``-line``, until they are written)."""

    def __init__(self, locale):
        self.existing = {}
        self.official = defaultdict(list)  # code → [(kind, id)]
        self.external = defaultdict(list)
        rows = AuthorityPage.objects.values_list(
            "pk", "title", "locale_id", "kind", "official_code", "external_id"
        )
        for pk, title, locale_id, kind, official_code, external_id in rows:
            self.existing[pk] = title
            if locale_id != locale.pk:
                continue
            if official_code:
                self.official[official_code].append((kind, pk))
            if external_id:
                self.external[external_id].append(pk)
        self.titles = {}

    def add_new(self, line, title, kind, official_code, external_id):
        virtual = -line
        self.titles[virtual] = title
        if official_code:
            self.official[official_code].append((kind, virtual))
        if external_id:
            self.external[external_id].append(virtual)
        return virtual

    def title(self, target):
        return self.existing.get(target) or self.titles.get(target, "")

    def by_official(self, code, kind=None):
        found = self.official.get(code, [])
        if kind:
            found = [entry for entry in found if entry[0] == kind]
        return sorted({target for _kind, target in found})

    def by_external(self, external_id):
        return sorted(set(self.external.get(external_id, [])))

    def find(self, pk=None, official_code="", kind="", external_id=""):
        """(target or None, [problems]) for a set of identifiers that must agree."""
        found = {}
        problems = []
        if pk:
            if pk in self.existing:
                found["id"] = pk
            else:
                problems.append(
                    gettext("No fiche has the identifier %(id)s in the portal.") % {"id": pk}
                )
        for name, code, targets in (
            ("official_code", official_code, self.by_official(official_code, kind)),
            ("external_id", external_id, self.by_external(external_id)),
        ):
            if not code:
                continue
            if len(targets) > 1:
                problems.append(
                    gettext("“%(code)s” identifies several fiches: give the portal identifier.")
                    % {"code": code}
                )
            elif targets:
                found[name] = targets[0]
        if len(set(found.values())) > 1:
            problems.append(
                gettext("These identifiers lead to different fiches: %(fiches)s.")
                % {"fiches": ", ".join(f"“{self.title(t)}”" for t in sorted(set(found.values())))}
            )
        target = next(iter(found.values()), None) if not problems else None
        return target, problems


def validation_messages(error, model):
    """A ``ValidationError`` as "Label: message" strings, labels as the editor's form has."""
    messages = []
    by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for name, errors in by_field.items():
        for message in errors:
            if name == "__all__":
                messages.append(message)
                continue
            try:
                label = capfirst(model._meta.get_field(name).verbose_name)
            except Exception:  # noqa: BLE001 (a non-field key: show it as is)
                label = name
            messages.append(labelled(label, message))
    return messages


def plain(value):
    """A field's value in a comparable form (countries as codes, lists as lists)."""
    if hasattr(value, "code") and not isinstance(value, str):
        return value.code or ""
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def related_pks(manager):
    return sorted(obj.pk for obj in manager.all())


# --- the importer -------------------------------------------------------------------------


@dataclass
class FicheOutcome:
    """What the plan decided for one fiche row (kept for the apply step)."""

    status: str
    target: int | None


# Readers whose cells are resolved against the field's own choices (values.Vocabularies):
# a non-empty value is one of them by construction, so ``clean_fields`` need not check it
# again (Django rebuilds the 250 country choices for each check: a third of the time).
CHOICE_READERS = {
    "authority_kind",
    "country",
    "countries",
    "languages",
    "call_direction",
    "call_status",
}


def resolved_codes(table_columns, row):
    """Fields of ``row`` holding codes already checked against their choices."""
    return [
        column.field
        for column in table_columns
        if column.field and column.reader in CHOICE_READERS and row.values.get(column.key)
    ]


def free_slug(title, taken, fallback):
    """A slug from ``title`` not in ``taken`` (which gains it)."""
    base = slugify(title, allow_unicode=True)[:240] or fallback
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def first_revisions(model, pages, user, publish):
    """The first revision and history entries of pages inserted in bulk (one chunk)."""
    page_type = ContentType.objects.get_for_model(model)
    base_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    revisions = [
        Revision(
            content_type=page_type,
            base_content_type=base_type,
            object_id=str(page.pk),
            user=user,
            created_at=now,
            content=page.serializable_data(),
            object_str=page.title,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions)
    bases = []
    for page, revision in zip(pages, revisions, strict=True):
        base = Page(pk=page.pk)
        base.latest_revision_id = revision.pk
        base.latest_revision_created_at = now
        base.live_revision_id = revision.pk if publish else None
        bases.append(base)
    Page.objects.bulk_update(
        bases, ["latest_revision", "latest_revision_created_at", "live_revision"]
    )
    entries = []
    actions = ["wagtail.create"] + (["wagtail.publish"] if publish else [])
    for page, revision in zip(pages, revisions, strict=True):
        entries += [
            PageLogEntry(
                content_type=page_type,
                page_id=page.pk,
                label=page.title,
                action=action,
                user=user,
                revision=revision,
                timestamp=now,
                content_changed=True,
            )
            for action in actions
        ]
    PageLogEntry.objects.bulk_create(entries)


class _Importer:
    def __init__(self, data, filename, locale_code, publish, user, progress):
        self.language = translation.get_language()
        self.publish = publish
        self.user = user
        self.progress = progress
        self.vocabularies = values.Vocabularies(self.language)
        self.locale = (
            Locale.objects.filter(language_code=locale_code).first() or Locale.get_default()
        )
        skeleton = find_skeleton()
        if skeleton is None:
            raise ImportFileError(gettext("The portal has no fiche directory yet."))
        directory = skeleton.authorities
        if directory.locale_id != self.locale.pk:
            directory = directory.get_translation_or_none(self.locale) or directory
        self.directory = directory
        self.readers = {}
        for sheet in open_sheets(data, filename):
            table = columns.guess_table(sheet.header)
            if table in self.readers:
                raise ImportFileError(
                    gettext("Two sheets hold %(table)s: “%(first)s” and “%(second)s”.")
                    % {
                        "table": columns.TABLE_NAMES[table],
                        "first": self.readers[table].sheet.name,
                        "second": sheet.name,
                    }
                )
            self.readers[table] = TableReader(sheet, table, self.vocabularies)
        self.index = FicheIndex(self.locale)
        self.outcomes = {}  # fiche line → FicheOutcome
        self.links = {}  # table → {fiche target: [link entry]}
        self.refused_lists = defaultdict(set)  # table → targets whose list must stay
        self.mode = "plan"
        self.fiche_rows = None
        self.initial_slugs = set(
            Page.objects.filter(
                path__startswith=self.directory.path, depth=self.directory.depth + 1
            ).values_list("slug", flat=True)
        )
        self.real = {}  # virtual target → primary key once written
        self.new_pks = []
        self.touched_identifiers = set()

    # --- plan ---------------------------------------------------------------------------

    def plan(self, report):
        fiche_reader = self.readers.get(columns.FICHES)
        if fiche_reader is not None:
            self._index_new_fiches(fiche_reader, report)
        for table in (columns.COOPERATIONS, columns.ACTORS):
            if table in self.readers:
                self._read_links(table, report)
        if fiche_reader is not None:
            self._plan_fiches(fiche_reader, report, write=False)
        self._plan_links_only(report, write=False)
        if columns.CALLS in self.readers:
            self.calls = CallImporter(self, self.readers[columns.CALLS])
            self.calls.plan(report)

    def _index_new_fiches(self, reader, report):
        """First look at the fiche rows: who they are, and duplicate identifiers."""
        seen = {}
        self.duplicates = {}
        self.fiche_rows = 0
        for row in reader.rows():
            self.fiche_rows += 1
            keys = []
            if row.get("id"):
                keys.append(("id", row.get("id")))
            if row.get("official_code"):
                keys.append(("official_code", row.get("kind") or "", row.get("official_code")))
            if row.get("external_id"):
                keys.append(("external_id", row.get("external_id")))
            for key in keys:
                if key in seen:
                    self.duplicates[row.line] = (key[-1], seen[key])
                    break
            else:
                for key in keys:
                    seen[key] = row.line
            if row.line in self.duplicates or row.errors:
                continue
            target, problems = self.index.find(
                row.get("id"),
                row.get("official_code", ""),
                row.get("kind", ""),
                row.get("external_id", ""),
            )
            if target is None and not problems and not row.get("id"):
                self.index.add_new(
                    row.line,
                    row.get("title", ""),
                    row.get("kind", ""),
                    row.get("official_code", ""),
                    row.get("external_id", ""),
                )

    def _fiche_target(self, row):
        """The fiche a row is about (an existing pk, or ``-line`` for a new one)."""
        if row.line in self.duplicates:
            value, first = self.duplicates[row.line]
            return None, [
                gettext("The identifier “%(value)s” is already on line %(line)s.")
                % {"value": value, "line": first}
            ]
        target, problems = self.index.find(
            row.get("id"),
            row.get("official_code", ""),
            row.get("kind", ""),
            row.get("external_id", ""),
        )
        if problems:
            return None, problems
        if target is None:
            target = -row.line
        return target, []

    def _plan_fiches(self, reader, report, write):
        self.slugs = set(self.initial_slugs)
        self.seen_targets = {}
        chunk = []
        description = {
            "plan": gettext("Checking"),
            "create": gettext("Creating"),
            "update": gettext("Updating"),
        }[self.mode]
        bar = self.progress(total=self.fiche_rows, desc=description)
        for row in reader.rows():
            chunk.append(row)
            if len(chunk) == CHUNK:
                self._fiche_chunk(reader, chunk, report, write)
                bar.update(len(chunk))
                chunk = []
        if chunk:
            self._fiche_chunk(reader, chunk, report, write)
            bar.update(len(chunk))
        bar.close()

    def _fiche_chunk(self, reader, rows, report, write):
        targets = {}
        for row in rows:
            target, problems = self._fiche_target(row)
            if target is not None and target in self.seen_targets:
                problems = [
                    gettext("This fiche is already on line %(line)s.")
                    % {"line": self.seen_targets[target]}
                ]
                target = None
            elif target is not None:
                self.seen_targets[target] = row.line
            targets[row.line] = (target, problems)
        wanted = "update" if self.mode != "create" else None
        existing_pks = [t for t, _p in targets.values() if t and t > 0]
        pages = self._load(existing_pks) if wanted else {}
        creations = []
        for row in rows:
            target, problems = targets[row.line]
            if self.mode == "create" and (target is None or target > 0):
                continue
            messages = list(row.errors) + problems
            title = row.get("title") or (pages[target].title if target in pages else "")
            if messages:
                self._refuse(report, columns.FICHES, row.line, title, messages, target)
                self._report_links(report, target, REFUSED, row.line)
                continue
            if target > 0:
                outcome, changes = self._plan_update(pages[target], row, report, write)
            else:
                outcome, changes = self._plan_creation(row, target, report, write, creations)
                changes = dict.fromkeys(INLINES, True)
            self._report_links(report, target, outcome.status, row.line, changes)
            self.outcomes[row.line] = outcome
        if self.mode == "create" and creations:
            self._write_creations(creations)

    def _report_links(self, report, target, status, fiche_line, changes=None):
        """The link rows of a fiche share its fate (their list changes or it does not)."""
        if target is None:
            return
        for table in INLINES:
            if target in self.refused_lists[table] and status != REFUSED:
                continue
            for entry in self.links.get(table, {}).get(target, []):
                line_status, messages = status, []
                if status == REFUSED:
                    messages = [
                        gettext("Its fiche (line %(line)s) is refused.") % {"line": fiche_line}
                    ]
                elif status == UPDATED and not (changes or {}).get(table):
                    line_status = UNCHANGED
                elif status == UNCHANGED and (changes or {}).get(table):
                    line_status = UPDATED
                report.lines.append(
                    Line(
                        table,
                        entry["line"],
                        line_status,
                        self.index.title(target),
                        messages,
                        target,
                    )
                )

    def _load(self, pks):
        if not pks:
            return {}
        pages = AuthorityPage.objects.filter(pk__in=pks).prefetch_related(
            "objective_themes",
            "objective_domains",
            "cooperations__themes",
            "foreign_actors",
        )
        return {page.pk: page for page in pages}

    def _refuse(self, report, table, line, title, messages, target=None, status=REFUSED):
        report.lines.append(Line(table, line, status, title, messages, target))
        if target is not None:
            for link_table in INLINES:
                self.refused_lists[link_table].add(target)

    def _assign(self, page, row):
        """Put the row's values on ``page``; returns {m2m field: [pk]} to set."""
        m2m = {}
        for column in columns.FICHE_COLUMNS:
            if not column.field or column.key not in row.values:
                continue
            value = row.values[column.key]
            if column.field in M2M_FIELDS:
                m2m[column.field] = sorted(value)
            elif column.field in (
                "population",
                "population_year",
                "area_km2",
                "latitude",
                "longitude",
                "last_verified",
            ):
                setattr(page, column.field, value)
            else:
                setattr(page, column.field, value if value is not None else "")
        if "country_code" not in row.values and "country" in row.values:
            page.country = row.values["country"] or ""  # only the country's name was given
        return m2m

    def _validate(self, page, row):
        """The editor's form rules on the fields this import sets."""
        touched = {c.field for c in columns.FICHE_COLUMNS if c.field and c.key in row.values}
        if "country" in row.values:
            touched.add("country")
        if page.pk is None:
            touched |= {"title", "kind", "country", "working_languages"}
        exclude = [f.name for f in AuthorityPage._meta.fields if f.name not in touched]
        exclude += resolved_codes(columns.FICHE_COLUMNS, row)
        errors = []
        try:
            page.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors += validation_messages(error, AuthorityPage)
        page._check_slug_is_unique = lambda: None  # checked against the directory's slugs
        try:
            page.clean()
        except ValidationError as error:
            errors += validation_messages(error, AuthorityPage)
        return errors

    def _plan_creation(self, row, target, report, write, creations):
        page = AuthorityPage(locale=self.locale, title=row.get("title", ""))
        m2m = self._assign(page, row)
        messages = self._validate(page, row)
        if not row.get("title"):
            messages = messages or [gettext("A new fiche needs its name.")]
        if messages:
            self._refuse(report, columns.FICHES, row.line, page.title, messages, target)
            return FicheOutcome(REFUSED, target), {}
        page.slug = self._free_slug(page.title)
        report.lines.append(Line(columns.FICHES, row.line, CREATED, page.title, [], target))
        creations.append((target, page, m2m))
        return FicheOutcome(CREATED, target), {}

    def _free_slug(self, title):
        return free_slug(title, self.slugs, "fiche")

    def _compared(self, page):
        data = {name: plain(getattr(page, name)) for name in FICHE_FIELDS if name not in M2M_FIELDS}
        for name in M2M_FIELDS:
            data[name] = related_pks(getattr(page, name))
        return data

    def _plan_update(self, page, row, report, write):
        base = page
        if page.has_unpublished_changes and page.latest_revision_id:
            base = page.get_latest_revision_as_object()
        before = self._compared(base)
        candidate = base
        m2m = self._assign(candidate, row)
        messages = self._validate(candidate, row)
        if messages:
            self._refuse(report, columns.FICHES, row.line, candidate.title, messages, page.pk)
            return FicheOutcome(REFUSED, page.pk), {}
        after = self._compared(candidate)
        after.update(m2m)
        inline_changes = self._inline_changes(page.pk, base)
        fields_changed = {k for k in after if after[k] != before[k]}
        if not fields_changed and not inline_changes:
            report.lines.append(Line(columns.FICHES, row.line, UNCHANGED, page.title, [], page.pk))
            return FicheOutcome(UNCHANGED, page.pk), {}
        if page.has_unpublished_changes:
            self._refuse(
                report,
                columns.FICHES,
                row.line,
                page.title,
                [self._draft_message()],
                page.pk,
                DRAFT_KEPT,
            )
            return FicheOutcome(DRAFT_KEPT, page.pk), {}
        status = UPDATED if fields_changed else UNCHANGED
        report.lines.append(Line(columns.FICHES, row.line, status, page.title, [], page.pk))
        if write:
            self._write_update(candidate, m2m, inline_changes)
        return FicheOutcome(UPDATED, page.pk), inline_changes

    def _draft_message(self):
        return gettext(
            "An editor's unpublished draft of this fiche is waiting: the import did not "
            "overwrite it. Publish or discard the draft, then import again."
        )

    # --- cooperations and foreign actors -----------------------------------------------

    def _read_links(self, table, report):
        """Every row of a link table, validated and grouped by fiche (they are few)."""
        grouped = defaultdict(list)
        for row in self.readers[table].rows():
            messages = list(row.errors)
            target, problems = (None, [])
            if not messages:
                target, problems = self.index.find(
                    row.get("fiche_id"),
                    row.get("fiche_official_code", ""),
                    "",
                    row.get("fiche_external_id", ""),
                )
                if target is None and not problems:
                    problems = [
                        gettext("No fiche in the portal or in this file has this identifier.")
                    ]
                messages += problems
            entry = None
            if not messages:
                entry, more = self._link_entry(table, row, target)
                messages += more
            if messages:
                self._refuse(report, table, row.line, self._link_title(row), messages)
                if target is not None:
                    self.refused_lists[table].add(target)
                continue
            grouped[target].append(entry)
        self.links[table] = grouped

    def _link_title(self, row):
        return row.get("partner_name") or row.get("actor_name") or ""

    def _link_entry(self, table, row, target):
        if table == columns.ACTORS:
            actor = ForeignActor(
                authority_id=target,
                name=row.get("actor_name", ""),
                kind=row.get("actor_kind", "") or "",
                country_of_origin=row.get("country_of_origin", "") or "",
                description=row.get("actor_description", "") or "",
            )
            return self._checked(actor, row, ["name", "kind", "country_of_origin", "description"])
        partner, problems = None, []
        reference = row.get("partner_official_code") or row.get("partner_external_id") or ""
        if row.get("partner_id") or reference:
            partner, problems = self.index.find(
                row.get("partner_id"),
                row.get("partner_official_code", ""),
                "",
                row.get("partner_external_id", ""),
            )
            if problems and not row.get("partner_id"):
                problems = []  # an unknown partner is kept as name + country
            if (
                partner is None
                and not problems
                and not (row.get("partner_name") and row.get("partner_country"))
            ):
                problems = [
                    gettext(
                        "No fiche has the partner's identifier “%(code)s” yet: give the "
                        "partner's name and country too."
                    )
                    % {"code": reference}
                ]
        if problems:
            return None, problems
        cooperation = Cooperation(
            authority_id=target,
            partner_page_id=partner,
            partner_name="" if partner else row.get("partner_name", ""),
            partner_country="" if partner else (row.get("partner_country") or ""),
            kind=row.get("cooperation_kind", "") or "",
            since_year=row.get("since_year"),
            is_active=True if row.get("is_active") is None else row.get("is_active"),
            description=row.get("description", "") or "",
            partner_reference=reference,
        )
        entry, messages = self._checked(
            cooperation,
            row,
            ["partner_name", "partner_country", "kind", "since_year", "description"],
        )
        if entry is not None:
            entry["themes"] = sorted(row.get("cooperation_themes") or [])
        return entry, messages

    def _checked(self, obj, row, fields):
        exclude = [f.name for f in type(obj)._meta.fields if f.name not in fields]
        messages = []
        try:
            obj.clean_fields(exclude=exclude)
            obj.clean()
        except ValidationError as error:
            messages = validation_messages(error, type(obj))
        if messages:
            return None, messages
        names = COOPERATION_FIELDS if isinstance(obj, Cooperation) else ACTOR_FIELDS
        entry = {name: plain(getattr(obj, name)) for name in names}
        entry["line"] = row.line
        return entry, []

    def _current_inline(self, table, page):
        rows = []
        for obj in getattr(page, INLINES[table]).all():
            names = COOPERATION_FIELDS if table == columns.COOPERATIONS else ACTOR_FIELDS
            entry = {name: plain(getattr(obj, name)) for name in names}
            if table == columns.COOPERATIONS:
                entry["themes"] = related_pks(obj.themes)
            rows.append(entry)
        return rows

    def _wanted_inline(self, table, target):
        wanted = []
        for entry in self.links.get(table, {}).get(target, []):
            entry = {k: v for k, v in entry.items() if k != "line"}
            if entry.get("partner_page_id") is not None and entry["partner_page_id"] < 0:
                entry["partner_page_id"] = self.real.get(
                    entry["partner_page_id"], entry["partner_page_id"]
                )
            wanted.append(entry)
        return wanted

    def _inline_changes(self, target, page):
        """{table: wanted rows} for the lists of ``target`` the file changes."""
        changes = {}
        for table in INLINES:
            if target not in self.links.get(table, {}) or target in self.refused_lists[table]:
                continue
            wanted = self._wanted_inline(table, target)
            current = self._current_inline(table, page) if page is not None else []
            if wanted != current:
                changes[table] = wanted
        return changes

    def _plan_links_only(self, report, write):
        """Fiches that only the link tables mention (no row in the fiche table)."""
        in_fiche_table = {outcome.target for outcome in self.outcomes.values()}
        targets = set()
        for table in INLINES:
            targets |= set(self.links.get(table, {}))
        targets = sorted(t for t in targets - in_fiche_table if t > 0)
        for start in range(0, len(targets), CHUNK):
            pages = self._load(targets[start : start + CHUNK])
            for _target, page in pages.items():
                self._plan_links_of(page, report, write)

    def _plan_links_of(self, page, report, write):
        base = page
        if page.has_unpublished_changes and page.latest_revision_id:
            base = page.get_latest_revision_as_object()
        changes = self._inline_changes(page.pk, base)
        lines = [
            entry["line"]
            for table in INLINES
            for entry in self.links.get(table, {}).get(page.pk, [])
        ]
        status = UPDATED if changes else UNCHANGED
        messages = []
        if changes and page.has_unpublished_changes:
            status, messages = DRAFT_KEPT, [self._draft_message()]
        for table in INLINES:
            for entry in self.links.get(table, {}).get(page.pk, []):
                report.lines.append(
                    Line(table, entry["line"], status, page.title, messages, page.pk)
                )
        if write and status == UPDATED:
            self._write_update(base, {}, changes)
        return lines

    # --- apply --------------------------------------------------------------------------

    def apply(self, report):
        planned = Report(language=report.language, publish=report.publish)
        self.step = writer.next_child_step(self.directory)
        self.created = []
        reader = self.readers.get(columns.FICHES)
        if reader is not None:
            self.outcomes = {}
            self.mode = "create"
            self._plan_fiches(reader, Report(report.language, report.publish), write=True)
            self.mode = "update"
            self.outcomes = {}
            self._plan_fiches(reader, planned, write=True)
            self._finish_creations()
        links_report = Report(report.language, report.publish)
        self._plan_links_only(links_report, write=True)
        report.linked = self._link_pending_partners()
        if columns.CALLS in self.readers:
            self.calls.apply(Report(report.language, report.publish))
        report.notes.append(gettext("Written in one transaction."))

    def _write_creations(self, creations):
        pages = []
        for target, page, m2m in creations:
            writer.place_under(self.directory, page, self.step)
            self.step += 1
            page.translation_key = uuid.uuid4()
            page.owner = self.user
            if not self.publish:
                page.live = False
                page.has_unpublished_changes = True
                page.first_published_at = page.last_published_at = None
            pages.append((target, page, m2m))
        writer.insert_pages([page for _t, page, _m in pages])
        writer.add_to_numchild(self.directory, len(pages))
        for name in M2M_FIELDS:
            pairs = [(page.pk, pk) for _t, page, m2m in pages for pk in m2m.get(name, [])]
            writer.insert_many_to_many(AuthorityPage, name, pairs)
        for target, page, _m2m in pages:
            self.real[target] = page.pk
            self.index.existing[page.pk] = page.title
            self.new_pks.append(page.pk)
            self.created.append((target, page.pk))
            self._touch(page)

    def _touch(self, page):
        for code in (page.official_code, page.external_id):
            if code:
                self.touched_identifiers.add(code)

    def _finish_creations(self):
        """The new fiches' cooperations and actors, then their first revision and history."""
        for table in INLINES:
            rows = []
            for target, pk in self.created:
                if target in self.refused_lists[table]:
                    continue
                for order, entry in enumerate(self._wanted_inline(table, target)):
                    rows.append((self._inline_object(table, pk, order, entry), entry))
            model = Cooperation if table == columns.COOPERATIONS else ForeignActor
            model.objects.bulk_create([obj for obj, _e in rows], batch_size=CHUNK)
            if table == columns.COOPERATIONS:
                theme_pairs = [(obj.pk, t) for obj, entry in rows for t in entry["themes"]]
                writer.insert_many_to_many(Cooperation, "themes", theme_pairs)
        pks = [pk for _t, pk in self.created]
        for start in range(0, len(pks), CHUNK):
            pages = list(self._load(pks[start : start + CHUNK]).values())
            first_revisions(AuthorityPage, pages, self.user, self.publish)

    def _inline_object(self, table, authority_pk, order, entry):
        common = {"authority_id": authority_pk, "locale_id": self.locale.pk, "sort_order": order}
        if table == columns.ACTORS:
            return ForeignActor(**common, **{name: entry[name] for name in ACTOR_FIELDS})
        data = {name: entry[name] for name in COOPERATION_FIELDS}
        return Cooperation(**common, **data)

    def _write_update(self, page, m2m, inline_changes):
        models = {"objective_themes": Theme, "objective_domains": ActionDomain}
        for name, pks in m2m.items():
            setattr(page, name, list(models[name].objects.filter(pk__in=pks)))
        for table, wanted in inline_changes.items():
            objects = []
            for order, entry in enumerate(wanted):
                obj = self._inline_object(table, page.pk, order, entry)
                if table == columns.COOPERATIONS:
                    obj.themes = list(Theme.objects.filter(pk__in=entry["themes"]))
                objects.append(obj)
            setattr(page, INLINES[table], objects)
        revision = page.save_revision(user=self.user, log_action=True, clean=False)
        if self.publish:
            revision.publish(user=self.user)
        self._touch(page)

    def _link_pending_partners(self):
        """Cooperations waiting for a partner by identifier, now that it has a fiche."""
        if not self.touched_identifiers:
            return 0
        pending = Cooperation.objects.filter(
            partner_page__isnull=True,
            partner_reference__in=self.touched_identifiers,
            locale=self.locale,
        ).values_list("authority_id", "partner_reference")
        owners = defaultdict(set)
        for owner, reference in pending:
            owners[owner].add(reference)
        linked = 0
        for owner_pk in sorted(owners):
            page = AuthorityPage.objects.get(pk=owner_pk)
            if page.has_unpublished_changes and page.latest_revision_id:
                continue  # an editor's draft: the link waits for the next import
            changed = False
            cooperations = list(page.cooperations.all())
            for cooperation in cooperations:
                if cooperation.partner_page_id or not cooperation.partner_reference:
                    continue
                targets = self.index.by_official(cooperation.partner_reference) or (
                    self.index.by_external(cooperation.partner_reference)
                )
                targets = [self.real.get(t, t) for t in targets]
                if len(targets) != 1 or targets[0] == owner_pk or targets[0] < 0:
                    continue
                cooperation.partner_page_id = targets[0]
                cooperation.partner_name = ""
                cooperation.partner_country = ""
                changed = True
                linked += 1
            if changed:
                page.cooperations = cooperations
                revision = page.save_revision(user=self.user, log_action=True, clean=False)
                if page.live:
                    revision.publish(user=self.user)
        return linked

    def refresh(self):
        """Once, after the transaction: search index, planner statistics, caches."""
        writer.index_for_search(AuthorityPage, self.new_pks)
        if columns.CALLS in self.readers:
            writer.index_for_search(PartnershipCallPage, self.calls.new_pks)
        if self.new_pks and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE wagtailcore_page, cms_authoritypage")
        bump_content_version()


# --- partnership calls --------------------------------------------------------------------

CALL_FIELDS = [c.field for c in columns.CALL_COLUMNS if c.field]
CALL_M2M = {"themes": Theme, "action_domains": ActionDomain}
CALL_REQUIRED = {"title", "direction", "status", "summary"}


@dataclass
class CallPlan:
    """What the plan decided for one call row: its fiche, its call (None: a new one)."""

    line: int
    status: str
    fiche: int
    call: int | None


class CallImporter:
    """The calls table: one row per partnership call, a child page of its fiche.

    A call is found by its portal identifier, else its external identifier (in the import's
    locale); a new one goes under the fiche named by the "Fiche" columns (an existing fiche,
    or one this file creates). The editor's rules are the model's (``clean_fields`` and
    ``clean``: statuses, directions, dates, budgets); a changed call gets a new revision
    through Wagtail, an unpublished draft is reported, never overwritten. New calls are
    inserted in bulk like new fiches (``cms.models.bulk``, a first revision each).
    """

    def __init__(self, importer, reader):
        self.importer = importer
        self.reader = reader
        self.plans = []
        self.new_pks = []
        self.existing = {}  # call pk → fiche pk
        self.external = defaultdict(list)
        calls = PartnershipCallPage.objects.values_list("pk", "path", "locale_id", "external_id")
        paths = {}
        for pk, path, locale_id, external_id in calls:
            paths[pk] = path[: -Page.steplen]
            if external_id and locale_id == importer.locale.pk:
                self.external[external_id].append(pk)
        parents = dict(Page.objects.filter(path__in=set(paths.values())).values_list("path", "pk"))
        self.existing = {pk: parents.get(path) for pk, path in paths.items()}

    def plan(self, report):
        refused_fiches = {
            line.pk: line.line
            for line in report.lines
            if line.table == columns.FICHES and line.status == REFUSED and line.pk
        }
        seen = {}
        rows = list(self.reader.rows())
        calls = self._load([pk for pk in (self._call_of(row)[0] for row in rows) if pk])
        for row in rows:
            call_pk, problems = self._call_of(row) if not row.errors else (None, [])
            messages = list(row.errors) + problems
            fiche = None
            if not messages:
                fiche, problems = self._fiche_of(row, call_pk, refused_fiches)
                messages += problems
            if not messages and call_pk and call_pk in seen:
                messages.append(
                    gettext("This call is already on line %(line)s.") % {"line": seen[call_pk]}
                )
            if call_pk:
                seen.setdefault(call_pk, row.line)
            call = calls.get(call_pk)
            title = row.get("call_title") or (call.title if call else "")
            if messages:
                report.lines.append(Line(columns.CALLS, row.line, REFUSED, title, messages))
                continue
            status, messages = self._plan_call(row, call, write=False)
            report.lines.append(Line(columns.CALLS, row.line, status, title, messages, call_pk))
            if status in (CREATED, UPDATED):
                self.plans.append(CallPlan(row.line, status, fiche, call_pk))

    def _call_of(self, row):
        """(existing call pk or None, [problems]) from the call's identifiers."""
        pk, external_id = row.get("call_id"), row.get("call_external_id") or ""
        if pk and pk not in self.existing:
            return None, [gettext("No call has the identifier %(id)s in the portal.") % {"id": pk}]
        found = sorted(set(self.external.get(external_id, []))) if external_id else []
        if len(found) > 1 and not pk:
            return None, [
                gettext("“%(code)s” identifies several calls: give the portal identifier.")
                % {"code": external_id}
            ]
        if pk and found and pk not in found:
            return None, [gettext("The call's identifiers lead to different calls.")]
        return pk or (found[0] if found else None), []

    def _fiche_of(self, row, call_pk, refused_fiches):
        """(fiche target, [problems]): an existing fiche's pk or ``-line`` of a new one."""
        given = any(row.get(c.key) for c in columns.FICHE_LINK_COLUMNS)
        if not given:
            if call_pk:
                return self.existing[call_pk], []
            return None, [gettext("A new call needs its fiche: fill one of the Fiche columns.")]
        index = self.importer.index
        target, problems = index.find(
            row.get("fiche_id"),
            row.get("fiche_official_code", ""),
            "",
            row.get("fiche_external_id", ""),
        )
        if problems:
            return None, problems
        if target is None:
            code = row.get("fiche_official_code") or row.get("fiche_external_id")
            return None, [
                gettext("No fiche has the identifier “%(code)s”: import the fiche first.")
                % {"code": code}
            ]
        if target in refused_fiches:
            return None, [
                gettext("Its fiche (line %(line)s) is refused.") % {"line": refused_fiches[target]}
            ]
        if call_pk and self.existing[call_pk] != target:
            return None, [
                gettext("This call belongs to the fiche “%(fiche)s”: a call does not move.")
                % {"fiche": index.title(self.existing[call_pk])}
            ]
        return target, []

    def _load(self, pks):
        calls = PartnershipCallPage.objects.filter(pk__in=pks).prefetch_related(
            "themes", "action_domains"
        )
        return {call.pk: call for call in calls}

    def _assign(self, call, row):
        for column in columns.CALL_COLUMNS:
            if not column.field or column.key not in row.values:
                continue
            value = row.values[column.key]
            if column.field in CALL_M2M:
                model = CALL_M2M[column.field]
                setattr(call, column.field, list(model.objects.filter(pk__in=value)))
            elif value is None and column.reader in ("text", "rich_text"):
                setattr(call, column.field, "")
            else:
                setattr(call, column.field, value)

    def _compared(self, call):
        data = {}
        for name in CALL_FIELDS:
            value = getattr(call, name)
            if name in CALL_M2M:
                value = related_pks(value)
            value = plain(value)
            data[name] = sorted(value) if isinstance(value, list) else value
        return data

    def _validate(self, call, row, new):
        touched = {c.field for c in columns.CALL_COLUMNS if c.field and c.key in row.values}
        if new:
            touched |= CALL_REQUIRED
        exclude = [f.name for f in PartnershipCallPage._meta.fields if f.name not in touched]
        exclude += resolved_codes(columns.CALL_COLUMNS, row)
        errors = []
        try:
            call.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors += validation_messages(error, PartnershipCallPage)
        call._check_slug_is_unique = lambda: None  # a free slug is chosen when writing
        try:
            call.clean()
        except ValidationError as error:
            errors += validation_messages(error, PartnershipCallPage)
        return errors

    def _plan_call(self, row, call, write, fiche=None):
        """(status, [messages]); with ``write``, the call is saved too."""
        if call is None:
            candidate = PartnershipCallPage(locale=self.importer.locale, title="")
            self._assign(candidate, row)
            messages = self._validate(candidate, row, new=True)
            if messages:
                return REFUSED, messages
            if write:
                self.creations.append((fiche, candidate, self._m2m(row)))
            return CREATED, []
        base = call
        if call.has_unpublished_changes and call.latest_revision_id:
            base = call.get_latest_revision_as_object()
        before = self._compared(base)
        self._assign(base, row)
        messages = self._validate(base, row, new=False)
        if messages:
            return REFUSED, messages
        if self._compared(base) == before:
            return UNCHANGED, []
        if call.has_unpublished_changes:
            return DRAFT_KEPT, [
                gettext(
                    "An editor's unpublished draft of this call is waiting: the import did "
                    "not overwrite it. Publish or discard the draft, then import again."
                )
            ]
        if write:
            revision = base.save_revision(user=self.importer.user, log_action=True, clean=False)
            if self.importer.publish:
                revision.publish(user=self.importer.user)
        return UPDATED, []

    def _m2m(self, row):
        return {
            column.field: sorted(row.values[column.key])
            for column in columns.CALL_COLUMNS
            if column.field in CALL_M2M and column.key in row.values
        }

    def _write_creations(self):
        """The new calls in bulk under their fiches (``cms.models.bulk``), as for fiches:
        tree columns, many-to-many rows, a first revision and history entries."""
        publish, user = self.importer.publish, self.importer.user
        by_fiche = defaultdict(list)
        for fiche, call, m2m in self.creations:
            by_fiche[self.importer.real.get(fiche, fiche)].append((call, m2m))
        parents = AuthorityPage.objects.in_bulk(list(by_fiche))
        pages = []
        for fiche_pk, calls in by_fiche.items():
            parent = parents[fiche_pk]
            children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            taken = set(children.values_list("slug", flat=True))
            step = writer.next_child_step(parent)
            for call, _m2m in calls:
                call.slug = free_slug(call.title, taken, "call")
                writer.place_under(parent, call, step)
                step += 1
                call.translation_key = uuid.uuid4()
                call.owner = user
                if not publish:
                    call.live = False
                    call.has_unpublished_changes = True
                    call.first_published_at = call.last_published_at = None
                pages.append((call, _m2m))
            writer.add_to_numchild(parent, len(calls))
        for start in range(0, len(pages), CHUNK):
            chunk = pages[start : start + CHUNK]
            writer.insert_pages([call for call, _m in chunk])
            for name in CALL_M2M:
                pairs = [(call.pk, pk) for call, m2m in chunk for pk in m2m.get(name, [])]
                writer.insert_many_to_many(PartnershipCallPage, name, pairs)
            loaded = self._load([call.pk for call, _m in chunk])
            first_revisions(PartnershipCallPage, list(loaded.values()), user, publish)
            self.new_pks += [call.pk for call, _m in chunk]

    def apply(self, report):
        """Write what the plan decided (rows read again: the plan kept one line each)."""
        plans = {plan.line: plan for plan in self.plans}
        rows = [row for row in self.reader.rows() if row.line in plans]
        calls = self._load([plans[row.line].call for row in rows if plans[row.line].call])
        self.creations = []
        for row in rows:
            plan = plans[row.line]
            status, _messages = self._plan_call(
                row, calls.get(plan.call), write=True, fiche=plan.fiche
            )
            report.lines.append(Line(columns.CALLS, row.line, status))
        self._write_creations()
