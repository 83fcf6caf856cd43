"""What demo authorities say, in French (the source) and in English and Spanish.

Every bank holds parallel versions: the plan draws an index once, and each language renders
the same choice, so a translated fiche says the same thing as its French source.
"""

import functools

from django.utils import translation
from django_countries import countries

from cms.taxonomy_data import THEMES

from .places import french_de

LANGUAGES = ("fr", "en", "es")


def tr(fr, en, es):
    return {"fr": fr, "en": en, "es": es}


# Words that keep their capital inside a sentence.
PROPER_WORDS = {"French", "French-speaking", "European"}


def lcfirst(text):
    """Lower the first letter after a colon, unless the word is an acronym or a proper one."""
    if (len(text) > 1 and text[1].isupper()) or text.split(" ", 1)[0] in PROPER_WORDS:
        return text
    return text[:1].lower() + text[1:]


# Institutional titles take an article in running text: "la Ville de Lyon", "del Municipio…".
TITLE_ARTICLES = {
    "fr": {"Ville": "la", "Commune": "la", "Région": "la", "Communauté": "la",
           "Collectivité": "la", "Province": "la", "Préfecture": "la", "Département": "le",
           "Conseil": "le", "Land": "le", "Marz": "le"},
    "en": {"City": "the", "Municipality": "the", "Regional": "the"},
    "es": {"Ciudad": "la", "Región": "la", "Provincia": "la", "Prefectura": "la",
           "Municipio": "el", "Departamento": "el", "Consejo": "el"},
}  # fmt: skip


def named(title, lang, start=False):
    """An authority's title as a sentence's subject: "la Ville de Lyon", "Toulouse Métropole"."""
    article = TITLE_ARTICLES[lang].get(title.split(" ", 1)[0])
    text = f"{article} {title}" if article else title
    return text[:1].upper() + text[1:] if start else text


def of_named(title, lang):
    """ "de la Ville de Lyon", "du Département du Nord", "of the City of Dakar"…"""
    article = TITLE_ARTICLES[lang].get(title.split(" ", 1)[0])
    if lang == "en":
        return f"of the {title}" if article else f"of {title}"
    if lang == "es":
        return {"el": f"del {title}", "la": f"de la {title}"}.get(article, f"de {title}")
    return {"le": f"du {title}", "la": f"de la {title}"}.get(article) or french_de(title)


def format_int(number, lang):
    grouped = f"{number:,}"
    return {"fr": grouped.replace(",", "\u202f"), "es": grouped.replace(",", ".")}.get(
        lang, grouped
    )


@functools.cache
def country_name(code, lang):
    with translation.override(lang):
        return str(countries.name(code))


# The taxonomy in each language, from the data bootstrap loads (slug -> names).
THEME_NAMES = {theme["slug"]: theme["names"] for theme in THEMES}
DOMAIN_NAMES = {domain["slug"]: domain["names"] for theme in THEMES for domain in theme["domains"]}
DOMAINS_OF_THEME = {theme["slug"]: [d["slug"] for d in theme["domains"]] for theme in THEMES}


def domain_names(slugs, lang):
    return [lcfirst(DOMAIN_NAMES[slug][lang]) for slug in slugs]


# --- Titles -----------------------------------------------------------------------------

FRENCH_STYLE_MUNICIPALITY = {
    "city": tr("Ville {de}", "City of {name}", "Ciudad de {name}"),
    "commune": tr("Commune {de}", "Municipality of {name}", "Municipio de {name}"),
}
INTERCOMMUNALITY_TITLE = {
    "metropole": "{name} Métropole",
    "agglomeration": "Communauté d'agglomération {de}",
    "communes": "Communauté de communes {de}",
}
DEPARTMENT_TITLE = tr("Département {de}", "{name} Department", "Departamento de {name}")
FRENCH_REGION_TITLE = tr("{title}", "{name} Region", "Región {name}")
WORLD_REGIONS = {
    "west-africa": (tr("Afrique de l'Ouest", "West Africa", "África Occidental"),
                    tr("d'Afrique de l'Ouest", "in West Africa", "de África Occidental")),
    "central-africa": (tr("Afrique centrale", "Central Africa", "África Central"),
                       tr("d'Afrique centrale", "in Central Africa", "de África Central")),
    "east-africa": (tr("Afrique de l'Est", "East Africa", "África Oriental"),
                    tr("d'Afrique de l'Est", "in East Africa", "de África Oriental")),
    "southern-africa": (tr("Afrique australe", "Southern Africa", "África Austral"),
                        tr("d'Afrique australe", "in Southern Africa", "de África Austral")),
    "maghreb": (tr("Maghreb", "Maghreb", "Magreb"),
                tr("du Maghreb", "in the Maghreb", "del Magreb")),
    "indian-ocean": (tr("Océan Indien", "Indian Ocean", "Océano Índico"),
                     tr("de l'océan Indien", "in the Indian Ocean", "del océano Índico")),
    "middle-east": (tr("Proche-Orient", "Middle East", "Oriente Próximo"),
                    tr("du Proche-Orient", "in the Middle East", "de Oriente Próximo")),
    "southeast-asia": (tr("Asie du Sud-Est", "South-East Asia", "Sudeste Asiático"),
                       tr("d'Asie du Sud-Est", "in South-East Asia", "del Sudeste Asiático")),
    "asia": (tr("Asie", "Asia", "Asia"), tr("d'Asie", "in Asia", "de Asia")),
    "caucasus": (tr("Caucase du Sud", "South Caucasus", "Cáucaso Sur"),
                 tr("du Caucase du Sud", "in the South Caucasus", "del Cáucaso Sur")),
    "caribbean": (tr("Caraïbes", "Caribbean", "Caribe"),
                  tr("des Caraïbes", "in the Caribbean", "del Caribe")),
    "latin-america": (tr("Amérique latine", "Latin America", "América Latina"),
                      tr("d'Amérique latine", "in Latin America", "de América Latina")),
    "north-america": (tr("Amérique du Nord", "North America", "América del Norte"),
                      tr("d'Amérique du Nord", "in North America", "de América del Norte")),
    "european-union": (tr("Union européenne", "European Union", "Unión Europea"),
                       tr("de l'Union européenne", "in the European Union", "de la Unión Europea")),
    "wider-europe": (tr("Europe", "Europe", "Europa"), tr("d'Europe", "in Europe", "de Europa")),
    "france": (tr("France", "France", "Francia"), tr("française", "in France", "francesa")),
}  # fmt: skip

