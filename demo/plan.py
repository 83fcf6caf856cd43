"""The demo portal as plain data, drawn from one seed before anything touches the database.

Every random choice is made here, once, so that the same ``(count, seed)`` always gives the
same authorities, calls and links, and so that every language renders the same choices.
Dates are stored as offsets from the day of seeding.
"""

import random
from dataclasses import dataclass, field
from decimal import Decimal

from cms.models import FRENCH_COUNTRY_CODES
from cms.models.fields import LANGUAGE_CODES

from . import places, texts
from .people import ascii_label, email_address, person_name, phone_number

TRANSLATED_SHARE = 0.2
FRENCH_SHARE = 1 / 3
CALLS_PER_AUTHORITY = ([0, 1, 2], [60, 30, 10])  # half a call per authority on average
CALL_STATUSES = (["open", "in_discussion", "matched", "closed"], [70, 12, 10, 8])


@dataclass
class CooperationSpec:
    partner_slug: str | None
    partner_name: str
    partner_country: str
    kind: str
    since_year: int
    themes: list
    domains: list
    is_active: bool
    dormant_since: int | None
    variant: int


@dataclass
class ActorSpec:
    name: str
    kind: str
    country: str
    domain: str
    variant: int


@dataclass
class CallSpec:
    slug: str
    direction: str
    status: str
    theme: str
    project: int
    themes: list
    domains: list
    target_countries: list
    start_offset: int
    deadline_offset: int
    duration_months: int
    budget: int
    cofinancing: int | None
    title_variant: int
    summary_variant: int
    context_variant: int
    objectives: list
    profile_variant: int


@dataclass
class AuthoritySpec:
    slug: str
    titles: dict
    kind: str
    country: str
    region_name: str
    place: str
    latitude: float
    longitude: float
    population: int
    population_year: int
    area_km2: Decimal
    address: str = ""
    domain_name: str = ""
    contact_role: int = 0
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    activities: list = field(default_factory=list)
    activity_intro: int = 0
    competences: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    domains: list = field(default_factory=list)
    preferred_countries: list = field(default_factory=list)
    preferred_regions: list = field(default_factory=list)
    profile_variant: int = 0
    assets: list = field(default_factory=list)
    can_bring_variant: int = 0
    summary_variant: int = 0
    engaged_since: int = 2000
    last_verified_offset: int = 0
    translated: bool = False
    cooperations: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    calls: list = field(default_factory=list)

    @property
    def is_french(self):
        return self.country in FRENCH_COUNTRY_CODES

    @property
    def competence_group(self):
        return self.kind if self.kind in texts.COMPETENCES else "municipality"


@dataclass
class Plan:
    authorities: list
    seed: int


def build_plan(count, seed):
    rng = random.Random(f"bourse-demo:{seed}")
    pools = CityPools(places.dataset_for(count), seed)
    french_count = max(1, round(count * FRENCH_SHARE)) if count > 1 else count
    authorities = [_french_authority(rng, pools) for _ in range(french_count)]
    authorities += [_foreign_authority(rng, pools) for _ in range(count - french_count)]
    authorities = [a for a in authorities if a is not None]
    rng.shuffle(authorities)
    _assign_slugs(authorities)
    for authority in authorities:
        _describe(rng, authority)
    _link_cooperations(rng, authorities, pools)
    country_of = {a.slug: a.country for a in authorities}
    for authority in authorities:
        _set_objectives(rng, authority, country_of)
        _add_actors(rng, authority)
        _add_calls(rng, authority)
    translated = max(1, round(len(authorities) * TRANSLATED_SHARE)) if authorities else 0
    for authority in rng.sample(authorities, translated):
        authority.translated = True
    return Plan(authorities=authorities, seed=seed)


# --- Places ------------------------------------------------------------------------------


