"""Candidates for partner suggestions: profiles of the source and of every plausible match.

A fixed number of ``.values()`` queries, whatever the number of fiches: the source's
profile, then every visible fiche and open call that shares a theme with it, is in a
country it seeks or seeks its country. Only the content model is read (no API objects).
"""

from collections import defaultdict

from django.db.models import Q

from cms.models import AuthorityPage, Cooperation, PartnershipCallPage, accepting_interest_q

from .scoring import Profile


def codes(value):
    """Country or language codes from ``.values()`` (stored as "FR,SN": no field converter)."""
    if not value:
        return frozenset()
    if isinstance(value, str):
        value = value.split(",")
    return frozenset(str(code) for code in value if code)


def related_ids(relation, owner_field, target_field, owners=None, targets=None):
    """``{owner pk: frozenset of target pks}`` from a many-to-many table (one query).

    ``targets`` keeps only those targets: for candidates only the themes they share with
    the source count, and the table rows fetched stay few.
    """
    pairs = relation.through.objects.all()
    if owners is not None:
        pairs = pairs.filter(**{f"{owner_field}__in": owners})
    if targets is not None:
        pairs = pairs.filter(**{f"{target_field}__in": targets})
    grouped = defaultdict(set)
    for owner, target in pairs.values_list(owner_field, target_field):
        grouped[owner].add(target)
    return defaultdict(frozenset, {owner: frozenset(ids) for owner, ids in grouped.items()})


def authority_taxonomy(owners=None, source=None):
    themes = related_ids(
        AuthorityPage.objective_themes,
        "authoritypage_id",
        "theme_id",
        owners,
        source and source.themes,
    )
    domains = related_ids(
        AuthorityPage.objective_domains,
        "authoritypage_id",
        "actiondomain_id",
        owners,
        source and source.domains,
    )
    return themes, domains


def call_taxonomy(owners=None, source=None):
    themes = related_ids(
        PartnershipCallPage.themes,
        "partnershipcallpage_id",
        "theme_id",
        owners,
        source and source.themes,
    )
    domains = related_ids(
        PartnershipCallPage.action_domains,
        "partnershipcallpage_id",
        "actiondomain_id",
        owners,
        source and source.domains,
    )
    return themes, domains


def one_per_key(rows, key):
    """The oldest row of each translation_key: the content, not each of its translations.

    What scoring reads (taxonomy, countries, languages) is shared by all copies, and leaving
    out the per-language fallback makes the candidate scan a plain one.
    """
    seen = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


AUTHORITY_FIELDS = (
    "pk",
    "title",
    "translation_key",
    "country",
    "preferred_countries",
    "working_languages",
)
CALL_FIELDS = (
    "pk",
    "translation_key",
    "title",
    "direction",
    "target_countries",
    "authority_key",
    "authority_country",
)


def authority_profile(row, themes, domains, partners=frozenset()):
    return Profile(
        authority_key=str(row["translation_key"]),
        country=str(row["country"]),
        themes=themes[row["pk"]],
        domains=domains[row["pk"]],
        sought_countries=codes(row["preferred_countries"]),
        languages=codes(row["working_languages"]),
        partners=partners,
        title=row["title"],
        pk=row["pk"],
    )


def call_profile(row, themes, domains, languages, partners=frozenset()):
    return Profile(
        authority_key=str(row["authority_key"]),
        country=str(row["authority_country"]),
        themes=themes[row["pk"]],
        domains=domains[row["pk"]],
        sought_countries=codes(row["target_countries"]),
        languages=languages,
        direction=row["direction"],
        partners=partners,
        title=row["title"],
        pk=row["pk"],
        call_key=str(row["translation_key"]),
    )


def partners_of(authority_key):
    """Translation keys of the authorities cooperating with this one, either way (one query)."""
    # Its copies' ids first, as values: an OR across two joins, or over two subqueries,
    # is estimated to match most cooperations and scans them all.
    copies = list(
        AuthorityPage.objects.filter(translation_key=authority_key).values_list("pk", flat=True)
    )
    rows = Cooperation.objects.filter(
        Q(authority_id__in=copies) | Q(partner_page_id__in=copies)
    ).values_list("authority__translation_key", "partner_page__translation_key")
    return frozenset(str(key) for pair in rows for key in pair if key) - {str(authority_key)}


def visible_calls(restricted):
    """Visible calls in any language, with their visible authority's key and country."""
    return PartnershipCallPage.objects.visible(restricted).with_authority(restricted)


def authority_source(pk, restricted):
    """The Profile of a visible fiche by id, or None."""
    row = None
    if str(pk).isdigit():  # checked first: filtering on a non-number raises ValueError
        rows = AuthorityPage.objects.visible(restricted).filter(pk=pk)
        row = rows.values(*AUTHORITY_FIELDS).first()
    if row is None:
        return None
    themes, domains = authority_taxonomy([row["pk"]])
    return authority_profile(row, themes, domains, partners_of(row["translation_key"]))


def call_source(pk, restricted):
    """The Profile of a visible call by id (languages from its authority), or None."""
    row = None
    if str(pk).isdigit():
        row = visible_calls(restricted).filter(pk=pk).values(*CALL_FIELDS).first()
    if row is None:
        return None
    themes, domains = call_taxonomy([row["pk"]])
    languages = (
        AuthorityPage.objects.filter(translation_key=row["authority_key"])
        .values_list("working_languages", flat=True)
        .first()
    )
    return call_profile(row, themes, domains, codes(languages), partners_of(row["authority_key"]))


def candidate_q(source, themes_table, owner_field, sought_field, country_field):
    """Rows sharing a theme with ``source``, in a country it seeks, or seeking its country."""
    sharing = themes_table.objects.filter(theme_id__in=source.themes).values(owner_field)
    q = Q(pk__in=sharing) | Q(**{f"{sought_field}__contains": source.country})
    if source.sought_countries:
        q |= Q(**{f"{country_field}__in": source.sought_countries})
    return q


def authority_candidates(source, restricted):
    queryset = AuthorityPage.objects.visible(restricted).filter(
        candidate_q(
            source,
            AuthorityPage.objective_themes.through,
            "authoritypage_id",
            "preferred_countries",
            "country",
        )
    )
    rows = one_per_key(queryset.order_by("pk").values(*AUTHORITY_FIELDS), "translation_key")
    themes, domains = authority_taxonomy(source=source)
    return [authority_profile(row, themes, domains) for row in rows]


def call_candidates(source, restricted):
    queryset = (
        visible_calls(restricted)
        .filter(accepting_interest_q())
        .filter(
            candidate_q(
                source,
                PartnershipCallPage.themes.through,
                "partnershipcallpage_id",
                "target_countries",
                "authority_country",
            )
        )
    )
    if source.direction:
        queryset = queryset.exclude(direction=source.direction)
    rows = one_per_key(queryset.order_by("pk").values(*CALL_FIELDS), "translation_key")
    themes, domains = call_taxonomy(source=source)
    keys = {row["authority_key"] for row in rows}
    languages = {
        str(key): codes(value)
        for key, value in AuthorityPage.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "working_languages"
        )
    }
    return [
        call_profile(row, themes, domains, languages.get(str(row["authority_key"]), frozenset()))
        for row in rows
    ]


def candidates(source, restricted):
    """Profiles of the visible fiches and open calls that may complement ``source``."""
    return authority_candidates(source, restricted) + call_candidates(source, restricted)