# --- Fiche: general information and characteristics -------------------------------------

CONTACT_ROLES = [
    tr("Responsable des relations internationales", "Head of International Relations",
       "Responsable de Relaciones Internacionales"),
    tr("Responsable de la coopération décentralisée", "Decentralised Cooperation Officer",
       "Responsable de Cooperación Descentralizada"),
    tr("Point focal coopération internationale", "International Cooperation Focal Point",
       "Punto focal de cooperación internacional"),
    tr("Chef de projet Europe et international", "Europe and International Project Manager",
       "Jefe de proyecto Europa e Internacional"),
    tr("Responsable du service des partenariats", "Head of Partnerships",
       "Responsable del servicio de alianzas"),
]  # fmt: skip

SUMMARIES = [
    tr("{Title} ({place}) compte {population} habitants. Priorités de coopération : "
       "{topics}.",
       "{Title} ({place}) has {population} inhabitants. Cooperation priorities: "
       "{topics}.",
       "{Title} ({place}) cuenta con {population} habitantes. Prioridades de "
       "cooperación: {topics}."),
    tr("Territoire de {population} habitants ({place}), engagé à l'international "
       "depuis {since}. Priorités : {topics}.",
       "A territory of {population} inhabitants ({place}), active internationally "
       "since {since}. Priorities: {topics}.",
       "Territorio de {population} habitantes ({place}), con actividad internacional "
       "desde {since}. Prioridades: {topics}."),
    tr("Engagée dans la coopération décentralisée depuis {since}, la collectivité ({population} "
       "habitants) veut élargir ses partenariats. Thèmes prioritaires : {topics}.",
       "Involved in decentralised cooperation since {since}, the authority ({population} "
       "inhabitants) wants to widen its partnerships. Priority themes: {topics}.",
       "Comprometida con la cooperación descentralizada desde {since}, la entidad ({population} "
       "habitantes) quiere ampliar sus alianzas. Temas prioritarios: {topics}."),
    tr("{Title} souhaite partager son expérience et nouer de nouveaux partenariats. Domaines "
       "d'intérêt : {topics}.",
       "{Title} wishes to share its experience and build new partnerships. Areas of interest: "
       "{topics}.",
       "{Title} desea compartir su experiencia y establecer nuevas alianzas. Ámbitos de interés: "
       "{topics}."),
    tr("Population : {population} habitants. Collectivité ouverte aux échanges d'expertise, en "
       "particulier : {topics}.",
       "Population: {population}. An authority open to exchanges of expertise, especially: "
       "{topics}.",
       "Población: {population} habitantes. Entidad abierta a intercambios de experiencia, en "
       "particular: {topics}."),
]  # fmt: skip