class CityPools:
    """Cities handed out without repetition, big ones first more often than not.

    Each country's order is drawn from its own seeded generator (weighted sampling without
    replacement, Efraimidis-Spirakis keys), so it does not depend on what else was drawn.
    """

    def __init__(self, min_population, seed):
        self.min_population = min_population
        self.seed = seed
        self.by_country = places.cities_by_country(min_population)
        self._orders = {}
        self._next = {}
        self.used = set()
        self.regional_left = {}

    def _order(self, key, cities, weight):
        if key not in self._orders:
            rng = random.Random(f"{self.seed}:{key}")
            keyed = [(rng.random() ** (1 / weight(city)), city.geonameid, city) for city in cities]
            keyed.sort(key=lambda item: (-item[0], item[1]))
            self._orders[key] = [city for _key, _id, city in keyed]
            self._next[key] = 0
        return self._orders[key]

    def take(self, key, cities, weight=None):
        """The next unused city of this pool, or None when it is exhausted."""
        order = self._order(key, cities, weight or _population_weight)
        while self._next[key] < len(order):
            city = order[self._next[key]]
            self._next[key] += 1
            if (key, city.geonameid) not in self.used:
                self.used.add((key, city.geonameid))
                return city
        return None

    def french_cities(self):
        cities = list(self.by_country.get("FR", []))
        for code in sorted(places.OVERSEAS_REGION_CODES):
            cities += self.by_country.get(code, [])
        return cities

    def outside_city(self, rng, country, names_in_portal):
        """A city of that country without a fiche, to name a partner outside the portal."""
        cities = self.by_country.get(country, [])
        for _attempt in range(8):
            if not cities:
                return None
            city = rng.choice(cities)
            if city.name not in names_in_portal:
                return city
        return None


def _population_weight(city):
    return max(city.population, 1) ** 0.5


def _foreign_weight(city):
    # Partners abroad are more often known cities than in France, where small communes
    # cooperate as much as big ones.
    return max(city.population, 1) ** 0.7


def _french_weight(city):
    weight = _population_weight(city)
    return weight * places.OVERSEAS_WEIGHT if city.country != "FR" else weight


def _french_authority(rng, pools):
    kind = rng.choices(
        ["municipality", "intercommunality", "department", "region"], [74, 12, 9, 5]
    )[0]
    if kind == "region":
        authority = _french_region(rng, pools)
    elif kind == "department":
        authority = _french_department(rng, pools)
    elif kind == "intercommunality":
        authority = _intercommunality(rng, pools)
    else:
        authority = None
    return authority or _french_commune(rng, pools)


def _french_commune(rng, pools):
    city = pools.take("FR-communes", pools.french_cities(), _french_weight)
    if city is None:
        return None
    style = "city" if city.population >= 20_000 else "commune"
    titles = _render_titles(texts.FRENCH_STYLE_MUNICIPALITY[style], city.name)
    return _from_city(rng, city, "municipality", titles)


def _intercommunality(rng, pools):
    seats = [city for city in pools.french_cities() if city.population >= 8_000]
    city = pools.take("FR-intercommunalities", seats)
    if city is None:
        return None
    if city.population >= 200_000:
        template = texts.INTERCOMMUNALITY_TITLE["metropole"]
    elif city.population >= 40_000:
        template = texts.INTERCOMMUNALITY_TITLE["agglomeration"]
    else:
        template = texts.INTERCOMMUNALITY_TITLE["communes"]
    title = template.format(name=city.name, de=places.french_de(city.name))
    authority = _from_city(rng, city, "intercommunality", dict.fromkeys(texts.LANGUAGES, title))
    authority.population = int(city.population * rng.uniform(1.4, 3.0))
    authority.area_km2 = Decimal(round(rng.uniform(150, 1500), 2)).quantize(Decimal("0.01"))
    return authority


def _french_department(rng, pools):
    left = pools.regional_left.setdefault("FR-departments", _shuffled(rng, _departments(pools)))
    if not left:
        return None
    (name, de, _prefecture, region), city = left.pop()
    titles = {
        lang: template.format(name=name, de=de) for lang, template in texts.DEPARTMENT_TITLE.items()
    }
    authority = _from_city(rng, city, "department", titles)
    authority.region_name = places.OVERSEAS_REGION_NAMES.get(region) or places.ADMIN1_NAMES[
        "FR"
    ].get(region, "")
    authority.population = int(min(2_600_000, max(76_000, city.population * rng.uniform(3, 9))))
    authority.area_km2 = Decimal(rng.randint(1_200, 10_000))
    return authority


