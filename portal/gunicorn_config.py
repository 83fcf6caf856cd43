"""gunicorn's configuration for ``make serve`` (``gunicorn -c portal/gunicorn_config.py``).

Every value comes from the environment, with defaults sized from the machine's cores:
- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``; ``0.0.0.0:8000`` behind a proxy on
  another machine), ``GUNICORN_WORKERS`` (default 2 x cores + 1, or ``WEB_CONCURRENCY``),
  ``GUNICORN_THREADS`` (default 2 per worker: a thread waiting on PostgreSQL or Redis lets
  the other one answer), ``GUNICORN_TIMEOUT`` (30 s), ``GUNICORN_MAX_REQUESTS`` (1,000, with
  jitter: workers are replaced now and then, which bounds any slow memory growth);
- ``RUN_PERIODIC`` (default on): the master starts ``manage.py run_periodic`` beside the
  workers and stops it when it stops, so the periodic jobs run exactly as long as the site.

The application is loaded once in the master (``preload_app``): a configuration error stops
gunicorn before any worker starts, and the workers share its memory.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_on(name, default=True):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = env_int("GUNICORN_WORKERS", env_int("WEB_CONCURRENCY", 2 * cores() + 1))
threads = env_int("GUNICORN_THREADS", 2)
worker_class = "gthread"
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max(1, max_requests // 10) if max_requests else 0
backlog = env_int("GUNICORN_BACKLOG", 2048)
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind a reverse proxy on the same machine: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "bourse-partenariats"
# gunicorn 24+ opens a control socket at one fixed path per user: two servers on one machine
# (a second site, the bench, CI) would fight over it. Off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True

_periodic = None


def when_ready(server):
    """Start the periodic jobs beside the workers (one scheduler per gunicorn master)."""
    global _periodic
    if env_on("RUN_PERIODIC"):
        _periodic = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "run_periodic"])
        server.log.info("Periodic jobs started (pid %s)", _periodic.pid)


def on_exit(server):
    if _periodic is not None and _periodic.poll() is None:
        _periodic.terminate()
        try:
            _periodic.wait(timeout=graceful_timeout)
        except subprocess.TimeoutExpired:
            _periodic.kill()