ACTIVITIES = [
    tr("agriculture vivrière et maraîchage", "food crops and market gardening",
       "agricultura de subsistencia y horticultura"),
    tr("pêche artisanale", "small-scale fishing", "pesca artesanal"),
    tr("commerce et artisanat", "trade and crafts", "comercio y artesanía"),
    tr("tourisme culturel", "cultural tourism", "turismo cultural"),
    tr("industrie agroalimentaire", "food processing", "industria agroalimentaria"),
    tr("services publics et administration", "public services and administration",
       "servicios públicos y administración"),
    tr("enseignement supérieur et recherche", "higher education and research",
       "educación superior e investigación"),
    tr("logistique portuaire", "port logistics", "logística portuaria"),
    tr("élevage", "livestock farming", "ganadería"),
    tr("industrie automobile", "automotive industry", "industria automotriz"),
    tr("numérique et services aux entreprises", "digital and business services",
       "servicios digitales y a empresas"),
    tr("viticulture", "wine growing", "viticultura"),
    tr("économie sociale et solidaire", "social and solidarity economy",
       "economía social y solidaria"),
    tr("production d'énergie hydraulique et solaire", "hydro and solar power generation",
       "producción de energía hidráulica y solar"),
    tr("santé et services hospitaliers", "health and hospital services",
       "salud y servicios hospitalarios"),
    tr("textile et confection", "textiles and clothing", "textil y confección"),
    tr("aéronautique", "aerospace", "aeronáutica"),
    tr("tourisme balnéaire", "seaside tourism", "turismo de sol y playa"),
    tr("exploitation forestière", "forestry", "explotación forestal"),
    tr("mines et carrières", "mining and quarrying", "minería y canteras"),
    tr("cultures d'exportation (cacao, café, coton)", "export crops (cocoa, coffee, cotton)",
       "cultivos de exportación (cacao, café, algodón)"),
    tr("transport et logistique", "transport and logistics", "transporte y logística"),
    tr("bâtiment et travaux publics", "construction and public works",
       "construcción y obras públicas"),
    tr("industries culturelles et créatives", "cultural and creative industries",
       "industrias culturales y creativas"),
]  # fmt: skip

ACTIVITY_INTROS = [
    tr("L'économie locale repose principalement sur :", "The local economy relies mainly on:",
       "La economía local se basa principalmente en:"),
    tr("Principaux secteurs d'activité du territoire :", "Main economic sectors of the territory:",
       "Principales sectores de actividad del territorio:"),
    tr("Le territoire se distingue par :", "The territory stands out for:",
       "El territorio destaca por:"),
]  # fmt: skip

COMPETENCES_INTRO = tr(
    "Compétences exercées par la collectivité : {competences}.",
    "Responsibilities of the authority: {competences}.",
    "Competencias de la entidad: {competences}.",
)
COMPETENCES = {
    "municipality": [
        tr("état civil", "civil registration", "registro civil"),
        tr("écoles primaires", "primary schools", "escuelas primarias"),
        tr("voirie", "local roads", "vías municipales"),
        tr("marchés", "markets", "mercados"),
        tr("urbanisme", "urban planning", "urbanismo"),
        tr("gestion des déchets", "waste management", "gestión de residuos"),
        tr("action sociale", "social services", "servicios sociales"),
    ],
    "intercommunality": [
        tr("développement économique", "economic development", "desarrollo económico"),
        tr("transports publics", "public transport", "transporte público"),
        tr("gestion des déchets", "waste management", "gestión de residuos"),
        tr("eau et assainissement", "water and sanitation", "agua y saneamiento"),
        tr("habitat", "housing", "vivienda"),
        tr("tourisme", "tourism", "turismo"),
    ],
    "department": [
        tr("action sociale", "social welfare", "acción social"),
        tr("collèges", "lower secondary schools", "centros de secundaria"),
        tr("routes départementales", "county roads", "carreteras provinciales"),
        tr("protection de l'enfance", "child protection", "protección de la infancia"),
        tr("solidarité territoriale", "support to rural municipalities",
           "apoyo a los municipios rurales"),
    ],
    "region": [
        tr("développement économique", "economic development", "desarrollo económico"),
        tr("lycées", "upper secondary schools", "institutos de secundaria"),
        tr("transports régionaux", "regional transport", "transporte regional"),
        tr("formation professionnelle", "vocational training", "formación profesional"),
        tr("aménagement du territoire", "regional planning", "ordenación del territorio"),
        tr("environnement", "environment", "medio ambiente"),
    ],
}  # fmt: skip
COMPETENCES["federated_state"] = COMPETENCES["province"] = COMPETENCES["region"]

PARTNER_PROFILES = [
    tr("Une collectivité {of} de taille comparable, disposant de services techniques "
       "expérimentés dans ce domaine : {domain}.",
       "A local authority {of} of comparable size, with experienced technical services in this "
       "field: {domain}.",
       "Una entidad local {of} de tamaño comparable, con servicios técnicos experimentados en "
       "este ámbito: {domain}."),
    tr("Une collectivité {of} prête à s'engager sur trois ans au moins, avec des élus et des "
       "agents mobilisés. Domaine visé : {domain}.",
       "A local authority {of} ready to commit for at least three years, with involved elected "
       "officials and staff. Field: {domain}.",
       "Una entidad local {of} dispuesta a comprometerse durante al menos tres años, con cargos "
       "electos y personal implicados. Ámbito: {domain}."),
    tr("Une collectivité {of}, urbaine ou rurale, intéressée par des échanges entre techniciens "
       "et par l'accueil de jeunes. Domaine visé : {domain}.",
       "A local authority {of}, urban or rural, interested in exchanges between technical staff "
       "and in hosting young people. Field: {domain}.",
       "Una entidad local {of}, urbana o rural, interesada en intercambios entre técnicos y en la "
       "acogida de jóvenes. Ámbito: {domain}."),
    tr("Une collectivité {of} déjà engagée dans la coopération internationale et capable de "
       "cofinancer un projet. Domaine visé : {domain}.",
       "A local authority {of} already active in international cooperation and able to "
       "co-finance a project. Field: {domain}.",
       "Una entidad local {of} ya comprometida con la cooperación internacional y capaz de "
       "cofinanciar un proyecto. Ámbito: {domain}."),
]  # fmt: skip