def _departments(pools):
    found = []
    for entry in places.FRENCH_DEPARTMENTS:
        country = entry[3] if entry[3] in places.OVERSEAS_REGION_CODES else "FR"
        city = places.find_city(entry[2], country, pools.min_population)
        if city is not None:
            found.append((entry, city))
    return found


def _french_region(rng, pools):
    left = pools.regional_left.setdefault("FR-regions", _shuffled(rng, _regions(pools)))
    if not left:
        return None
    (country, _code, title, population, area, _seat), city = left.pop()
    rest = title.removeprefix("Région ")
    titles = {"fr": title}
    for lang in ("en", "es"):
        titles[lang] = texts.FRENCH_REGION_TITLE[lang].format(name=rest) if rest != title else title
    authority = _from_city(rng, city, "region", titles)
    authority.region_name = (
        places.OVERSEAS_REGION_NAMES[country] if country != "FR" else "France métropolitaine"
    )
    authority.population = population
    authority.area_km2 = Decimal(area)
    return authority


def _regions(pools):
    found = []
    for entry in places.FRENCH_REGIONS:
        city = places.find_city(entry[5], entry[0], pools.min_population)
        if city is not None:
            found.append((entry, city))
    return found


def _shuffled(rng, items):
    items = list(items)
    rng.shuffle(items)
    return items


def _foreign_authority(rng, pools):
    weights = dict(places.FOREIGN_COUNTRY_WEIGHTS)
    while weights:
        country = rng.choices(list(weights), list(weights.values()))[0]
        authority = None
        if country in places.REGIONAL_AUTHORITY and rng.random() < 0.12:
            authority = _foreign_region(rng, pools, country)
        authority = authority or _foreign_municipality(rng, pools, country)
        if authority is not None:
            return authority
        del weights[country]  # this country has no city left
    return None


def _foreign_municipality(rng, pools, country):
    city = pools.take(country, pools.by_country.get(country, []), _foreign_weight)
    if city is None:
        return None
    local = places.MUNICIPALITY_TITLE.get(country)
    if local:
        titles = dict.fromkeys(texts.LANGUAGES, local.format(name=city.name))
    else:
        style = "city" if city.population >= 50_000 else "commune"
        titles = _render_titles(texts.FRENCH_STYLE_MUNICIPALITY[style], city.name)
    return _from_city(rng, city, "municipality", titles)


def _foreign_region(rng, pools, country):
    key = f"{country}-regions"
    if key not in pools.regional_left:
        names = places.ADMIN1_NAMES.get(country, {})
        excluded = places.NOT_REGIONAL.get(country, set())
        seats = {}
        for city in pools.by_country.get(country, []):
            if city.admin1 in names and city.admin1 not in excluded:
                best = seats.get(city.admin1)
                if best is None or city.population > best.population:
                    seats[city.admin1] = city
        pools.regional_left[key] = _shuffled(rng, sorted(seats.items()))
    left = pools.regional_left[key]
    if not left:
        return None
    admin1, seat = left.pop()
    name = places.ADMIN1_NAMES[country][admin1]
    de = places.ADMIN1_FR_OF.get(country, {}).get(admin1) or places.french_de(name)
    kind, fr, en, es = places.REGIONAL_AUTHORITY[country]
    titles = {
        lang: (template or fr).format(name=name, de=de)
        for lang, template in (("fr", fr), ("en", en), ("es", es))
    }
    authority = _from_city(rng, seat, kind, titles)
    area_population = sum(
        city.population for city in pools.by_country[country] if city.admin1 == admin1
    )
    authority.population = int(area_population * rng.uniform(1.0, 1.4))
    authority.area_km2 = Decimal(rng.randint(2_000, 60_000))
    return authority


def _render_titles(templates, name):
    de = places.french_de(name)
    return {lang: template.format(name=name, de=de) for lang, template in templates.items()}


def _from_city(rng, city, kind, titles):
    density = rng.uniform(150, 4_000) if city.population >= 50_000 else rng.uniform(30, 800)
    area = max(1.0, city.population / density)
    return AuthoritySpec(
        slug="",
        titles=titles,
        kind=kind,
        country=city.country,
        region_name=places.region_name(city),
        place=city.name,
        latitude=city.latitude,
        longitude=city.longitude,
        population=city.population,
        population_year=rng.randint(2019, 2024),
        area_km2=Decimal(round(area, 2)).quantize(Decimal("0.01")),
    )


