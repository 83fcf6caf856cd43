"""Facts follow the source: a published fiche, call or article carries its non-text fields
to every translation at once, without a translator; translated text stays as translated.

A model's facts are its non-overridable synchronised fields, as declared for
wagtail-localize (``SynchronizedField(name, overridable=False)``, ``pages.facts``), and those
of its translatable inline rows (cooperations, foreign actors). wagtail-localize copies them
only when someone clicks "Sync translated pages" (which also puts the source's new text into
the translations); here, once the source's publication is committed:

- wagtail-localize's snapshot of the source (``TranslationSource``) is refreshed, so a
  translator's next publication starts from today's facts and sees the changed text to
  translate;
- each live translation gets a new revision with the source's facts, published (its text,
  titles and slugs untouched); a pending draft of it keeps pending, with the facts too;
- rows added to the source appear in the translations in the source's words until
  translated, rows removed go.

The copies followed are the page's other-language copies that are not aliases (Wagtail keeps
those in step itself) nor translations a translator took out of wagtail-localize's sync.
A page is a source when wagtail-localize translated from it, or when it is in the default
language; a translation never pushes facts back.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)


def fact_names(model):
    """Names of ``model``'s facts: its non-overridable synchronised fields."""
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField) and not field.overridable
    ]


def fact_rows(model):
    """Accessor names of ``model``'s translatable inline rows that carry facts."""
    return [
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if issubclass(relation.related_model, TranslatableMixin)
        and fact_names(relation.related_model)
    ]


def has_facts(model):
    return bool(fact_names(model) or fact_rows(model))


def copy_facts(source, target):
    """Give ``target`` (a translation, in memory) ``source``'s facts; True when any changed."""
    changed = False
    for name in fact_names(type(source)):
        field = source._meta.get_field(name)
        if field.many_to_many:
            values = list(getattr(source, name).all())
            if {v.pk for v in values} != {v.pk for v in getattr(target, name).all()}:
                setattr(target, name, values)
                changed = True
        else:
            value = field.value_from_object(source)
            if field.value_from_object(target) != value:
                setattr(target, field.attname, value)
                changed = True
    for accessor in fact_rows(type(source)):
        changed = copy_rows(source, target, accessor) or changed
    return changed


def copy_rows(source, target, accessor):
    """The source's rows in the target: facts on the translated rows, new rows copied in the
    source's words, rows gone from the source removed, the source's order."""
    translated = {row.translation_key: row for row in getattr(target, accessor).all()}
    rows, changed = [], False
    for row in getattr(source, accessor).all():
        copy = translated.pop(row.translation_key, None)
        if copy is None:
            copy = row.copy_for_translation(target.locale)
            changed = True
        else:
            changed = copy_facts(row, copy) or changed
        if getattr(row, "sort_order", None) != getattr(copy, "sort_order", None):
            copy.sort_order = row.sort_order
            changed = True
        rows.append(copy)
    if translated or changed:
        setattr(target, accessor, rows)
        return True
    return False


def is_source(page):
    """Whether ``page`` gives its facts to its copies (see the module's docstring)."""
    if TranslationSource.objects.get_for_instance_or_none(page) is not None:
        return True
    return page.locale.language_code == settings.LANGUAGE_CODE


def followers(page):
    """The copies of ``page`` in other languages that take its facts."""
    unsynced = Translation.objects.filter(
        source__object_id=page.translation_key, enabled=False
    ).values("target_locale")
    return (
        type(page)
        .objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .exclude(locale__in=unsynced)
        .select_related("locale")
    )


def give_facts(copy, source):
    """Publish ``source``'s facts on ``copy`` (and keep its pending draft pending, with them)."""
    pending = copy.has_unpublished_changes or not copy.live
    draft = copy.get_latest_revision_as_object() if pending else None
    if copy.live and copy_facts(source, copy):
        copy.save_revision(clean=False, log_action=True).publish()
    if draft is not None and copy_facts(source, draft):
        draft.save_revision(clean=False, log_action=True)


def spread_facts(page):
    """Carry published ``page``'s facts to its translations (see the module's docstring)."""
    page = page.specific
    if not page.live or not has_facts(type(page)) or not is_source(page):
        return
    snapshot = TranslationSource.objects.get_for_instance_or_none(page)
    if snapshot is not None:
        snapshot.update_from_db()
    for copy in followers(page):
        try:
            with transaction.atomic():
                give_facts(copy, page)
        except Exception:
            # One broken translation must not keep the others (or the source) back.
            logger.exception("Could not carry the facts of page %s to page %s", page.pk, copy.pk)


def spread_facts_of(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        spread_facts(page)


def spread_facts_after_commit(page):
    """Carry ``page``'s facts once the current transaction commits (what it published is then
    final; an approval's "last verified" date included)."""
    transaction.on_commit(partial(spread_facts_of, page.pk))


def on_page_published(sender, instance, **kwargs):
    if has_facts(type(instance)):
        spread_facts_after_commit(instance)


def connect_signals():
    page_published.connect(on_page_published, dispatch_uid="cms-facts-follow-the-source")