ASSETS = [
    tr("l'expertise de ses services techniques", "the expertise of its technical services",
       "la experiencia de sus servicios técnicos"),
    tr("l'accueil d'agents et de stagiaires", "hosting staff and trainees",
       "la acogida de personal y becarios"),
    tr("un cofinancement sur son budget de coopération", "co-financing from its cooperation budget",
       "cofinanciación con cargo a su presupuesto de cooperación"),
    tr("un réseau d'associations et d'entreprises locales",
       "a network of local associations and businesses",
       "una red de asociaciones y empresas locales"),
    tr("du matériel réformé en bon état", "decommissioned equipment in good condition",
       "material dado de baja en buen estado"),
    tr("une connaissance fine du terrain et des acteurs locaux",
       "in-depth knowledge of the territory and local stakeholders",
       "un conocimiento profundo del territorio y de los actores locales"),
    tr("des missions d'élus et de techniciens", "missions by elected officials and technical staff",
       "misiones de cargos electos y técnicos"),
    tr("des échanges scolaires et universitaires", "school and university exchanges",
       "intercambios escolares y universitarios"),
    tr("la mobilisation de sa diaspora", "the engagement of its diaspora",
       "la movilización de su diáspora"),
    tr("des méthodes de participation citoyenne éprouvées",
       "proven citizen participation methods", "métodos probados de participación ciudadana"),
]  # fmt: skip
CAN_BRING = [
    tr("La collectivité peut apporter : {assets}.", "The authority can bring: {assets}.",
       "La entidad puede aportar: {assets}."),
    tr("Apports proposés : {assets}.", "What we offer: {assets}.",
       "Aportaciones propuestas: {assets}."),
]  # fmt: skip

ADDRESSES = {
    "DE": "Rathaus, Marktplatz {n}, {city}",
    "AT": "Rathaus, Hauptplatz {n}, {city}",
    "IT": "Palazzo comunale, Piazza del Municipio {n}, {city}",
    "ES": "Casa Consistorial, Plaza Mayor {n}, {city}",
    "BR": "Paço Municipal, Praça da Matriz, {n}, {city}",
    "PT": "Paços do Concelho, Praça do Município, {n}, {city}",
    "CL": "Edificio Consistorial, Plaza de Armas {n}, {city}",
    "PL": "Urząd Miasta, Rynek {n}, {city}",
    "JP": "Shiyakusho, {n}-1 Chūō, {city}",
    "CA": "Hôtel de ville, {n} rue Principale, {city}",
    "FR": "Hôtel de ville, {n} place de la Mairie, {city}",
    "english": "City Hall, {n} Main Street, {city}",
    "french": "Hôtel de ville, {n} avenue de l'Indépendance, {city}",
}
FRENCH_SEAT_ADDRESS = {
    "department": "Hôtel du Département, {n} rue de la Préfecture, {city}",
    "region": "Hôtel de Région, {n} boulevard de la République, {city}",
    "intercommunality": "Siège communautaire, {n} rue de l'Hôtel de Ville, {city}",
}

# --- Cooperations and foreign actors ----------------------------------------------------

COOPERATION_DESCRIPTIONS = [
    tr("Convention de coopération renouvelée régulièrement depuis {since}. Axes : {domains}.",
       "Cooperation agreement regularly renewed since {since}. Areas: {domains}.",
       "Convenio de cooperación renovado periódicamente desde {since}. Ejes: {domains}."),
    tr("Échanges réguliers d'élus et de techniciens ; projets en cours : {domains}.",
       "Regular exchanges of elected officials and technical staff; ongoing projects: {domains}.",
       "Intercambios regulares de cargos electos y técnicos; proyectos en curso: {domains}."),
    tr("Programme pluriannuel cofinancé par le ministère de l'Europe et des Affaires étrangères. "
       "Axes : {domains}.",
       "Multi-year programme co-financed by the French Ministry for Europe and Foreign Affairs. "
       "Areas: {domains}.",
       "Programa plurianual cofinanciado por el Ministerio francés de Europa y Asuntos Exteriores. "
       "Ejes: {domains}."),
    tr("Partenariat porté par les comités de jumelage, les écoles et les associations. Axes : "
       "{domains}.",
       "A partnership driven by twinning committees, schools and associations. Areas: {domains}.",
       "Alianza impulsada por los comités de hermanamiento, las escuelas y las asociaciones. "
       "Ejes: {domains}."),
]  # fmt: skip
DORMANT_COOPERATION_DESCRIPTIONS = [
    tr("Coopération en sommeil depuis {dormant_since}, faute de financement. Axes passés : "
       "{domains}.",
       "Dormant since {dormant_since} for lack of funding. Past areas: {domains}.",
       "Inactiva desde {dormant_since} por falta de financiación. Ejes anteriores: {domains}."),
    tr("Liens entretenus par les associations, sans programme actif depuis {dormant_since}. Axes "
       "passés : {domains}.",
       "Links kept alive by associations, with no active programme since {dormant_since}. Past "
       "areas: {domains}.",
       "Vínculos mantenidos por las asociaciones, sin programa activo desde {dormant_since}. Ejes "
       "anteriores: {domains}."),
]  # fmt: skip