def _assign_slugs(authorities):
    """Slugs from the French title; a name met twice gets its country, then its region."""
    taken = set()
    for authority in authorities:
        base = ascii_label(authority.titles["fr"])[:80].strip("-") or "authority"
        slug = base
        if slug in taken:
            slug = f"{base}-{authority.country.lower()}"
            authority.titles = {
                lang: f"{title} ({authority.region_name})"
                for lang, title in authority.titles.items()
            }
        suffix = 2
        while slug in taken:
            slug = f"{base}-{authority.country.lower()}-{suffix}"
            suffix += 1
        taken.add(slug)
        authority.slug = slug


# --- What the fiche says -----------------------------------------------------------------


def _describe(rng, authority):
    authority.domain_name = f"{authority.slug[:50].strip('-')}.example.org"
    if authority.is_french and authority.kind in texts.FRENCH_SEAT_ADDRESS:
        template = texts.FRENCH_SEAT_ADDRESS[authority.kind]
    elif authority.is_french:
        template = texts.ADDRESSES["FR"]
    else:
        template = texts.ADDRESSES.get(authority.country) or (
            texts.ADDRESSES["french"]
            if "fr" in places.country_languages(authority.country)
            else texts.ADDRESSES["english"]
        )
    authority.address = template.format(n=rng.randint(1, 40), city=authority.place)
    authority.contact_role = rng.randrange(len(texts.CONTACT_ROLES))
    name = person_name(rng, authority.country)
    authority.contact_name = " ".join(name)
    authority.contact_email = email_address(name, authority.domain_name)
    authority.contact_phone = phone_number(rng, authority.country, _calling_code(authority))
    authority.activities = rng.sample(range(len(texts.ACTIVITIES)), rng.randint(3, 4))
    authority.activity_intro = rng.randrange(len(texts.ACTIVITY_INTROS))
    competences = texts.COMPETENCES[authority.competence_group]
    authority.competences = sorted(rng.sample(range(len(competences)), rng.randint(3, 4)))
    authority.languages = _languages(rng, authority)
    authority.summary_variant = rng.randrange(len(texts.SUMMARIES))
    authority.engaged_since = rng.randint(1975, 2018)
    authority.last_verified_offset = rng.randrange(0, 540)


def _calling_code(authority):
    if authority.is_french:
        return "33"
    raw = str(places.countries().get(authority.country, {}).get("phone", ""))
    digits = "".join(ch for ch in raw.split(" ")[0].split("-")[0] if ch.isdigit())
    return digits or "0"


def _languages(rng, authority):
    if authority.is_french:
        extra = rng.sample(places.EXTRA_LANGUAGES_FRENCH, rng.choice([0, 1, 1, 2]))
        return ["fr", *extra]
    own = [code for code in places.country_languages(authority.country) if code in LANGUAGE_CODES]
    chosen = own[:2]
    for code, chance in (("fr", 0.6), ("en", 0.4)):
        if code not in chosen and rng.random() < chance:
            chosen.append(code)
    return chosen or ["en"]


# --- Cooperations ------------------------------------------------------------------------

NORTHERN_REGIONS = {"european-union", "wider-europe", "north-america", "asia"}
KINDS_NORTH = (
    ["twinning", "friendship_pact", "project_partnership", "decentralised_cooperation"],
    [55, 20, 15, 10],
)
KINDS_SOUTH = (
    ["decentralised_cooperation", "project_partnership", "twinning", "friendship_pact"],
    [60, 20, 15, 5],
)
SINCE_RANGES = {
    "twinning": (1958, 2018),
    "friendship_pact": (1985, 2022),
    "decentralised_cooperation": (1985, 2023),
    "project_partnership": (2012, 2024),
}


