"""Write the demo plan into the portal: fiches, calls, cooperations, actors, translations, news.

Idempotent: a fiche whose slug already exists in the French directory is left alone with
everything under it, so running the same command twice creates nothing the second time,
and a bigger ``--authorities`` only adds what is missing.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.bootstrap import ensure_skeleton
from cms.models import (
    ActionDomain,
    AuthorityPage,
    Cooperation,
    ForeignActor,
    NewsPage,
    PartnershipCallPage,
    Theme,
)
from cms.models import bulk as writer

from . import render
from .news import plan_news
from .plan import build_plan
from .render import escape

TRANSLATION_LANGUAGES = ("en", "es")
CHUNK = 500


@dataclass
class SeedReport:
    authorities: int = 0
    calls: int = 0
    cooperations: int = 0
    actors: int = 0
    translated_pages: int = 0
    news: int = 0
    already_there: int = 0


class _SilentProgress:
    def __init__(self, total=0, desc=""):
        pass

    def update(self, count=1):
        pass

    def close(self):
        pass


def seed_demo(count, seed, progress=None):
    """Seed ``count`` authorities from ``seed`` on top of the portal skeleton."""
    skeleton = ensure_skeleton()
    plan = build_plan(count, seed)
    with transaction.atomic():
        report = _DemoWriter(skeleton, plan, progress or _SilentProgress).write()
    _refresh_planner_statistics()
    return report


def _refresh_planner_statistics():
    """Bulk writes leave the planner's statistics stale; without them SQLite picks the
    primary-key index for the locale-fallback subquery and a 100-item list at 15,000 fiches
    takes 30 s instead of 0.2 s (measured by ``make bench``). PostgreSQL's autovacuum would
    catch up later; ANALYZE now makes the fresh demo fast on both."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@dataclass
class _Written:
    """The French pages and rows just created for one authority, to translate them."""

    spec: object
    page: AuthorityPage
    calls: list = field(default_factory=list)
    cooperations: list = field(default_factory=list)
    actors: list = field(default_factory=list)