# Organisations from abroad active on a foreign authority's territory: name, kind, origin.
INTERNATIONAL_ACTORS = [
    ("Agence française de développement (AFD)", "development_agency", "FR", 6),
    ("Expertise France", "development_agency", "FR", 3),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "development_agency", "DE",
     4),
    ("Agence japonaise de coopération internationale (JICA)", "development_agency", "JP", 3),
    ("Agence coréenne de coopération internationale (KOICA)", "development_agency", "KR", 1),
    ("Enabel, agence belge de développement", "development_agency", "BE", 2),
    ("Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
     "development_agency", "ES", 2),
    ("Agenzia Italiana per la Cooperazione allo Sviluppo (AICS)", "development_agency", "IT", 1),
    ("LuxDev", "development_agency", "LU", 1),
    ("Direction du développement et de la coopération (DDC)", "development_agency", "CH", 1),
    ("Programme des Nations unies pour le développement (PNUD)", "un_body", "", 4),
    ("UNICEF", "un_body", "", 4),
    ("ONU-Habitat", "un_body", "", 2),
    ("Organisation des Nations unies pour l'alimentation et l'agriculture (FAO)", "un_body", "", 2),
    ("Programme alimentaire mondial (PAM)", "un_body", "", 2),
    ("UNESCO", "un_body", "", 1),
    ("Organisation mondiale de la santé (OMS)", "un_body", "", 2),
    ("Organisation internationale pour les migrations (OIM)", "un_body", "", 1),
    ("ONU Femmes", "un_body", "", 1),
    ("Service de coopération et d'action culturelle, ambassade de France", "embassy", "FR", 4),
    ("Institut de recherche pour le développement (IRD)", "university", "FR", 2),
    ("Cirad", "university", "FR", 1),
    ("Gret", "ngo", "FR", 2),
    ("Eau Vive Internationale", "ngo", "FR", 2),
    ("Action contre la Faim", "ngo", "FR", 2),
    ("Médecins du Monde", "ngo", "FR", 2),
    ("Humanité & Inclusion", "ngo", "FR", 2),
    ("ACTED", "ngo", "FR", 1),
    ("Croix-Rouge française", "ngo", "FR", 2),
    ("Électriciens sans frontières", "ngo", "FR", 1),
    ("Aide et Action", "ngo", "FR", 1),
    ("Welthungerhilfe", "ngo", "DE", 1),
    ("Helvetas", "ngo", "CH", 1),
    ("Oxfam", "ngo", "GB", 1),
    ("Save the Children", "ngo", "GB", 1),
]  # fmt: skip
CULTURAL_INSTITUTES = {
    "DE": "Goethe-Institut", "IT": "Istituto Italiano di Cultura", "ES": "Instituto Cervantes",
    "PL": "Institut polonais", "JP": "Maison de la culture du Japon", "PT": "Instituto Camões",
}  # fmt: skip
# Invented companies: no real firm is said to be anywhere.
COMPANY_STEMS = [
    "Hydralis",
    "Solarea",
    "Agrinova",
    "Transvia",
    "Batisol",
    "Numerika",
    "Aquaterra",
    "Luminor",
    "Vertigo Systems",
    "Ecopolis",
    "Medilink",
    "Terranova",
]
COMPANY_SUFFIX = {"DE": "GmbH", "IT": "S.p.A.", "ES": "S.A.", "JP": "K.K.", "US": "Inc.",
                  "CA": "Inc.", "FR": "SAS", "BR": "Ltda.", "PL": "Sp. z o.o."}  # fmt: skip