def _link_cooperations(rng, authorities, pools):
    french = [a for a in authorities if a.is_french]
    foreign = [a for a in authorities if not a.is_french]
    link_count = {a.slug: 0 for a in authorities}
    partners = {a.slug: set() for a in authorities}

    def link(a, b):
        if b.slug in partners[a.slug] or a is b:
            return
        spec = _cooperation(rng, b.country if a.is_french else a.country)
        a.cooperations.append(_with_partner(spec, partner=b))
        b.cooperations.append(_with_partner(spec, partner=a))
        partners[a.slug].add(b.slug)
        partners[b.slug].add(a.slug)
        link_count[a.slug] += 1
        link_count[b.slug] += 1

    if foreign:
        for authority in french:
            for _ in range(rng.choices([0, 1, 2, 3], [10, 45, 30, 15])[0]):
                candidates = rng.sample(foreign, min(6, len(foreign)))
                link(authority, min(candidates, key=lambda c: link_count[c.slug]))
        for authority in foreign:
            if rng.random() < 0.12:
                other = rng.choice(foreign)
                if other.country != authority.country:
                    link(authority, other)
    names_in_portal = {}
    for authority in authorities:
        names_in_portal.setdefault(authority.country, set()).add(authority.place)
    for authority in authorities:
        # Every fiche lists at least one cooperation: the section is never empty.
        if rng.random() < 0.35 or not authority.cooperations:
            for _attempt in range(5):
                if _add_outside_partner(rng, authority, pools, names_in_portal):
                    break


def _cooperation(rng, foreign_country):
    """Kind, dates and themes of a link; the foreign side's world region sets the likely kind."""
    region = places.WORLD_REGION_OF_COUNTRY.get(foreign_country, "")
    kinds = KINDS_NORTH if region in NORTHERN_REGIONS else KINDS_SOUTH
    kind = rng.choices(*kinds)[0]
    low, high = SINCE_RANGES[kind]
    since = rng.randint(low, high)
    themes = rng.sample(list(texts.DOMAINS_OF_THEME), rng.choice([1, 1, 2]))
    domains = [rng.choice(texts.DOMAINS_OF_THEME[theme]) for theme in themes]
    active = rng.random() < 0.8
    dormant_since = None if active else min(2024, since + rng.randint(3, 15))
    descriptions = (
        texts.COOPERATION_DESCRIPTIONS if active else (texts.DORMANT_COOPERATION_DESCRIPTIONS)
    )
    return CooperationSpec(
        partner_slug=None,
        partner_name="",
        partner_country="",
        kind=kind,
        since_year=since,
        themes=themes,
        domains=domains,
        is_active=active,
        dormant_since=dormant_since,
        variant=rng.randrange(len(descriptions)),
    )


def _with_partner(spec, partner):
    return CooperationSpec(**{**spec.__dict__, "partner_slug": partner.slug})


def _add_outside_partner(rng, authority, pools, names_in_portal):
    if authority.is_french:
        weights = places.FOREIGN_COUNTRY_WEIGHTS
        country = rng.choices(list(weights), list(weights.values()))[0]
    else:
        country = "FR" if rng.random() < 0.7 else rng.choice(["DE", "IT", "ES", "BE", "CA"])
    city = pools.outside_city(rng, country, names_in_portal.get(country, set()))
    if city is None:
        return False
    local = places.MUNICIPALITY_TITLE.get(country)
    name = (
        local.format(name=city.name)
        if local
        else texts.FRENCH_STYLE_MUNICIPALITY["commune"]["fr"].format(de=places.french_de(city.name))
    )
    spec = _cooperation(rng, country if authority.is_french else authority.country)
    spec.partner_name, spec.partner_country = name, country
    authority.cooperations.append(spec)
    return True


# --- Objectives, actors, calls -----------------------------------------------------------


