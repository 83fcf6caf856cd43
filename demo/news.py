"""A dozen news articles about the seeded authorities, in French (the editors' language).

Few enough to go through Wagtail's normal path (add_child, revision, publish), so they have
a history like any article an editor writes.
"""

import datetime
import random
from dataclasses import dataclass, field

from . import texts
from .people import ascii_label
from .places import french_a, french_de


@dataclass
class NewsSpec:
    slug: str
    title: str
    introduction: str
    paragraphs: list
    quote: tuple
    days_ago: int
    themes: list = field(default_factory=list)
    authorities: list = field(default_factory=list)
    countries: list = field(default_factory=list)


def plan_news(plan, today=None):
    """Twelve articles drawn from the plan's pairs, calls and numbers (seeded like the rest)."""
    today = today or datetime.date.today()
    rng = random.Random(f"bourse-demo-news:{plan.seed}")
    by_slug = {a.slug: a for a in plan.authorities}
    pairs = [
        (a, by_slug[c.partner_slug], c)
        for a in plan.authorities
        if a.is_french
        for c in a.cooperations
        if c.partner_slug in by_slug and not by_slug[c.partner_slug].is_french
    ]
    if not pairs and len(plan.authorities) > 1:
        a, b = plan.authorities[:2]
        pairs = [(a, b, None)]
    with_calls = [a for a in plan.authorities if a.calls]
    builders = [
        _agreement, _mission, _new_call, _assises, _anniversary, _youth_camp, _milestone,
        _climate, _hospital, _digital_workshop, _ministry_call, _water,
    ]  # fmt: skip
    articles = []
    for number, builder in enumerate(builders):
        spec = builder(rng, pairs, with_calls, plan, today)
        if spec is None:
            continue
        spec.days_ago = 3 + number * 14 + rng.randint(0, 10)
        spec.slug = ascii_label(spec.title)[:80].strip("-")
        if all(spec.slug != other.slug for other in articles):
            articles.append(spec)
    return articles


def _pick_pair(rng, pairs):
    return rng.choice(pairs) if pairs else (None, None, None)


def _quote(authority, text):
    role = texts.CONTACT_ROLES[authority.contact_role]["fr"].lower()
    return text, f"{authority.contact_name}, {role}, {authority.titles['fr']}"


def _named(authority):
    return texts.named(authority.titles["fr"], "fr")


def _subject(authority):
    return texts.named(authority.titles["fr"], "fr", start=True)


def _of(authority):
    return texts.of_named(authority.titles["fr"], "fr")


def _about(spec, *authorities):
    for authority in authorities:
        spec.authorities.append(authority.slug)
        if authority.country not in spec.countries:
            spec.countries.append(authority.country)
    return spec


def _domain(slug):
    return texts.lcfirst(texts.DOMAIN_NAMES[slug]["fr"])


def _agreement(rng, pairs, with_calls, plan, today):
    a, b, cooperation = _pick_pair(rng, pairs)
    if a is None:
        return None
    domain = _domain(cooperation.domains[0] if cooperation else a.domains[0])
    spec = NewsSpec(
        slug="",
        title=f"{_subject(a)} et {_named(b)} signent une convention de coopération",
        introduction=(
            f"Les deux collectivités s'engagent pour trois ans. Premier chantier : {domain}."
        ),
        paragraphs=[
            f"La convention a été signée lors d'une visite de la délégation {_of(b)} "
            f"({texts.country_name(b.country, 'fr')}). Elle prévoit des missions croisées "
            "d'élus et de techniciens, ainsi qu'un comité de pilotage annuel.",
            "Le programme sera présenté à l'appel à projets du ministère de l'Europe et des "
            "Affaires étrangères pour obtenir un cofinancement.",
        ],
        quote=_quote(a, "Cette convention donne un cadre durable à des échanges déjà très riches."),
        days_ago=0,
        themes=list(cooperation.themes if cooperation else a.themes[:1]),
    )
    return _about(spec, a, b)


def _mission(rng, pairs, with_calls, plan, today):
    a, b, cooperation = _pick_pair(rng, pairs)
    if a is None:
        return None
    spec = NewsSpec(
        slug="",
        title=f"Mission technique {_of(a)} {french_a(b.place)}",
        introduction=(
            "Une délégation d'élus et d'agents s'est rendue sur place pour préparer la "
            "prochaine phase du partenariat."
        ),
        paragraphs=[
            f"Pendant une semaine, les équipes {_of(a)} ont travaillé avec leurs "
            f"homologues {_of(b)} sur le diagnostic des besoins.",
            "Les visites de terrain ont permis de rencontrer les habitants, les associations "
            "et les acteurs de la coopération présents sur le territoire.",
        ],
        quote=_quote(b, "Nous avons construit ensemble un calendrier réaliste pour deux ans."),
        days_ago=0,
        themes=list(cooperation.themes if cooperation else a.themes[:1]),
    )
    return _about(spec, a, b)


