"""Fake contacts for the demo: plausible names per country, example.org addresses.

Nobody here is real. Emails use example.org (reserved for documentation, RFC 2606);
French phone numbers use the 01 99 00 block ARCEP reserves for fiction, foreign ones
start with 0 after the country code, which no numbering plan dials.
"""

import unicodedata

FIRST_NAMES = {
    "fr": ["Camille", "Claire", "Julien", "Thomas", "Nathalie", "Sophie", "Pierre", "Isabelle",
           "Nicolas", "Émilie", "Laurent", "Sandrine", "Mathieu", "Aurélie", "Olivier", "Céline",
           "Karim", "Nadia", "Yannick", "Hélène"],
    "west_africa": ["Aminata", "Fatou", "Moussa", "Ibrahima", "Awa", "Mamadou", "Ousmane",
                    "Mariama", "Adama", "Boubacar", "Aïssatou", "Souleymane", "Kadiatou",
                    "Seydou", "Rokia", "Pascaline", "Romuald"],
    "central_africa": ["Jean-Pierre", "Brigitte", "Emmanuel", "Esther", "Paul", "Solange",
                       "Hervé", "Chantal", "Serge", "Pauline", "Alain", "Rose"],
    "maghreb": ["Youssef", "Fatima Zahra", "Karim", "Leïla", "Mehdi", "Salma", "Hamza", "Nadia",
                "Omar", "Imane", "Sami", "Amira", "Rachid", "Sonia"],
    "levant": ["Rania", "Georges", "Nour", "Ziad", "Maya", "Khalil", "Lina", "Fadi", "Rima",
               "Samir", "Hala", "Tarek"],
    "madagascar": ["Hery", "Voahangy", "Rivo", "Lalao", "Tahina", "Miora", "Fara", "Andry",
                   "Nirina", "Haja"],
    "vietnam": ["Văn Minh", "Thị Lan", "Văn Thanh", "Thị Hoa", "Anh Tuấn", "Thị Mai",
                "Văn Hùng", "Thùy Linh", "Tiến Dũng", "Thu Hương"],
    "cambodia": ["Dara", "Sophea", "Vannak", "Sreymom", "Rithy", "Chantha", "Bopha", "Sokha"],
    "haiti": ["Jean-Robert", "Marie-Carmelle", "Wilner", "Nadège", "Frantz", "Guerline",
              "Jacques", "Roseline", "Stéphanie", "Ronald"],
    "lusophone": ["Ana", "João", "Mariana", "Lucas", "Beatriz", "Rafael", "Juliana", "Gabriel",
                  "Fernanda", "Pedro"],
    "hispanic": ["María", "José", "Carmen", "Javier", "Lucía", "Diego", "Valentina", "Andrés",
                 "Paula", "Sergio", "Camila", "Alejandro"],
    "armenia": ["Anahit", "Aram", "Lusine", "Armen", "Nare", "Tigran", "Gayane", "Hayk"],
    "quebec": ["Geneviève", "Mathieu", "Isabelle", "Maxime", "Catherine", "François",
               "Marie-Ève", "Sébastien"],
    "german": ["Anna", "Lukas", "Katharina", "Jonas", "Sabine", "Michael", "Julia", "Stefan",
               "Laura", "Tobias"],
    "italian": ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara",
                "Matteo", "Elena", "Davide"],
    "polish": ["Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka",
               "Michał"],
    "japanese": ["Yuki", "Haruto", "Aiko", "Kenji", "Sakura", "Takeshi", "Naomi", "Hiroshi",
                 "Emi", "Daisuke"],
    "international": ["Sarah", "David", "Emma", "Daniel", "Olivia", "James", "Sofia", "Adam",
                      "Nina", "Leo", "Maria", "Ivan"],
}  # fmt: skip

