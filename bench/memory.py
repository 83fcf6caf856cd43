"""``python -m bench.memory``: a worker's memory after serving every page type and the map.

In one process set up as a gunicorn worker is (the portal's WSGI application, DEBUG off,
``DATABASE_URL``/``REDIS_URL``), Django's test client asks for the home page, both
directories, a fiche (with its suggestions), a call, a country, a theme, the news, a search,
the map page and the map widget's GraphQL answer (cold), then prints the resident memory
(``VmRSS``) before and after, and the peak (``VmHWM``). The issue's bound: 250 MB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench15k python -m bench.memory
"""

import json
import sys

from bench import cli


def memory():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return {name: int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM")}


def main(argv=None):
    cli.setup(argv)
    from django.core.cache import cache
    from django.test import Client

    from bench.measures import fiche_with_open_call, sample_pages
    from cms.models import NewsPage, PartnershipCallPage
    from portal.map import OPERATION_NAME, operation_document

    cache.clear()
    start = memory()
    client = Client()
    fiche = fiche_with_open_call()
    urls = [
        "/fr/",
        "/fr/fiches/",
        "/fr/fiches/appels/",
        fiche.url,
        sample_pages(PartnershipCallPage).url,
        "/fr/fiches/pays/sn/",
        "/fr/fiches/themes/water-sanitation/",
        "/fr/actualites/",
        sample_pages(NewsPage).url,
        "/fr/recherche/?q=eau",
        "/fr/carte/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    body = json.dumps(
        {
            "query": operation_document(),
            "operationName": OPERATION_NAME,
            "variables": {"locale": "fr"},
        }
    )
    for encoding in ("gzip", "identity"):
        response = client.post(
            "/graphql/", body, content_type="application/json", HTTP_ACCEPT_ENCODING=encoding
        )
        assert response.status_code == 200
    end = memory()
    sys.stdout.write(
        f"resident memory: {start['VmRSS']:.0f} MB set up, {end['VmRSS']:.0f} MB after "
        f"{len(urls)} page types and the map widget's answer; peak {end['VmHWM']:.0f} MB\n"
    )


if __name__ == "__main__":
    main()