def _new_call(rng, pairs, with_calls, plan, today):
    if not with_calls:
        return None
    authority = rng.choice(with_calls)
    call = authority.calls[0]
    _domain_slug, project = texts.PROJECTS[call.theme][call.project]
    verb = "propose son expertise" if call.direction == "offer" else "cherche un partenaire"
    spec = NewsSpec(
        slug="",
        title=f"{_subject(authority)} {verb} : {texts.lcfirst(project['fr'])}",
        introduction=(
            "Un nouvel appel à partenariat vient d'être publié sur la Bourse. Les collectivités "
            "intéressées peuvent manifester leur intérêt en ligne."
        ),
        paragraphs=[
            f"Le projet porte sur une durée de {call.duration_months} mois. Il s'inscrit dans "
            f"les priorités de la collectivité : {', '.join(map(_domain, authority.domains))}.",
            "Les échanges se font par l'intermédiaire de la Bourse, qui transmet les messages "
            "sans publier les coordonnées personnelles des contacts.",
        ],
        quote=_quote(authority, "Nous voulons apprendre autant que partager."),
        days_ago=0,
        themes=list(call.themes),
    )
    return _about(spec, authority)


def _assises(rng, pairs, with_calls, plan, today):
    french = [a for a in plan.authorities if a.is_french]
    if not french:
        return None
    speaker = rng.choice(french)
    spec = NewsSpec(
        slug="",
        title="Assises de la coopération décentralisée : les collectivités mobilisées",
        introduction=(
            "Élus, agents et partenaires étrangers se sont retrouvés pour deux jours d'ateliers "
            "et de rencontres."
        ),
        paragraphs=[
            "Les ateliers ont porté sur l'eau, le climat, la jeunesse et la gouvernance locale. "
            "Plusieurs partenariats nés sur la Bourse ont été présentés.",
            "Les participants ont souligné l'intérêt d'un annuaire à jour des fiches et des "
            "appels, consultable dans plusieurs langues.",
        ],
        quote=_quote(speaker, "La coopération entre collectivités reste un levier concret."),
        days_ago=0,
        themes=["governance"],
    )
    return _about(spec, speaker)


def _anniversary(rng, pairs, with_calls, plan, today):
    old = [(a, b, c) for a, b, c in pairs if c is not None and c.since_year <= today.year - 10]
    if not old:
        return None
    a, b, cooperation = rng.choice(old)
    years = today.year - cooperation.since_year
    spec = NewsSpec(
        slug="",
        title=f"{years} ans de liens entre {_named(a)} et {_named(b)}",
        introduction=(
            f"Depuis {cooperation.since_year}, les deux collectivités multiplient les échanges."
        ),
        paragraphs=[
            "Écoles, associations, services techniques : le partenariat a touché de nombreux "
            "habitants des deux territoires.",
            "Un programme de célébrations est prévu tout au long de l'année.",
        ],
        quote=_quote(a, "Ce lien s'est construit grâce à l'engagement des habitants."),
        days_ago=0,
        themes=list(cooperation.themes),
    )
    return _about(spec, a, b)


def _youth_camp(rng, pairs, with_calls, plan, today):
    a, b, _cooperation = _pick_pair(rng, pairs)
    if a is None:
        return None
    spec = NewsSpec(
        slug="",
        title=(f"Chantier de jeunes : {_named(a)} accueille des volontaires {french_de(b.place)}"),
        introduction="Quinze jeunes des deux territoires ont travaillé ensemble pendant trois "
        "semaines.",
        paragraphs=[
            "Au programme : rénovation d'un équipement public, découverte du territoire et "
            "rencontres avec les associations locales.",
            "Le chantier sera suivi d'un séjour retour l'an prochain.",
        ],
        quote=_quote(a, "Ces échanges changent le regard des jeunes sur le monde."),
        days_ago=0,
        themes=["youth-sport"],
    )
    return _about(spec, a, b)