LAST_NAMES = {
    "fr": ["Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon",
           "Michel", "Roux", "Fournier", "Girard", "Bonnet", "Mercier", "Lambert", "Faure",
           "Rousseau", "Blanc", "Guérin", "Chevalier", "Perrin", "Benali", "Le Gall", "Nguyen"],
    "west_africa": ["Diop", "Ndiaye", "Traoré", "Coulibaly", "Diallo", "Ouédraogo", "Sawadogo",
                    "Keïta", "Sow", "Fall", "Konaté", "Kaboré", "Zongo", "Houngbédji", "Adjovi",
                    "Dossou", "Cissé", "Sanogo"],
    "central_africa": ["Mbarga", "Nkoulou", "Fotso", "Tchoupo", "Ngono", "Essomba", "Kamga",
                       "Mballa", "Ondoua", "Atangana", "Tchakounté"],
    "maghreb": ["Benali", "El Amrani", "Bennani", "Alaoui", "Trabelsi", "Ben Salah", "Chaabane",
                "Bouzid", "Haddad", "Mansouri", "Tazi", "Jaziri"],
    "levant": ["Haddad", "Khoury", "Saad", "Nassar", "Abou Jaoudé", "Salameh", "Hamdan", "Karam",
               "Awad", "Barakat", "Qassem", "Shahin"],
    "madagascar": ["Rakotomalala", "Randriamampionona", "Rasoanaivo", "Andrianarisoa",
                   "Razafindrakoto", "Rakotondrabe", "Ravelomanana", "Randrianarivelo"],
    "vietnam": ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Phan"],
    "cambodia": ["Sok", "Chea", "Kim", "Heng", "Meas", "Ly", "Chan", "Prak", "Keo", "Ouk"],
    "haiti": ["Joseph", "Pierre-Louis", "Jean-Baptiste", "Alexis", "Saint-Fleur", "Dorsainvil",
              "Célestin", "Augustin", "Étienne"],
    "lusophone": ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues",
                  "Almeida", "Nascimento", "Carvalho", "Ferreira"],
    "hispanic": ["González", "Rodríguez", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
                 "Muñoz", "Rojas", "Díaz", "Soto", "Morales"],
    "armenia": ["Petrosyan", "Grigoryan", "Hovhannisyan", "Sargsyan", "Harutyunyan",
                "Karapetyan", "Avetisyan", "Mkrtchyan"],
    "quebec": ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
               "Fortin", "Gagné"],
    "german": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
               "Hoffmann", "Schulz"],
    "italian": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
                "Marino", "Greco"],
    "polish": ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król",
               "Wieczorek", "Michalak"],
    "japanese": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto",
                 "Nakamura", "Kobayashi", "Kato"],
    "international": ["Smith", "Novak", "Horvat", "Popescu", "Ivanova", "Jansen", "Peeters",
                      "Murphy", "Papadopoulos", "Kovács", "Svoboda", "Silva"],
}  # fmt: skip

NAME_GROUP_OF_COUNTRY = {
    **dict.fromkeys(["FR", "GP", "MQ", "GF", "RE", "YT", "BE", "LU", "CH"], "fr"),
    **dict.fromkeys(["SN", "ML", "BF", "BJ", "CI", "NE", "TG", "GN", "MR"], "west_africa"),
    **dict.fromkeys(["CM", "CG", "CD", "GA", "TD", "RW"], "central_africa"),
    **dict.fromkeys(["MA", "TN", "DZ", "DJ", "KM"], "maghreb"),
    **dict.fromkeys(["LB", "PS", "JO", "EG"], "levant"),
    "MG": "madagascar", "VN": "vietnam", "KH": "cambodia", "HT": "haiti", "AM": "armenia",
    "CA": "quebec", "DE": "german", "AT": "german", "IT": "italian", "PL": "polish",
    "JP": "japanese",
    **dict.fromkeys(["BR", "PT", "CV", "MZ"], "lusophone"),
    **dict.fromkeys(["ES", "CL", "CO", "MX", "PE", "BO", "EC", "AR", "UY", "NI", "DO"], "hispanic"),
}  # fmt: skip

# Family name first, as people write it there.
FAMILY_NAME_FIRST = {"vietnam", "cambodia"}


def person_name(rng, country):
    group = NAME_GROUP_OF_COUNTRY.get(country, "international")
    first, last = rng.choice(FIRST_NAMES[group]), rng.choice(LAST_NAMES[group])
    return (last, first) if group in FAMILY_NAME_FIRST else (first, last)


def ascii_label(text):
    """ "Émilie Le Gall" -> "emilie-le-gall": safe in an email local part or a host name."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    folded = folded.encode("ascii", "ignore").decode().lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def email_address(name_parts, domain):
    local = ".".join(ascii_label(part) for part in name_parts)
    return f"{local}@{domain}"


def phone_number(rng, country, calling_code):
    if country == "FR":
        return f"+33 1 99 00 {rng.randrange(100):02d} {rng.randrange(100):02d}"
    digits = f"{rng.randrange(10**7):07d}"
    return f"+{calling_code} 0{digits[:2]} {digits[2:4]} {digits[4:]}"