def _set_objectives(rng, authority, country_of):
    themes = []
    for cooperation in authority.cooperations:
        for theme in cooperation.themes:
            if theme not in themes and rng.random() < 0.5:
                themes.append(theme)
    wanted = rng.randint(1, 3)
    candidates = [t for t in texts.DOMAINS_OF_THEME if t not in themes]
    themes += rng.sample(candidates, max(0, wanted - len(themes)))
    authority.themes = themes[:3]
    authority.domains = [rng.choice(texts.DOMAINS_OF_THEME[theme]) for theme in authority.themes]
    partner_countries = []
    for cooperation in authority.cooperations:
        country = cooperation.partner_country or country_of.get(cooperation.partner_slug, "")
        if country and country not in partner_countries and country not in FRENCH_COUNTRY_CODES:
            partner_countries.append(country)
    if authority.is_french:
        preferred = partner_countries[:2]
        weights = places.FOREIGN_COUNTRY_WEIGHTS
        extra = rng.choices(list(weights), list(weights.values()))[0]
        if extra not in preferred:
            preferred.append(extra)
    else:
        preferred = ["FR"] + [c for c in partner_countries if c != authority.country][:1]
    authority.preferred_countries = preferred
    regions = []
    for country in preferred:
        region = places.WORLD_REGION_OF_COUNTRY.get(country)
        if region and region not in regions:
            regions.append(region)
    authority.preferred_regions = regions
    authority.profile_variant = rng.randrange(len(texts.PARTNER_PROFILES))
    authority.assets = rng.sample(range(len(texts.ASSETS)), rng.randint(2, 3))
    authority.can_bring_variant = rng.randrange(len(texts.CAN_BRING))
    since = [c.since_year for c in authority.cooperations]
    if since:
        authority.engaged_since = min(since)


def _add_actors(rng, authority):
    count = rng.choices([1, 2, 3], [35, 40, 25])[0]
    actors = []
    makers = _french_side_actors if authority.is_french else _foreign_side_actors
    for maker in makers(rng, authority):
        if len(actors) >= count:
            break
        actor = maker()
        if actor and all(actor.name != other.name for other in actors):
            actors.append(actor)
    authority.actors = actors


def _actor_domain(rng, authority):
    return (
        rng.choice(authority.domains) if authority.domains else rng.choice(list(texts.DOMAIN_NAMES))
    )


def _foreign_side_actors(rng, authority):
    def international():
        name, kind, country, _weight = rng.choices(
            texts.INTERNATIONAL_ACTORS, [entry[3] for entry in texts.INTERNATIONAL_ACTORS]
        )[0]
        variants = len(texts.ACTOR_DESCRIPTIONS[kind])
        variant = 0 if kind == "embassy" else rng.randrange(variants)
        return ActorSpec(name, kind, country, _actor_domain(rng, authority), variant)

    def diaspora():
        name = f"Association des ressortissants {places.french_de(authority.place)} en France"
        return ActorSpec(name, "diaspora_association", "FR", _actor_domain(rng, authority), 0)

    def company():
        origin = rng.choice(["FR", "DE", "JP", "IT", "ES", "CA"])
        name = f"{rng.choice(texts.COMPANY_STEMS)} {texts.COMPANY_SUFFIX[origin]}"
        return ActorSpec(name, "company", origin, _actor_domain(rng, authority), 0)

    def alliance():
        name = f"Alliance française {places.french_de(authority.place)}"
        return ActorSpec(name, "other", "FR", "", 0)

    def french_consulate():
        grade = "Consulat général" if authority.population >= 200_000 else "Consulat honoraire"
        return ActorSpec(f"{grade} de France", "embassy", "FR", _actor_domain(rng, authority), 1)

    if places.WORLD_REGION_OF_COUNTRY.get(authority.country) in NORTHERN_REGIONS:
        # Aid agencies and UN programmes work in the South; in the North, France is present
        # through its consulates, the Alliance française network and companies.
        makers = [alliance, french_consulate, company]
        rng.shuffle(makers)
        return makers
    makers = [international, international, international]
    if rng.random() < 0.3:
        makers.insert(rng.randrange(len(makers) + 1), diaspora)
    if rng.random() < 0.15:
        makers.insert(rng.randrange(len(makers) + 1), company)
    return makers


