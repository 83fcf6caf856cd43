"""Fast insertion of many live pages while keeping Wagtail's page tree valid.

``parent.add_child()`` followed by ``save_revision().publish()`` costs a dozen queries and a
revision per page: hours for 15,000 fiches. Here pages are inserted in bulk with the tree
columns treebeard would compute (path, depth, numchild), the URL path Wagtail would set, and
the state of a published page that has no revision yet (``live``, no unpublished changes).
The admin edits such pages like any other: the first save creates their first revision.

Bulk inserts send no ``post_save`` signal, so the caller indexes the new pages for search
(see ``index_for_search``); the reference index (admin "usage" counts) is rebuilt by
``manage.py rebuild_references_index`` when needed.
"""

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

INDEX_CHUNK = 1_000


def child_path(parent, step):
    """The treebeard path of the ``step``-th child (1-based) of ``parent``."""
    return Page._get_path(parent.path, parent.depth + 1, step)


def next_child_step(parent):
    """The step after the parent's last child, as treebeard's ``add_child`` would use."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by(
        "-path"
    )
    last_path = last.values_list("path", flat=True).first()
    return Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1


def place_under(parent, page, step, child_count=0):
    """Give an unsaved page its tree columns as the ``step``-th child of ``parent``."""
    page.depth = parent.depth + 1
    page.path = child_path(parent, step)
    page.numchild = child_count
    page.url_path = f"{parent.url_path}{page.slug}/"
    mark_published(page)


def mark_published(page, when=None):
    """The state Wagtail gives a page published once, minus the revision."""
    when = when or timezone.now()
    page.draft_title = page.title
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or when
    page.last_published_at = when
    page.latest_revision_created_at = None


def insert_pages(pages, using="default"):
    """Insert unsaved pages of one model: the wagtailcore_page rows, then the model's own.

    ``bulk_create`` refuses multi-table inheritance, so the two tables are written the way
    it writes one: the base rows with ``bulk_create`` (which returns their ids), then the
    child rows through the same batched INSERT Django uses internally.
    """
    if not pages:
        return
    model = type(pages[0])
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.using(using).bulk_create(bases)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
        page._state.adding = False
        page._state.db = using
    model._base_manager.using(using)._batched_insert(
        pages, model._meta.local_concrete_fields, batch_size=None
    )


def add_to_numchild(parent, count, using="default"):
    Page.objects.using(using).filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.numchild += count


def insert_many_to_many(model, field_name, pairs, using="default"):
    """Rows of a (Parental)ManyToManyField's through table, from (owner pk, target pk) pairs."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    rows = [through(**{source: owner, target: other}) for owner, other in pairs]
    through.objects.using(using).bulk_create(rows)


def index_for_search(model, pks, progress=None):
    """What the save signal would have done: add the pages to the search index."""
    backend = get_search_backend()
    pks = sorted(pks)
    for start in range(0, len(pks), INDEX_CHUNK):
        chunk = list(model.objects.filter(pk__in=pks[start : start + INDEX_CHUNK]))
        backend.add_bulk(model, chunk)
        if progress is not None:
            progress.update(len(chunk))