def _milestone(rng, pairs, with_calls, plan, today):
    count = len(plan.authorities)
    countries = len({a.country for a in plan.authorities})
    return NewsSpec(
        slug="",
        title=f"La Bourse-partenariats réunit désormais {count} collectivités",
        introduction=f"Des fiches de collectivités de {countries} pays sont en ligne.",
        paragraphs=[
            "Chaque fiche présente la collectivité, ses coopérations existantes, les acteurs "
            "étrangers présents sur son territoire et ses objectifs de partenariat.",
            "Les fiches sont vérifiées régulièrement par les collectivités elles-mêmes.",
        ],
        quote=(
            "Trouver le bon partenaire est la première étape d'une coopération réussie.",
            "L'équipe de la Bourse-partenariats",
        ),
        days_ago=0,
        themes=["governance"],
    )


def _themed_article(rng, plan, theme, title, introduction, paragraphs, quote_text):
    involved = [a for a in plan.authorities if theme in a.themes] or plan.authorities
    if not involved:
        return None
    chosen = rng.sample(involved, min(3, len(involved)))
    spec = NewsSpec(
        slug="",
        title=title,
        introduction=introduction,
        paragraphs=paragraphs,
        quote=_quote(chosen[0], quote_text),
        days_ago=0,
        themes=[theme],
    )
    return _about(spec, *chosen)


def _climate(rng, pairs, with_calls, plan, today):
    return _themed_article(
        rng,
        plan,
        "environment-climate-energy",
        "Climat : les collectivités partagent leurs solutions d'adaptation",
        "Végétalisation, gestion de l'eau, alerte précoce : tour d'horizon des projets.",
        [
            "Plusieurs collectivités de la Bourse ont présenté leurs plans climat et les "
            "partenariats qui les accompagnent.",
            "Les échanges entre techniciens permettent d'adapter des solutions éprouvées "
            "à d'autres territoires.",
        ],
        "Nos partenaires nous apprennent autant que nous leur apportons.",
    )


def _hospital(rng, pairs, with_calls, plan, today):
    a, b, _cooperation = _pick_pair(rng, pairs)
    if a is None:
        return None
    spec = NewsSpec(
        slug="",
        title=f"Santé : un jumelage hospitalier entre {a.place} et {b.place}",
        introduction="Les équipes soignantes échangent sur la santé maternelle et infantile.",
        paragraphs=[
            "Des sages-femmes et des pédiatres participent à des formations croisées.",
            "Du matériel médical réformé en bon état a été acheminé avec l'appui d'une "
            "association.",
        ],
        quote=_quote(b, "La formation des équipes est notre priorité."),
        days_ago=0,
        themes=["health"],
    )
    return _about(spec, a, b)


def _digital_workshop(rng, pairs, with_calls, plan, today):
    return _themed_article(
        rng,
        plan,
        "inclusive-digital",
        "Numérique inclusif : un atelier pour les services municipaux",
        "État civil en ligne, cadastre numérique, médiation : les collectivités comparent "
        "leurs outils.",
        [
            "L'atelier a réuni des agents de collectivités françaises et étrangères autour "
            "des outils libres adaptés aux petites administrations.",
            "Un guide pratique sera publié sur la Bourse dans les prochains mois.",
        ],
        "Le numérique doit rapprocher les services des habitants, pas les en éloigner.",
    )


def _ministry_call(rng, pairs, with_calls, plan, today):
    deadline = today + datetime.timedelta(days=60)
    return NewsSpec(
        slug="",
        title="Appel à projets du ministère : les candidatures sont ouvertes",
        introduction=(
            "Les collectivités peuvent déposer leurs projets de coopération décentralisée "
            f"jusqu'au {deadline.day} {_FRENCH_MONTHS[deadline.month - 1]} {deadline.year}."
        ),
        paragraphs=[
            "L'appel à projets soutient les partenariats entre collectivités françaises et "
            "étrangères, sur toutes les thématiques de la Bourse.",
            "Les projets portés conjointement par plusieurs collectivités sont encouragés.",
        ],
        quote=(
            "Nous encourageons les collectivités à publier leurs offres et leurs demandes.",
            "Délégation pour l'action extérieure des collectivités territoriales",
        ),
        days_ago=0,
        themes=["governance"],
    )


def _water(rng, pairs, with_calls, plan, today):
    return _themed_article(
        rng,
        plan,
        "water-sanitation",
        "Eau et assainissement : des partenariats au service des habitants",
        "Réseaux d'eau potable, assainissement, gestion des ressources : les projets avancent.",
        [
            "Plusieurs coopérations de la Bourse portent sur l'accès à l'eau potable en milieu "
            "rural et sur l'assainissement des quartiers.",
            "Les collectivités françaises peuvent consacrer jusqu'à 1 % du budget de leurs "
            "services d'eau à la solidarité internationale.",
        ],
        "L'eau est le premier service que les habitants attendent de leur commune.",
    )


_FRENCH_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