def _french_side_actors(rng, authority):
    origins = [c for c in authority.preferred_countries if c not in FRENCH_COUNTRY_CODES]
    origins = origins or ["DE"]

    def consulate():
        country = rng.choice([c for c in origins if c in places.COUNTRY_FR_OF] or ["MA"])
        grade = "Consulat général" if authority.population >= 100_000 else "Consulat honoraire"
        name = f"{grade} {places.COUNTRY_FR_OF[country]}"
        return ActorSpec(name, "embassy", country, _actor_domain(rng, authority), 1)

    def diaspora():
        country = rng.choice([c for c in origins if c in places.DIASPORA_DEMONYM_FR] or ["SN"])
        demonym = places.DIASPORA_DEMONYM_FR[country]
        name = f"Association des {demonym} {places.french_de(authority.place)}"
        return ActorSpec(name, "diaspora_association", country, _actor_domain(rng, authority), 0)

    def institute():
        if authority.population < 150_000:
            return None
        country = rng.choice(list(texts.CULTURAL_INSTITUTES))
        return ActorSpec(texts.CULTURAL_INSTITUTES[country], "other", country, "", 0)

    def company():
        origin = rng.choice(["DE", "JP", "IT", "ES", "US", "CA", "BR", "PL"])
        name = f"{rng.choice(texts.COMPANY_STEMS)} {texts.COMPANY_SUFFIX[origin]}"
        return ActorSpec(name, "company", origin, _actor_domain(rng, authority), 0)

    makers = [diaspora, consulate, company, institute, diaspora]
    rng.shuffle(makers)
    return makers


def _add_calls(rng, authority):
    count = rng.choices(*CALLS_PER_AUTHORITY)[0]
    taken = set()
    for _ in range(count):
        call = _call(rng, authority)
        base = ascii_label(_call_title_fr(call))[:80].strip("-")
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        call.slug = slug
        authority.calls.append(call)


def _call(rng, authority):
    theme = rng.choice(authority.themes)
    project = rng.randrange(len(texts.PROJECTS[theme]))
    domains = [texts.PROJECTS[theme][project][0]]
    themes = [theme]
    for other, domain in zip(authority.themes, authority.domains, strict=True):
        if other != theme and rng.random() < 0.25:
            themes.append(other)
            domains.append(domain)
    if authority.is_french:
        direction = "offer" if rng.random() < 0.55 else "request"
        targets = [c for c in authority.preferred_countries if c not in FRENCH_COUNTRY_CODES][:2]
    else:
        direction = "request" if rng.random() < 0.65 else "offer"
        targets = ["FR"]
    status = rng.choices(*CALL_STATUSES)[0]
    start, deadline = _call_dates(rng, status)
    budget_range = (20_000, 400_000) if direction == "request" else (10_000, 150_000)
    budget = int(round(rng.uniform(*budget_range), -3))
    if direction == "request":
        cofinancing = int(round(budget * rng.uniform(0.3, 0.8), -3))
    else:
        cofinancing = None if rng.random() < 0.5 else int(round(budget * rng.uniform(0.1, 0.5), -3))
    return CallSpec(
        slug="",
        direction=direction,
        status=status,
        theme=theme,
        project=project,
        themes=themes,
        domains=domains,
        target_countries=targets,
        start_offset=start,
        deadline_offset=deadline,
        duration_months=rng.choice([6, 12, 18, 24, 36]),
        budget=budget,
        cofinancing=cofinancing,
        title_variant=rng.randrange(3),
        summary_variant=rng.randrange(2),
        context_variant=rng.randrange(len(texts.CALL_CONTEXTS)),
        objectives=sorted(rng.sample(range(len(texts.CALL_OBJECTIVES)), 3)),
        profile_variant=rng.randrange(len(texts.PARTNER_PROFILES)),
    )


def _call_dates(rng, status):
    """Start and deadline as day offsets from today; the deadline never precedes the start."""
    if status == "open":
        start = -rng.randint(0, 90)
        if rng.random() < 0.9:
            return start, rng.randint(15, 270)
        deadline = -rng.randint(1, 30)
        return min(start, deadline - 30), deadline
    if status in ("in_discussion", "matched"):
        start = -rng.randint(60, 300)
        return start, start + rng.randint(45, 400)
    start = -rng.randint(200, 700)
    return start, start + rng.randint(30, 120)


def _call_title_fr(call):
    _domain, project = texts.PROJECTS[call.theme][call.project]
    template = texts.CALL_TITLES[call.direction][call.title_variant]["fr"]
    return template.format(project=texts.lcfirst(project["fr"]), Project=project["fr"])
