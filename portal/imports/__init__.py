"""Bring existing data in: fiches, their cooperations and foreign actors from spreadsheets.

One engine (``engine.run_import``), two ways in: the Wagtail admin screen (upload → preview
→ confirm, ``views``) and ``manage.py import_fiches``. The template is the public export's
columns plus what an import needs (``columns``); files are read as streams (``readers``).
"""
