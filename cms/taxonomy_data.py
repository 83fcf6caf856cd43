"""The starting taxonomy (themes and their action domains), in the five languages of the portal.

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
        "domains": [
            {
                "slug": "local-public-finance",
                "names": {
                    "fr": "Gestion publique et finances locales",
                    "en": "Local public management and finance",
                    "es": "Gestión pública y finanzas locales",
                    "pt": "Gestão pública e finanças locais",
                    "ar": "الإدارة العمومية والمالية المحلية",
                },
            },
            {
                "slug": "civil-registration",
                "names": {
                    "fr": "État civil",
                    "en": "Civil registration",
                    "es": "Registro civil",
                    "pt": "Registo civil",
                    "ar": "الحالة المدنية",
                },
            },
            {
                "slug": "citizen-participation",
                "names": {
                    "fr": "Participation citoyenne et démocratie locale",
                    "en": "Citizen participation and local democracy",
                    "es": "Participación ciudadana y democracia local",
                    "pt": "Participação cidadã e democracia local",
                    "ar": "المشاركة المواطنة والديمقراطية المحلية",
                },
            },
            {
                "slug": "local-capacity-building",
                "names": {
                    "fr": "Renforcement des capacités des élus et des agents",
                    "en": "Capacity building for elected officials and staff",
                    "es": "Fortalecimiento de capacidades de cargos electos y personal",
                    "pt": "Reforço de capacidades de eleitos e funcionários",
                    "ar": "تعزيز قدرات المنتخبين والموظفين",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "drinking-water",
                "names": {
                    "fr": "Accès à l'eau potable",
                    "en": "Access to drinking water",
                    "es": "Acceso al agua potable",
                    "pt": "Acesso à água potável",
                    "ar": "الحصول على مياه الشرب",
                },
            },
            {
                "slug": "sanitation-wastewater",
                "names": {
                    "fr": "Assainissement et eaux usées",
                    "en": "Sanitation and wastewater",
                    "es": "Saneamiento y aguas residuales",
                    "pt": "Saneamento e águas residuais",
                    "ar": "الصرف الصحي والمياه المستعملة",
                },
            },
            {
                "slug": "water-resources-management",
                "names": {
                    "fr": "Gestion intégrée des ressources en eau",
                    "en": "Integrated water resources management",
                    "es": "Gestión integrada de los recursos hídricos",
                    "pt": "Gestão integrada dos recursos hídricos",
                    "ar": "الإدارة المتكاملة للموارد المائية",
                },
            },
            {
                "slug": "water-services-governance",
                "names": {
                    "fr": "Gouvernance des services d'eau et d'assainissement",
                    "en": "Governance of water and sanitation services",
                    "es": "Gobernanza de los servicios de agua y saneamiento",
                    "pt": "Governança dos serviços de água e saneamento",
                    "ar": "حوكمة خدمات المياه والصرف الصحي",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "waste-circular-economy",
                "names": {
                    "fr": "Gestion des déchets et économie circulaire",
                    "en": "Waste management and circular economy",
                    "es": "Gestión de residuos y economía circular",
                    "pt": "Gestão de resíduos e economia circular",
                    "ar": "إدارة النفايات والاقتصاد الدائري",
                },
            },
            {
                "slug": "renewable-energy",
                "names": {
                    "fr": "Énergies renouvelables et efficacité énergétique",
                    "en": "Renewable energy and energy efficiency",
                    "es": "Energías renovables y eficiencia energética",
                    "pt": "Energias renováveis e eficiência energética",
                    "ar": "الطاقات المتجددة والنجاعة الطاقية",
                },
            },
            {
                "slug": "climate-adaptation",
                "names": {
                    "fr": "Adaptation au changement climatique",
                    "en": "Climate change adaptation",
                    "es": "Adaptación al cambio climático",
                    "pt": "Adaptação às alterações climáticas",
                    "ar": "التكيف مع تغير المناخ",
                },
            },
            {
                "slug": "biodiversity",
                "names": {
                    "fr": "Biodiversité et espaces naturels",
                    "en": "Biodiversity and natural areas",
                    "es": "Biodiversidad y espacios naturales",
                    "pt": "Biodiversidade e espaços naturais",
                    "ar": "التنوع البيولوجي والمناطق الطبيعية",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "family-farming-agroecology",
                "names": {
                    "fr": "Agriculture familiale et agroécologie",
                    "en": "Family farming and agroecology",
                    "es": "Agricultura familiar y agroecología",
                    "pt": "Agricultura familiar e agroecologia",
                    "ar": "الزراعة الأسرية والزراعة الإيكولوجية",
                },
            },
            {
                "slug": "local-food-systems",
                "names": {
                    "fr": "Systèmes alimentaires territoriaux",
                    "en": "Local food systems",
                    "es": "Sistemas alimentarios territoriales",
                    "pt": "Sistemas alimentares territoriais",
                    "ar": "النظم الغذائية المحلية",
                },
            },
            {
                "slug": "nutrition-school-meals",
                "names": {
                    "fr": "Nutrition et restauration scolaire",
                    "en": "Nutrition and school meals",
                    "es": "Nutrición y comedores escolares",
                    "pt": "Nutrição e alimentação escolar",
                    "ar": "التغذية والإطعام المدرسي",
                },
            },
            {
                "slug": "agricultural-value-chains",
                "names": {
                    "fr": "Filières agricoles et marchés",
                    "en": "Agricultural value chains and markets",
                    "es": "Cadenas de valor agrícolas y mercados",
                    "pt": "Cadeias de valor agrícolas e mercados",
                    "ar": "سلاسل القيمة الزراعية والأسواق",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "primary-health-care",
                "names": {
                    "fr": "Soins de santé primaires",
                    "en": "Primary health care",
                    "es": "Atención primaria de salud",
                    "pt": "Cuidados de saúde primários",
                    "ar": "الرعاية الصحية الأولية",
                },
            },
            {
                "slug": "maternal-child-health",
                "names": {
                    "fr": "Santé maternelle et infantile",
                    "en": "Maternal and child health",
                    "es": "Salud materno-infantil",
                    "pt": "Saúde materno-infantil",
                    "ar": "صحة الأم والطفل",
                },
            },
            {
                "slug": "hospital-cooperation",
                "names": {
                    "fr": "Coopération hospitalière",
                    "en": "Hospital cooperation",
                    "es": "Cooperación hospitalaria",
                    "pt": "Cooperação hospitalar",
                    "ar": "التعاون الاستشفائي",
                },
            },
            {
                "slug": "health-prevention",
                "names": {
                    "fr": "Prévention et promotion de la santé",
                    "en": "Prevention and health promotion",
                    "es": "Prevención y promoción de la salud",
                    "pt": "Prevenção e promoção da saúde",
                    "ar": "الوقاية وتعزيز الصحة",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "basic-education",
                "names": {
                    "fr": "Éducation de base et équipements scolaires",
                    "en": "Basic education and school facilities",
                    "es": "Educación básica e infraestructuras escolares",
                    "pt": "Educação básica e equipamentos escolares",
                    "ar": "التعليم الأساسي والتجهيزات المدرسية",
                },
            },
            {
                "slug": "vocational-training",
                "names": {
                    "fr": "Formation professionnelle et insertion",
                    "en": "Vocational training and employability",
                    "es": "Formación profesional e inserción laboral",
                    "pt": "Formação profissional e inserção",
                    "ar": "التكوين المهني والإدماج",
                },
            },
            {
                "slug": "higher-education-research",
                "names": {
                    "fr": "Enseignement supérieur et recherche",
                    "en": "Higher education and research",
                    "es": "Enseñanza superior e investigación",
                    "pt": "Ensino superior e investigação",
                    "ar": "التعليم العالي والبحث العلمي",
                },
            },
            {
                "slug": "languages-francophonie",
                "names": {
                    "fr": "Francophonie et apprentissage des langues",
                    "en": "French-speaking world and language learning",
                    "es": "Francofonía y aprendizaje de idiomas",
                    "pt": "Francofonia e aprendizagem de línguas",
                    "ar": "الفرنكوفونية وتعلم اللغات",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "entrepreneurship",
                "names": {
                    "fr": "Développement économique local et entrepreneuriat",
                    "en": "Local economic development and entrepreneurship",
                    "es": "Desarrollo económico local y emprendimiento",
                    "pt": "Desenvolvimento económico local e empreendedorismo",
                    "ar": "التنمية الاقتصادية المحلية وريادة الأعمال",
                },
            },
            {
                "slug": "responsible-tourism",
                "names": {
                    "fr": "Tourisme responsable et solidaire",
                    "en": "Responsible and fair tourism",
                    "es": "Turismo responsable y solidario",
                    "pt": "Turismo responsável e solidário",
                    "ar": "السياحة المسؤولة والتضامنية",
                },
            },
            {
                "slug": "social-solidarity-economy",
                "names": {
                    "fr": "Économie sociale et solidaire",
                    "en": "Social and solidarity economy",
                    "es": "Economía social y solidaria",
                    "pt": "Economia social e solidária",
                    "ar": "الاقتصاد الاجتماعي والتضامني",
                },
            },
            {
                "slug": "crafts-local-markets",
                "names": {
                    "fr": "Artisanat, commerce et marchés locaux",
                    "en": "Crafts, trade and local markets",
                    "es": "Artesanía, comercio y mercados locales",
                    "pt": "Artesanato, comércio e mercados locais",
                    "ar": "الصناعة التقليدية والتجارة والأسواق المحلية",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "built-heritage",
                "names": {
                    "fr": "Patrimoine bâti et historique",
                    "en": "Built and historic heritage",
                    "es": "Patrimonio construido e histórico",
                    "pt": "Património edificado e histórico",
                    "ar": "التراث المعماري والتاريخي",
                },
            },
            {
                "slug": "cultural-exchanges",
                "names": {
                    "fr": "Échanges artistiques et culturels",
                    "en": "Artistic and cultural exchanges",
                    "es": "Intercambios artísticos y culturales",
                    "pt": "Intercâmbios artísticos e culturais",
                    "ar": "التبادل الفني والثقافي",
                },
            },
            {
                "slug": "libraries-reading",
                "names": {
                    "fr": "Lecture publique et bibliothèques",
                    "en": "Public reading and libraries",
                    "es": "Lectura pública y bibliotecas",
                    "pt": "Leitura pública e bibliotecas",
                    "ar": "المطالعة العمومية والمكتبات",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "youth-mobility",
                "names": {
                    "fr": "Mobilité internationale des jeunes",
                    "en": "International youth mobility",
                    "es": "Movilidad internacional de los jóvenes",
                    "pt": "Mobilidade internacional dos jovens",
                    "ar": "التنقل الدولي للشباب",
                },
            },
            {
                "slug": "sport-for-development",
                "names": {
                    "fr": "Sport et développement",
                    "en": "Sport for development",
                    "es": "Deporte para el desarrollo",
                    "pt": "Desporto para o desenvolvimento",
                    "ar": "الرياضة من أجل التنمية",
                },
            },
            {
                "slug": "youth-engagement",
                "names": {
                    "fr": "Engagement et volontariat des jeunes",
                    "en": "Youth engagement and volunteering",
                    "es": "Compromiso y voluntariado juvenil",
                    "pt": "Envolvimento e voluntariado jovem",
                    "ar": "مشاركة الشباب والتطوع",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "women-economic-empowerment",
                "names": {
                    "fr": "Autonomisation économique des femmes",
                    "en": "Women's economic empowerment",
                    "es": "Empoderamiento económico de las mujeres",
                    "pt": "Empoderamento económico das mulheres",
                    "ar": "التمكين الاقتصادي للنساء",
                },
            },
            {
                "slug": "violence-against-women",
                "names": {
                    "fr": "Lutte contre les violences faites aux femmes",
                    "en": "Ending violence against women",
                    "es": "Lucha contra la violencia hacia las mujeres",
                    "pt": "Combate à violência contra as mulheres",
                    "ar": "مكافحة العنف ضد النساء",
                },
            },
            {
                "slug": "women-local-public-life",
                "names": {
                    "fr": "Participation des femmes à la vie publique locale",
                    "en": "Women's participation in local public life",
                    "es": "Participación de las mujeres en la vida pública local",
                    "pt": "Participação das mulheres na vida pública local",
                    "ar": "مشاركة النساء في الحياة العامة المحلية",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "digital-administration",
                "names": {
                    "fr": "Administration numérique et services en ligne",
                    "en": "Digital administration and online services",
                    "es": "Administración digital y servicios en línea",
                    "pt": "Administração digital e serviços em linha",
                    "ar": "الإدارة الرقمية والخدمات عبر الإنترنت",
                },
            },
            {
                "slug": "digital-inclusion",
                "names": {
                    "fr": "Inclusion et médiation numériques",
                    "en": "Digital inclusion and support",
                    "es": "Inclusión y mediación digitales",
                    "pt": "Inclusão e mediação digitais",
                    "ar": "الإدماج الرقمي والمواكبة الرقمية",
                },
            },
            {
                "slug": "open-data-information-systems",
                "names": {
                    "fr": "Données ouvertes et systèmes d'information territoriaux",
                    "en": "Open data and local information systems",
                    "es": "Datos abiertos y sistemas de información territorial",
                    "pt": "Dados abertos e sistemas de informação territorial",
                    "ar": "البيانات المفتوحة ونظم المعلومات المحلية",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "urban-planning-land",
                "names": {
                    "fr": "Planification urbaine et foncier",
                    "en": "Urban planning and land management",
                    "es": "Planificación urbana y gestión del suelo",
                    "pt": "Planeamento urbano e gestão fundiária",
                    "ar": "التخطيط العمراني والعقار",
                },
            },
            {
                "slug": "urban-mobility",
                "names": {
                    "fr": "Mobilité et transports urbains",
                    "en": "Urban mobility and transport",
                    "es": "Movilidad y transporte urbano",
                    "pt": "Mobilidade e transportes urbanos",
                    "ar": "التنقل والنقل الحضري",
                },
            },
            {
                "slug": "housing-informal-settlements",
                "names": {
                    "fr": "Habitat et quartiers précaires",
                    "en": "Housing and informal settlements",
                    "es": "Vivienda y asentamientos precarios",
                    "pt": "Habitação e bairros precários",
                    "ar": "السكن والأحياء غير المنظمة",
                },
            },
            {
                "slug": "basic-urban-services",
                "names": {
                    "fr": "Services urbains de base et éclairage public",
                    "en": "Basic urban services and street lighting",
                    "es": "Servicios urbanos básicos y alumbrado público",
                    "pt": "Serviços urbanos básicos e iluminação pública",
                    "ar": "الخدمات الحضرية الأساسية والإنارة العمومية",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "diaspora-engagement",
                "names": {
                    "fr": "Mobilisation des diasporas",
                    "en": "Diaspora engagement",
                    "es": "Movilización de las diásporas",
                    "pt": "Mobilização das diásporas",
                    "ar": "تعبئة الجاليات في المهجر",
                },
            },
            {
                "slug": "migrant-reception-integration",
                "names": {
                    "fr": "Accueil et intégration des personnes migrantes",
                    "en": "Reception and integration of migrants",
                    "es": "Acogida e integración de las personas migrantes",
                    "pt": "Acolhimento e integração de pessoas migrantes",
                    "ar": "استقبال المهاجرين وإدماجهم",
                },
            },
            {
                "slug": "codevelopment-projects",
                "names": {
                    "fr": "Projets de codéveloppement",
                    "en": "Co-development projects",
                    "es": "Proyectos de codesarrollo",
                    "pt": "Projetos de codesenvolvimento",
                    "ar": "مشاريع التنمية المشتركة",
                },
            },
        ],
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
        "domains": [
            {
                "slug": "disaster-risk-reduction",
                "names": {
                    "fr": "Prévention et réduction des risques de catastrophe",
                    "en": "Disaster risk prevention and reduction",
                    "es": "Prevención y reducción del riesgo de desastres",
                    "pt": "Prevenção e redução do risco de catástrofes",
                    "ar": "الوقاية من مخاطر الكوارث والحد منها",
                },
            },
            {
                "slug": "emergency-reconstruction",
                "names": {
                    "fr": "Réponse d'urgence et reconstruction",
                    "en": "Emergency response and reconstruction",
                    "es": "Respuesta de emergencia y reconstrucción",
                    "pt": "Resposta de emergência e reconstrução",
                    "ar": "الاستجابة للطوارئ وإعادة الإعمار",
                },
            },
            {
                "slug": "fragile-territories-resilience",
                "names": {
                    "fr": "Résilience des territoires fragiles",
                    "en": "Resilience of fragile territories",
                    "es": "Resiliencia de los territorios frágiles",
                    "pt": "Resiliência dos territórios frágeis",
                    "ar": "صمود المناطق الهشة",
                },
            },
        ],
    },
]