ACTOR_DESCRIPTIONS = {
    "development_agency": [
        tr("Financement et assistance technique aux projets locaux. Secteur : {domain}.",
           "Funding and technical assistance for local projects. Sector: {domain}.",
           "Financiación y asistencia técnica a proyectos locales. Sector: {domain}."),
        tr("Programme d'appui à la décentralisation et aux services de base. Secteur : {domain}.",
           "Programme supporting decentralisation and basic services. Sector: {domain}.",
           "Programa de apoyo a la descentralización y a los servicios básicos. Sector: {domain}."),
    ],
    "un_body": [
        tr("Programme conjoint avec la collectivité. Secteur : {domain}.",
           "Joint programme with the authority. Sector: {domain}.",
           "Programa conjunto con la entidad. Sector: {domain}."),
        tr("Appui technique et collecte de données locales. Secteur : {domain}.",
           "Technical support and local data collection. Sector: {domain}.",
           "Apoyo técnico y recopilación de datos locales. Sector: {domain}."),
    ],
    "embassy": [
        tr("Fonds de solidarité pour les projets innovants et soutien aux initiatives locales. "
           "Secteur : {domain}.",
           "Solidarity fund for innovative projects and support for local initiatives. Sector: "
           "{domain}.",
           "Fondo de solidaridad para proyectos innovadores y apoyo a iniciativas locales. "
           "Sector: {domain}."),
        tr("Services consulaires et soutien aux échanges économiques et culturels.",
           "Consular services and support for economic and cultural exchanges.",
           "Servicios consulares y apoyo a los intercambios económicos y culturales."),
    ],
    "university": [
        tr("Programme de recherche et accueil d'étudiants. Domaine : {domain}.",
           "Research programme and hosting of students. Field: {domain}.",
           "Programa de investigación y acogida de estudiantes. Ámbito: {domain}."),
    ],
    "ngo": [
        tr("Projets de terrain menés avec les habitants. Secteur : {domain}.",
           "Field projects carried out with residents. Sector: {domain}.",
           "Proyectos sobre el terreno realizados con los habitantes. Sector: {domain}."),
        tr("Présente depuis plusieurs années, en appui aux services municipaux. Secteur : "
           "{domain}.",
           "Present for several years, supporting municipal services. Sector: {domain}.",
           "Presente desde hace varios años, en apoyo a los servicios municipales. Sector: "
           "{domain}."),
    ],
    "diaspora_association": [
        tr("Collecte de fonds et suivi de projets de codéveloppement. Secteur : {domain}.",
           "Fundraising and follow-up of co-development projects. Sector: {domain}.",
           "Recaudación de fondos y seguimiento de proyectos de codesarrollo. Sector: {domain}."),
    ],
    "company": [
        tr("Entreprise implantée localement, partenaire de projets. Secteur : {domain}.",
           "Company established locally, partner in projects. Sector: {domain}.",
           "Empresa implantada localmente, socia de proyectos. Sector: {domain}."),
    ],
    "other": [
        tr("Cours de langue, programmation culturelle et échanges artistiques.",
           "Language courses, cultural programming and artistic exchanges.",
           "Cursos de idiomas, programación cultural e intercambios artísticos."),
    ],
}  # fmt: skip

# --- Partnership calls -------------------------------------------------------------------

