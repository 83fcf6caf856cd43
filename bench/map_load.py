"""The map under load: the widget's payload size and the time until its markers show.

    python -m bench.map_load --authorities 15000 --runs 3

Uses the same scratch database as ``python -m bench`` (``DATABASE_URL``, default
``var/bench.sqlite3``, seeded with ``seed_demo --authorities N`` unless it already holds N
fiches), serves it with ``manage.py runserver --noreload`` on a free loopback port for the
duration of the run, then:

- posts the widget's operation (graphql/map.graphql) as the page does, and prints the
  ``mapFeatures`` GeoJSON and the whole HTTP answer, raw and gzipped, with bytes per point;
- opens ``/fr/carte/`` in headless Chromium (Debian's, or ``CHROMIUM_PATH``) and reads the
  time from navigation start to the widget's ``map:markers-shown`` mark. The first run finds
  the server's payload cache cold; the others are warm (each run has a fresh browser cache).
"""

import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import cli

ROOT = Path(__file__).resolve().parent.parent
MAP_PATH = "/fr/carte/"
READY = "[data-map-widget][data-state=ready]"
SERVER_START_TIMEOUT = 90
PAGE_TIMEOUT_MS = 180_000


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``manage.py runserver`` on a loopback port, stopped when the block ends."""

    def __init__(self):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        env = {**os.environ, "DEBUG": "1"}  # DEBUG serves the static files from the finders
        env.pop("DJANGO_SETTINGS_MODULE", None)
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("runserver stopped before answering")
            try:
                with urllib.request.urlopen(f"{self.base}/robots.txt", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit(f"runserver did not answer within {SERVER_START_TIMEOUT} s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def widget_request(base):
    """The operation exactly as the widget posts it; returns the raw HTTP body."""
    from portal.map import OPERATION_NAME, operation_document

    body = json.dumps(
        {
            "query": operation_document(),
            "operationName": OPERATION_NAME,
            "variables": {"locale": "fr"},
        }
    ).encode()
    request = urllib.request.Request(
        f"{base}/graphql/",
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def payload_figures(raw):
    data = json.loads(raw)["data"]
    geojson = data["mapFeatures"].encode()
    points = len(json.loads(geojson)["features"])
    rows = []
    for name, content in (("mapFeatures GeoJSON", geojson), ("HTTP answer (whole)", raw)):
        zipped = len(gzip.compress(content, compresslevel=6))
        rows.append((name, len(content), zipped, len(content) / points, zipped / points))
    return points, rows


def markers_shown_ms(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{base}{MAP_PATH}")
        page.wait_for_selector(READY, timeout=PAGE_TIMEOUT_MS)
        return page.evaluate(
            "performance.getEntriesByName('map:markers-shown')[0].startTime"
        ), page.evaluate(
            "performance.getEntriesByType('resource')"
            ".filter(e => e.name.endsWith('/graphql/'))[0].responseEnd"
        )
    finally:
        context.close()


def browser_timings(base, runs, out):
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        out.write("No Chromium (apt-get install chromium, or set CHROMIUM_PATH): timing skipped.\n")
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            return [markers_shown_ms(browser, base) for _ in range(runs)]
        finally:
            browser.close()


def run(runs, out):
    """The measures, on the database Django is set up with."""
    from cms.models import AuthorityPage

    fiches = AuthorityPage.objects.filter(live=True).count()
    with Server() as server:
        points, rows = payload_figures(widget_request(server.base))
        timings = browser_timings(server.base, runs, out)
    out.write(f"\nMap widget: {points:,} points ({fiches:,} live fiche pages, all languages)\n\n")
    out.write(f"{'payload':<22}{'raw bytes':>12}{'gzip bytes':>12}{'raw/pt':>9}{'gzip/pt':>9}\n")
    for name, raw, zipped, raw_pt, zipped_pt in rows:
        out.write(f"{name:<22}{raw:>12,}{zipped:>12,}{raw_pt:>9.1f}{zipped_pt:>9.1f}\n")
    if timings:
        shown = [t[0] for t in timings]
        data = [t[1] for t in timings]
        out.write(
            f"\n{MAP_PATH} in headless Chromium, navigation start to markers shown "
            f"(data received):\n"
            f"  first run (server cache cold): {shown[0]:,.0f} ms ({data[0]:,.0f} ms)\n"
        )
        if len(shown) > 1:
            out.write(
                f"  warm, median of {len(shown) - 1}: {statistics.median(shown[1:]):,.0f} ms "
                f"({statistics.median(data[1:]):,.0f} ms)\n"
            )
    out.flush()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.map_load", description=__doc__)
    parser.add_argument("--authorities", type=int, default=15000)
    parser.add_argument("--runs", type=int, default=3, help="page loads (default 3)")
    args = parser.parse_args(argv)
    if args.authorities < 1 or args.runs < 1:
        parser.error("--authorities and --runs must be at least 1")
    os.environ.setdefault("DATABASE_URL", cli.DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from bench import database

    state = database.prepare(args.authorities, sys.stdout)
    sys.stdout.write(f"Database: {state}\n")
    run(args.runs, sys.stdout)


if __name__ == "__main__":
    main()
