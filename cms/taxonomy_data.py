"""The starting taxonomy (DESIGN.md), in the five languages of the portal.

Editors extend it in the admin; this is only what a new portal starts with.
Each theme: slug, the SDGs it serves, its names by language, and its action domains
(slug and names by language).
"""

THEMES = [
    {
        "slug": "governance",
        "sdgs": [11, 16, 17],
        "names": {
            "fr": "Gouvernance locale et décentralisation",
            "en": "Local governance and decentralisation",
            "es": "Gobernanza local y descentralización",
            "pt": "Governança local e descentralização",
            "ar": "الحوكمة المحلية واللامركزية",
        },
        "domains": [],
    },
    {
        "slug": "water-sanitation",
        "sdgs": [6],
        "names": {
            "fr": "Eau et assainissement",
            "en": "Water and sanitation",
            "es": "Agua y saneamiento",
            "pt": "Água e saneamento",
            "ar": "المياه والصرف الصحي",
        },
        "domains": [],
    },
    {
        "slug": "environment-climate-energy",
        "sdgs": [7, 13, 14, 15],
        "names": {
            "fr": "Environnement, climat et énergie",
            "en": "Environment, climate and energy",
            "es": "Medio ambiente, clima y energía",
            "pt": "Ambiente, clima e energia",
            "ar": "البيئة والمناخ والطاقة",
        },
        "domains": [],
    },
    {
        "slug": "agriculture-food",
        "sdgs": [2, 12],
        "names": {
            "fr": "Agriculture, sécurité alimentaire et nutrition",
            "en": "Agriculture, food security and nutrition",
            "es": "Agricultura, seguridad alimentaria y nutrición",
            "pt": "Agricultura, segurança alimentar e nutrição",
            "ar": "الزراعة والأمن الغذائي والتغذية",
        },
        "domains": [],
    },
    {
        "slug": "health",
        "sdgs": [3],
        "names": {
            "fr": "Santé",
            "en": "Health",
            "es": "Salud",
            "pt": "Saúde",
            "ar": "الصحة",
        },
        "domains": [],
    },
    {
        "slug": "education-training",
        "sdgs": [4],
        "names": {
            "fr": "Éducation, formation professionnelle et enseignement supérieur",
            "en": "Education, vocational training and higher education",
            "es": "Educación, formación profesional y enseñanza superior",
            "pt": "Educação, formação profissional e ensino superior",
            "ar": "التعليم والتكوين المهني والتعليم العالي",
        },
        "domains": [],
    },
    {
        "slug": "economic-development-tourism",
        "sdgs": [1, 8, 12],
        "names": {
            "fr": "Développement économique local et tourisme responsable",
            "en": "Local economic development and responsible tourism",
            "es": "Desarrollo económico local y turismo responsable",
            "pt": "Desenvolvimento económico local e turismo responsável",
            "ar": "التنمية الاقتصادية المحلية والسياحة المسؤولة",
        },
        "domains": [],
    },
    {
        "slug": "culture-heritage",
        "sdgs": [11],
        "names": {
            "fr": "Culture et patrimoine",
            "en": "Culture and heritage",
            "es": "Cultura y patrimonio",
            "pt": "Cultura e património",
            "ar": "الثقافة والتراث",
        },
        "domains": [],
    },
    {
        "slug": "youth-sport",
        "sdgs": [3, 4, 10],
        "names": {
            "fr": "Jeunesse et sport",
            "en": "Youth and sport",
            "es": "Juventud y deporte",
            "pt": "Juventude e desporto",
            "ar": "الشباب والرياضة",
        },
        "domains": [],
    },
    {
        "slug": "gender-equality",
        "sdgs": [5],
        "names": {
            "fr": "Égalité femmes-hommes",
            "en": "Gender equality",
            "es": "Igualdad de género",
            "pt": "Igualdade de género",
            "ar": "المساواة بين الجنسين",
        },
        "domains": [],
    },
    {
        "slug": "inclusive-digital",
        "sdgs": [9, 10],
        "names": {
            "fr": "Numérique inclusif",
            "en": "Inclusive digital",
            "es": "Digital inclusivo",
            "pt": "Digital inclusivo",
            "ar": "الرقمنة الشاملة",
        },
        "domains": [],
    },
    {
        "slug": "urban-planning-mobility",
        "sdgs": [9, 11],
        "names": {
            "fr": "Aménagement urbain, mobilité et services",
            "en": "Urban planning, mobility and services",
            "es": "Planificación urbana, movilidad y servicios",
            "pt": "Planeamento urbano, mobilidade e serviços",
            "ar": "التخطيط العمراني والتنقل والخدمات",
        },
        "domains": [],
    },
    {
        "slug": "migration-codevelopment",
        "sdgs": [10, 17],
        "names": {
            "fr": "Migrations et codéveloppement",
            "en": "Migration and co-development",
            "es": "Migración y codesarrollo",
            "pt": "Migrações e codesenvolvimento",
            "ar": "الهجرة والتنمية المشتركة",
        },
        "domains": [],
    },
    {
        "slug": "crises-humanitarian",
        "sdgs": [1, 11, 16],
        "names": {
            "fr": "Crises, fragilités et aide humanitaire",
            "en": "Crises, fragility and humanitarian aid",
            "es": "Crisis, fragilidad y ayuda humanitaria",
            "pt": "Crises, fragilidade e ajuda humanitária",
            "ar": "الأزمات والهشاشة والمساعدات الإنسانية",
        },
        "domains": [],
    },
]