# Per theme: a concrete project and the action domain it belongs to.
PROJECTS = {
    "governance": [
        ("civil-registration", tr("Modernisation de l'état civil", "Modernising civil registration",
                                  "Modernización del registro civil")),
        ("citizen-participation", tr("Budget participatif et conseils de quartier",
                                     "Participatory budgeting and neighbourhood councils",
                                     "Presupuesto participativo y consejos de barrio")),
        ("local-public-finance", tr("Formation des agents aux finances locales",
                                    "Training staff in local public finance",
                                    "Formación del personal en finanzas locales")),
    ],
    "water-sanitation": [
        ("drinking-water", tr("Extension du réseau d'eau potable",
                              "Extending the drinking water network",
                              "Ampliación de la red de agua potable")),
        ("sanitation-wastewater", tr("Station de traitement des boues de vidange",
                                     "Faecal sludge treatment plant",
                                     "Planta de tratamiento de lodos fecales")),
        ("water-resources-management", tr("Plan de gestion d'un bassin versant",
                                          "Management plan for a river basin",
                                          "Plan de gestión de una cuenca hidrográfica")),
    ],
    "environment-climate-energy": [
        ("waste-circular-economy", tr("Tri et valorisation des déchets ménagers",
                                      "Sorting and recovery of household waste",
                                      "Separación y valorización de residuos domésticos")),
        ("renewable-energy", tr("Éclairage public solaire", "Solar street lighting",
                                "Alumbrado público solar")),
        ("climate-adaptation", tr("Plan climat et végétalisation urbaine",
                                  "Climate plan and urban greening",
                                  "Plan climático y renaturalización urbana")),
    ],
    "agriculture-food": [
        ("local-food-systems", tr("Marché de producteurs et circuits courts",
                                  "Farmers' market and short supply chains",
                                  "Mercado de productores y circuitos cortos")),
        ("nutrition-school-meals", tr("Cantines scolaires approvisionnées localement",
                                      "School canteens supplied locally",
                                      "Comedores escolares abastecidos localmente")),
        ("family-farming-agroecology", tr("Formation de coopératives agricoles à l'agroécologie",
                                          "Training farming cooperatives in agroecology",
                                          "Formación de cooperativas agrícolas en agroecología")),
    ],
    "health": [
        ("primary-health-care", tr("Équipement d'un centre de santé communautaire",
                                   "Equipping a community health centre",
                                   "Equipamiento de un centro de salud comunitario")),
        ("health-prevention", tr("Campagne de prévention du paludisme",
                                 "Malaria prevention campaign",
                                 "Campaña de prevención del paludismo")),
        ("hospital-cooperation", tr("Jumelage entre services hospitaliers",
                                    "Twinning between hospital departments",
                                    "Hermanamiento entre servicios hospitalarios")),
    ],
    "education-training": [
        ("basic-education", tr("Construction et équipement d'une école primaire",
                               "Building and equipping a primary school",
                               "Construcción y equipamiento de una escuela primaria")),
        ("vocational-training", tr("Centre de formation aux métiers du bâtiment",
                                   "Training centre for construction trades",
                                   "Centro de formación en oficios de la construcción")),
        ("higher-education-research", tr("Échanges universitaires et bourses de recherche",
                                         "University exchanges and research grants",
                                         "Intercambios universitarios y becas de investigación")),
    ],
    "economic-development-tourism": [
        ("entrepreneurship", tr("Incubateur pour jeunes entrepreneurs",
                                "Incubator for young entrepreneurs",
                                "Incubadora para jóvenes emprendedores")),
        ("responsible-tourism", tr("Route touristique du patrimoine local",
                                   "Tourist route of local heritage",
                                   "Ruta turística del patrimonio local")),
        ("crafts-local-markets", tr("Réhabilitation du marché central",
                                    "Refurbishing the central market",
                                    "Rehabilitación del mercado central")),
    ],
    "culture-heritage": [
        ("built-heritage", tr("Restauration d'un bâtiment historique",
                              "Restoring a historic building",
                              "Restauración de un edificio histórico")),
        ("cultural-exchanges", tr("Festival et résidences d'artistes croisées",
                                  "Festival and artist exchange residencies",
                                  "Festival y residencias cruzadas de artistas")),
        ("libraries-reading", tr("Bibliothèque municipale et lecture publique",
                                 "Municipal library and public reading",
                                 "Biblioteca municipal y lectura pública")),
    ],
    "youth-sport": [
        ("youth-mobility", tr("Chantiers internationaux de jeunes",
                              "International youth work camps",
                              "Campos de trabajo internacionales para jóvenes")),
        ("sport-for-development", tr("Tournoi sportif et éducation par le sport",
                                     "Sports tournament and education through sport",
                                     "Torneo deportivo y educación a través del deporte")),
        ("youth-engagement", tr("Volontariat de réciprocité", "Reciprocal volunteering",
                                "Voluntariado recíproco")),
    ],
    "gender-equality": [
        ("women-economic-empowerment", tr("Accès au crédit pour les coopératives de femmes",
                                          "Access to credit for women's cooperatives",
                                          "Acceso al crédito para cooperativas de mujeres")),
        ("violence-against-women", tr("Maison d'accueil des femmes victimes de violences",
                                      "Shelter for women victims of violence",
                                      "Casa de acogida para mujeres víctimas de violencia")),
        ("women-local-public-life", tr("Formation des élues locales",
                                       "Training for women local councillors",
                                       "Formación de concejalas locales")),
    ],
    "inclusive-digital": [
        ("digital-administration", tr("Guichet numérique des services municipaux",
                                      "Online one-stop shop for municipal services",
                                      "Ventanilla digital de servicios municipales")),
        ("digital-inclusion", tr("Espaces publics numériques", "Public digital spaces",
                                 "Espacios públicos digitales")),
        ("open-data-information-systems", tr("Cadastre numérique et adressage",
                                             "Digital land register and street addressing",
                                             "Catastro digital y direccionamiento")),
    ],
    "urban-planning-mobility": [
        ("urban-planning-land", tr("Schéma directeur d'aménagement urbain", "Urban master plan",
                                   "Plan director de ordenación urbana")),
        ("urban-mobility", tr("Plan de mobilité et transports collectifs",
                              "Mobility plan and public transport",
                              "Plan de movilidad y transporte colectivo")),
        ("housing-informal-settlements", tr("Réhabilitation d'un quartier précaire",
                                            "Upgrading an informal settlement",
                                            "Mejora de un asentamiento precario")),
    ],
    "migration-codevelopment": [
        ("diaspora-engagement", tr("Fonds d'appui aux projets de la diaspora",
                                   "Support fund for diaspora projects",
                                   "Fondo de apoyo a proyectos de la diáspora")),
        ("migrant-reception-integration", tr("Accueil et intégration des personnes réfugiées",
                                             "Reception and integration of refugees",
                                             "Acogida e integración de personas refugiadas")),
        ("codevelopment-projects", tr("Maison des migrations et du codéveloppement",
                                      "House of migration and co-development",
                                      "Casa de las migraciones y del codesarrollo")),
    ],
    "crises-humanitarian": [
        ("disaster-risk-reduction", tr("Système d'alerte précoce contre les inondations",
                                       "Flood early warning system",
                                       "Sistema de alerta temprana de inundaciones")),
        ("emergency-reconstruction", tr("Reconstruction d'équipements publics après une "
                                        "catastrophe",
                                        "Rebuilding public facilities after a disaster",
                                        "Reconstrucción de equipamientos públicos tras una "
                                        "catástrofe")),
        ("fragile-territories-resilience", tr("Formation de secouristes volontaires",
                                              "Training volunteer first responders",
                                              "Formación de socorristas voluntarios")),
    ],
}  # fmt: skip