class _DemoWriter:
    def __init__(self, skeleton, plan, progress):
        self.plan = plan
        self.progress = progress
        self.skeleton = skeleton
        self.today = datetime.date.today()
        self.now = timezone.now()
        self.default_language = settings.LANGUAGE_CODE
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        default = self.locales[self.default_language]
        self.directories = {self.default_language: skeleton.authorities}
        for lang in TRANSLATION_LANGUAGES:
            self.directories[lang] = skeleton.authorities.get_translation(self.locales[lang])
        self.theme_pks = dict(Theme.objects.filter(locale=default).values_list("slug", "pk"))
        self.domain_pks = dict(
            ActionDomain.objects.filter(locale=default).values_list("slug", "pk")
        )
        self.report = SeedReport()
        self.new_fiche_pks = []
        self.new_call_pks = []

    def write(self):
        directory = self.directories[self.default_language]
        existing = set(AuthorityPage.objects.child_of(directory).values_list("slug", flat=True))
        specs = [spec for spec in self.plan.authorities if spec.slug not in existing]
        self.report.already_there = len(self.plan.authorities) - len(specs)
        written = self._write_fiches(specs)
        pk_of = dict(AuthorityPage.objects.child_of(directory).values_list("slug", "pk"))
        bar = self.progress(total=len(written), desc=_("Calls, cooperations, translations"))
        for start in range(0, len(written), CHUNK):
            chunk = written[start : start + CHUNK]
            self._write_calls(chunk)
            self._write_cooperations(chunk, pk_of)
            self._write_actors(chunk)
            self._write_translations(chunk)
            bar.update(len(chunk))
        bar.close()
        self._write_news(pk_of)
        self._index_for_search()
        return self.report

    # --- French fiches ------------------------------------------------------------------

    def _write_fiches(self, specs):
        directory = self.directories[self.default_language]
        step = writer.next_child_step(directory)
        written = []
        bar = self.progress(total=len(specs), desc=_("authority fiches"))
        for start in range(0, len(specs), CHUNK):
            chunk = specs[start : start + CHUNK]
            pages = []
            for offset, spec in enumerate(chunk):
                page = self._fiche(spec, self.default_language)
                writer.place_under(directory, page, step + start + offset, len(spec.calls))
                pages.append(page)
            writer.insert_pages(pages)
            self._fiche_relations(chunk, pages)
            written += [_Written(spec, page) for spec, page in zip(chunk, pages, strict=True)]
            bar.update(len(chunk))
        bar.close()
        writer.add_to_numchild(directory, len(specs))
        self.report.authorities = len(specs)
        return written

    def _fiche(self, spec, lang, translation_key=None):
        page = AuthorityPage(
            locale=self.locales[lang],
            slug=spec.slug,
            kind=spec.kind,
            country=spec.country,
            region_name=spec.region_name,
            address=spec.address,
            website=f"https://www.{spec.domain_name}/",
            contact_name=spec.contact_name,
            contact_email=spec.contact_email,
            contact_phone=spec.contact_phone,
            area_km2=spec.area_km2,
            population=spec.population,
            population_year=spec.population_year,
            working_languages=spec.languages,
            latitude=spec.latitude,
            longitude=spec.longitude,
            preferred_countries=spec.preferred_countries,
            last_verified=self.today - datetime.timedelta(days=spec.last_verified_offset),
            **render.authority_fields(spec, lang),
        )
        page.translation_key = translation_key or uuid.uuid4()
        page.first_published_at = self.now
        return page

    def _fiche_relations(self, specs, pages):
        pairs = zip(specs, pages, strict=True)
        theme_rows, domain_rows = [], []
        for spec, page in pairs:
            theme_rows += [(page.pk, self.theme_pks[slug]) for slug in spec.themes]
            domain_rows += [(page.pk, self.domain_pks[slug]) for slug in spec.domains]
        writer.insert_many_to_many(AuthorityPage, "objective_themes", theme_rows)
        writer.insert_many_to_many(AuthorityPage, "objective_domains", domain_rows)
        self.new_fiche_pks += [page.pk for page in pages]

    # --- Partnership calls --------------------------------------------------------------

    def _write_calls(self, chunk):
        pages = []
        for item in chunk:
            for step, call in enumerate(item.spec.calls, start=1):
                page = self._call(call, item.spec, self.default_language)
                writer.place_under(item.page, page, step)
                item.calls.append((call, page))
                pages.append((call, page))
        self._insert_calls(pages)
        self.report.calls += len(pages)

    def _call(self, call, authority_spec, lang, translation_key=None):
        page = PartnershipCallPage(
            locale=self.locales[lang],
            slug=call.slug,
            direction=call.direction,
            status=call.status,
            target_countries=call.target_countries,
            start_date=self.today + datetime.timedelta(days=call.start_offset),
            deadline=self.today + datetime.timedelta(days=call.deadline_offset),
            duration_months=call.duration_months,
            budget_eur=call.budget,
            cofinancing_sought_eur=call.cofinancing,
            **render.call_fields(call, authority_spec, lang),
        )
        page.translation_key = translation_key or uuid.uuid4()
        page.first_published_at = self.now
        return page

    def _insert_calls(self, calls_and_pages):
        pages = [page for _call, page in calls_and_pages]
        writer.insert_pages(pages)
        theme_rows, domain_rows = [], []
        for call, page in calls_and_pages:
            theme_rows += [(page.pk, self.theme_pks[slug]) for slug in call.themes]
            domain_rows += [(page.pk, self.domain_pks[slug]) for slug in call.domains]
        writer.insert_many_to_many(PartnershipCallPage, "themes", theme_rows)
        writer.insert_many_to_many(PartnershipCallPage, "action_domains", domain_rows)
        self.new_call_pks += [page.pk for page in pages]

    # --- Cooperations and foreign actors ------------------------------------------------

    def _write_cooperations(self, chunk, pk_of):
        rows = []
        for item in chunk:
            for order, cooperation in enumerate(item.spec.cooperations):
                row = Cooperation(
                    authority_id=item.page.pk,
                    locale=self.locales[self.default_language],
                    sort_order=order,
                    partner_page_id=pk_of.get(cooperation.partner_slug),
                    partner_name=cooperation.partner_name,
                    partner_country=cooperation.partner_country,
                    kind=cooperation.kind,
                    since_year=cooperation.since_year,
                    is_active=cooperation.is_active,
                    description=render.cooperation_description(cooperation, self.default_language),
                )
                item.cooperations.append((cooperation, row))
                rows.append((cooperation, row))
        self._insert_cooperations(rows)

    def _insert_cooperations(self, specs_and_rows):
        rows = [row for _spec, row in specs_and_rows]
        Cooperation.objects.bulk_create(rows)
        theme_rows = [
            (row.pk, self.theme_pks[slug]) for spec, row in specs_and_rows for slug in spec.themes
        ]
        writer.insert_many_to_many(Cooperation, "themes", theme_rows)
        self.report.cooperations += len(rows)

    def _write_actors(self, chunk):
        rows = []
        for item in chunk:
            for order, actor in enumerate(item.spec.actors):
                row = ForeignActor(
                    authority_id=item.page.pk,
                    locale=self.locales[self.default_language],
                    sort_order=order,
                    name=actor.name,
                    kind=actor.kind,
                    country_of_origin=actor.country,
                    description=render.actor_description(actor, self.default_language),
                )
                item.actors.append((actor, row))
                rows.append(row)
        ForeignActor.objects.bulk_create(rows)
        self.report.actors += len(rows)

    # --- Translations -------------------------------------------------------------------

    def _write_translations(self, chunk):
        """English and Spanish copies of some fiches, shaped as copy_for_translation makes them.

        Same translation_key as the source for the page, its calls and its inline rows; inline
        rows take the new locale; references (themes, domains, partner pages) keep pointing
        at the French rows. Unlike copy_for_translation, the copies are published at once,
        with their texts already translated.
        """
        items = [item for item in chunk if item.spec.translated]
        for lang in TRANSLATION_LANGUAGES:
            directory = self.directories[lang]
            taken = set(AuthorityPage.objects.child_of(directory).values_list("slug", flat=True))
            todo = [item for item in items if item.spec.slug not in taken]
            if not todo:
                continue
            step = writer.next_child_step(directory)
            pages = []
            for offset, item in enumerate(todo):
                page = self._fiche(item.spec, lang, item.page.translation_key)
                writer.place_under(directory, page, step + offset, len(item.calls))
                pages.append(page)
            writer.insert_pages(pages)
            writer.add_to_numchild(directory, len(pages))
            self._fiche_relations([item.spec for item in todo], pages)
            calls, cooperations, actors = [], [], []
            for item, page in zip(todo, pages, strict=True):
                calls += self._translated_calls(item, page, lang)
                cooperations += self._translated_cooperations(item, page, lang)
                actors += self._translated_actors(item, page, lang)
            self._insert_calls(calls)
            self._insert_cooperations(cooperations)
            ForeignActor.objects.bulk_create(actors)
            self.report.translated_pages += len(pages) + len(calls)

    def _translated_calls(self, item, page, lang):
        calls = []
        for step, (call, source) in enumerate(item.calls, start=1):
            translated = self._call(call, item.spec, lang, source.translation_key)
            writer.place_under(page, translated, step)
            calls.append((call, translated))
        return calls

    def _translated_cooperations(self, item, page, lang):
        rows = []
        for cooperation, source in item.cooperations:
            row = Cooperation(
                authority_id=page.pk,
                locale=self.locales[lang],
                translation_key=source.translation_key,
                sort_order=source.sort_order,
                partner_page_id=source.partner_page_id,
                partner_name=source.partner_name,
                partner_country=source.partner_country,
                kind=source.kind,
                since_year=source.since_year,
                is_active=source.is_active,
                description=render.cooperation_description(cooperation, lang),
            )
            rows.append((cooperation, row))
        return rows

    def _translated_actors(self, item, page, lang):
        return [
            ForeignActor(
                authority_id=page.pk,
                locale=self.locales[lang],
                translation_key=source.translation_key,
                sort_order=source.sort_order,
                name=source.name,
                kind=source.kind,
                country_of_origin=source.country_of_origin,
                description=render.actor_description(actor, lang),
            )
            for actor, source in item.actors
        ]

    # --- News and search ----------------------------------------------------------------

    def _write_news(self, pk_of):
        news_index = self.skeleton.news
        existing = set(NewsPage.objects.child_of(news_index).values_list("slug", flat=True))
        for spec in plan_news(self.plan, self.today):
            if spec.slug in existing:
                continue
            text, attribution = spec.quote
            body = [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in spec.paragraphs]
            body.insert(1, ("quote", {"text": text, "attribution": attribution}))
            page = NewsPage(
                title=spec.title,
                slug=spec.slug,
                locale=self.locales[self.default_language],
                date=self.today - datetime.timedelta(days=spec.days_ago),
                introduction=spec.introduction,
                body=body,
                countries=spec.countries,
            )
            page.themes = Theme.objects.filter(pk__in=[self.theme_pks[s] for s in spec.themes])
            page.related_authorities = AuthorityPage.objects.filter(
                pk__in=[pk_of[s] for s in spec.authorities if s in pk_of]
            )
            news_index.add_child(instance=page)
            page.save_revision().publish()
            self.report.news += 1

    def _index_for_search(self):
        total = len(self.new_fiche_pks) + len(self.new_call_pks)
        bar = self.progress(total=total, desc=_("Search index"))
        writer.index_for_search(AuthorityPage, self.new_fiche_pks, bar)
        writer.index_for_search(PartnershipCallPage, self.new_call_pks, bar)
        bar.close()
