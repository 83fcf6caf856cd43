"""``python -m bench.serve``: the portal under load as production serves it.

Starts gunicorn on the loopback (``portal/gunicorn_config.py``, DEBUG off, collected static
files, the page cache on) against ``DATABASE_URL`` (default: a scratch SQLite file,
``var/bench-serve.sqlite3``, seeded with ``--authorities`` fiches when empty) and
``REDIS_URL`` (default: each worker's local memory), then measures requests per second
and the 50th/99th percentile latency of:

- a static file (WhiteNoise, hashed name),
- a cached anonymous page: the home and a fiche (page cache hits),
- an uncached fiche (the same address with a session cookie: rendered every time),
- ``/graphql/``: a 100-item ``authorities`` list (POST).

Each measure is bounded in time (``--duration`` seconds) and connections (``--connections``),
with ``wrk`` when installed (``apt-get install wrk``), else a small Python load generator.
Nothing listens beyond 127.0.0.1; the server is stopped at the end.

    python -m bench.serve --duration 10 --connections 8
    DATABASE_URL=postgres://…/bourse REDIS_URL=redis://127.0.0.1:6379/1 python -m bench.serve
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from portal.gunicorn_config import cores

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
DEFAULT_DATABASE_URL = f"sqlite:///{VAR / 'bench-serve.sqlite3'}"
GRAPHQL_LIST = (
    '{ authorities(locale: "fr", perPage: 100) { items { id title url summary kindLabel '
    "country { code name } objectiveThemes { slug name } openCalls { title url } } "
    "pagination { total } } }"
)
SESSION_COOKIE = "sessionid=bench-no-such-session"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.serve", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measure (10)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (8)")
    parser.add_argument("--threads", type=int, default=2, help="load generator threads (2)")
    parser.add_argument("--port", type=int, default=0, help="loopback port (default: a free one)")
    parser.add_argument("--authorities", type=int, default=200, help="fiches to seed (200)")
    parser.add_argument("--python", action="store_true", help="Python load generator, not wrk")
    args = parser.parse_args(argv)
    if not (1 <= args.duration <= 120 and 1 <= args.connections <= 256):
        parser.error("--duration must be 1–120 s and --connections 1–256")
    args.threads = max(1, min(args.threads, args.connections))
    return args


def environment(port):
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    env.update(
        DEBUG="0",
        SECRET_KEY=env.get("BENCH_SECRET_KEY", "bench-serve-secret-key-only-on-the-loopback-0123"),
        ALLOWED_HOSTS="127.0.0.1",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_COOKIES="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="warning",
        RUN_PERIODIC="0",
    )
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def prepare(env, authorities, out):
    VAR.mkdir(exist_ok=True)
    out.write("Preparing: migrate, bootstrap_portal, seed_demo --if-empty, collectstatic…\n")
    out.flush()
    manage(env, "migrate", "--noinput")
    manage(env, "bootstrap_portal")
    manage(env, "seed_demo", "--authorities", str(authorities), "--if-empty")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def start_server(env, base):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "portal" / "gunicorn_config.py")],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before answering")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz within 180 s")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def fetch(base, path, data=None, headers=None):
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def targets(base):
    """(name, path, method, body, headers) of each measure, checked once before timing."""
    manifest = json.loads((VAR / "static" / "staticfiles.json").read_text())["paths"]
    static = "/static/" + manifest["portal/css/rtl.css"]
    body = json.dumps({"query": GRAPHQL_LIST}).encode()
    _status, _headers, payload = fetch(
        base, "/graphql/", body, {"Content-Type": "application/json"}
    )
    data = json.loads(payload)["data"]["authorities"]
    fiche = data["items"][0]["url"]
    graphql_headers = {"Content-Type": "application/json"}
    return [
        ("static file (WhiteNoise)", static, "GET", None, {}),
        ("home /fr/, page cache hit", "/fr/", "GET", None, {}),
        ("fiche, page cache hit", fiche, "GET", None, {}),
        ("fiche, uncached (session cookie)", fiche, "GET", None, {"Cookie": SESSION_COOKIE}),
        (f"/graphql/ authorities perPage 100 ({len(data['items'])})", "/graphql/", "POST", body,
         graphql_headers),
    ]  # fmt: skip


def warm(base, path, method, body, headers):
    status, response_headers, payload = fetch(
        base, path, body if method == "POST" else None, headers
    )
    assert status == 200, (path, status)
    return response_headers.get("X-Page-Cache", "-"), len(payload)


# --- wrk --------------------------------------------------------------------------------


def lua_script(method, body, headers):
    lines = [f'wrk.method = "{method}"']
    if body is not None:
        lines.append(f"wrk.body = {json.dumps(body.decode())}")
    lines += [f'wrk.headers["{name}"] = "{value}"' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(base, path, method, body, headers, args):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", dir=VAR, delete=False) as script:
        script.write(lua_script(method, body, headers))
    try:
        result = subprocess.run(
            ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
             "--timeout", "10s", "--latency", "-s", script.name, base + path],
            capture_output=True, text=True, timeout=args.duration + 60, check=True,
        )  # fmt: skip
    finally:
        os.unlink(script.name)
    text = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", text).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket_errors = re.search(r"Socket errors: (.*)", text)
    note = []
    if errors:
        note.append(f"{errors.group(1)} non-2xx")
    if socket_errors:
        note.append(f"socket errors: {socket_errors.group(1)}")
    return rps, p50, p99, "; ".join(note)


# --- Python fallback ----------------------------------------------------------------------


def run_python(base, path, method, body, headers, args):
    host, port = base.removeprefix("http://").split(":")
    stop_at = time.monotonic() + args.duration
    latencies, failures, lock = [], [0], threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    note = f"{failures[0]} failed" if failures[0] else ""
    return len(latencies) / elapsed, quantiles[49], quantiles[98], note


def main(argv=None):
    args = parse_args(argv)
    out = sys.stdout
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    env = environment(port)
    prepare(env, args.authorities, out)
    use_wrk = shutil.which("wrk") and not args.python
    server = start_server(env, base)
    try:
        rows = []
        for name, path, method, body, headers in targets(base):
            warm(base, path, method, body, headers)
            cache_state, size = warm(base, path, method, body, headers)
            run = run_wrk if use_wrk else run_python
            rps, p50, p99, note = run(base, path, method, body, headers, args)
            note = "; ".join(
                part for part in (f"{size / 1024:.1f} KB", f"cache {cache_state}", note) if part
            )
            rows.append((name, rps, p50, p99, note))
            out.write(f"  {name}: {rps:,.1f} req/s\n")
            out.flush()
    finally:
        stop_server(server)
    workers = env.get("GUNICORN_WORKERS") or env.get("WEB_CONCURRENCY") or 2 * cores() + 1
    threads = env.get("GUNICORN_THREADS", "2")
    cache = "Redis" if env.get("REDIS_URL") else "local memory per worker"
    out.write(
        f"\ngunicorn {workers} workers x {threads} threads on {cores()} cores; "
        f"database {env['DATABASE_URL'].split('@')[-1]}; cache {cache}; load "
        f"{'wrk' if use_wrk else 'Python'} {args.threads} threads, {args.connections} "
        f"connections, {args.duration} s per measure\n\n"
    )
    width = max(len(row[0]) for row in rows)
    out.write(f"{'measure':<{width}}  {'req/s':>9}  {'p50 ms':>8}  {'p99 ms':>8}  note\n")
    out.write(f"{'-' * width}  {'-' * 9}  {'-' * 8}  {'-' * 8}  {'-' * 20}\n")
    for name, rps, p50, p99, note in rows:
        out.write(f"{name:<{width}}  {rps:>9,.1f}  {p50:>8.1f}  {p99:>8.1f}  {note}\n")
    static_rps = rows[0][1]
    for name, rps, *_rest in rows[1:3]:
        out.write(f"{name}: {rps / static_rps:.2f}x the static file's req/s (goal >= 0.5x)\n")


if __name__ == "__main__":
    main()