CALL_TITLES = {
    "offer": [
        tr("Offre d'expertise : {project}", "Expertise offered: {project}",
           "Oferta de experiencia: {project}"),
        tr("Partage d'expérience : {project}", "Sharing experience: {project}",
           "Intercambio de experiencias: {project}"),
        tr("{Project} : savoir-faire à partager", "{Project}: know-how to share",
           "{Project}: conocimientos para compartir"),
    ],
    "request": [
        tr("Recherche de partenaire : {project}", "Partner wanted: {project}",
           "Búsqueda de socio: {project}"),
        tr("Appel à partenariat : {project}", "Call for partnership: {project}",
           "Convocatoria de alianza: {project}"),
        tr("{Project} : partenaire recherché", "{Project}: looking for a partner",
           "{Project}: se busca socio"),
    ],
}  # fmt: skip
CALL_SUMMARIES = {
    "offer": [
        tr("{Authority} propose de partager son expérience avec une collectivité partenaire : "
           "{project}. Durée envisagée : {months} mois.",
           "{Authority} offers to share its experience with a partner authority: {project}. "
           "Planned duration: {months} months.",
           "{Authority} propone compartir su experiencia con una entidad socia: {project}. "
           "Duración prevista: {months} meses."),
        tr("{Authority} met l'expertise de ses services à disposition ({domain}) pour un projet "
           "de {months} mois.",
           "{Authority} makes the expertise of its services available ({domain}) for a "
           "{months}-month project.",
           "{Authority} pone a disposición la experiencia de sus servicios ({domain}) para un "
           "proyecto de {months} meses."),
    ],
    "request": [
        tr("{Authority} recherche une collectivité partenaire pour ce projet : {project}. Durée "
           "envisagée : {months} mois.",
           "{Authority} is looking for a partner authority for this project: {project}. Planned "
           "duration: {months} months.",
           "{Authority} busca una entidad socia para este proyecto: {project}. Duración prevista: "
           "{months} meses."),
        tr("Projet de {months} mois ({domain}) : {authority} souhaite s'associer à une "
           "collectivité expérimentée.",
           "A {months}-month project ({domain}): {authority} wishes to team up with an "
           "experienced authority.",
           "Proyecto de {months} meses ({domain}): {authority} desea asociarse con una entidad "
           "con experiencia."),
    ],
}  # fmt: skip
CALL_CONTEXTS = [
    tr("Ce projet s'inscrit dans la stratégie internationale {of_authority} ({place}).",
       "This project is part of the international strategy {of_authority} ({place}).",
       "Este proyecto forma parte de la estrategia internacional {of_authority} ({place})."),
    tr("Le projet répond à un besoin identifié avec les habitants et les services techniques "
       "{of_authority}.",
       "The project meets a need identified with the residents and technical services "
       "{of_authority}.",
       "El proyecto responde a una necesidad identificada con los habitantes y los servicios "
       "técnicos {of_authority}."),
]  # fmt: skip
CALL_OBJECTIVES_INTRO = tr("Objectifs :", "Objectives:", "Objetivos:")
CALL_OBJECTIVES = [
    tr("réaliser un diagnostic partagé", "carry out a joint assessment",
       "realizar un diagnóstico compartido"),
    tr("former les agents des services concernés", "train the staff of the services concerned",
       "formar al personal de los servicios implicados"),
    tr("organiser des missions croisées d'élus et de techniciens",
       "organise reciprocal missions of elected officials and technical staff",
       "organizar misiones cruzadas de cargos electos y técnicos"),
    tr("équiper les services concernés", "equip the services concerned",
       "equipar los servicios implicados"),
    tr("évaluer les résultats avec les habitants", "evaluate the results with residents",
       "evaluar los resultados con los habitantes"),
    tr("documenter la démarche pour la reproduire", "document the approach so it can be repeated",
       "documentar el proceso para poder replicarlo"),
    tr("associer les associations locales et la diaspora",
       "involve local associations and the diaspora",
       "implicar a las asociaciones locales y a la diáspora"),
    tr("rechercher des cofinancements complémentaires", "seek additional co-financing",
       "buscar cofinanciación complementaria"),
]  # fmt: skip
CALL_BUDGET = tr(
    "Budget prévisionnel : {budget} €, dont {cofinancing} € de cofinancement recherché.",
    "Estimated budget: €{budget}, including €{cofinancing} of co-financing sought.",
    "Presupuesto estimado: {budget} €, de los cuales se buscan {cofinancing} € de cofinanciación.",
)
CALL_BUDGET_ONLY = tr(
    "Budget prévisionnel : {budget} €, entièrement financé par la collectivité.",
    "Estimated budget: €{budget}, fully funded by the authority.",
    "Presupuesto estimado: {budget} €, financiado íntegramente por la entidad.",
)
