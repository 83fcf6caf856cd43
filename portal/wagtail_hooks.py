"""The portal's additions to the Wagtail admin: none of its own; each feature registers its
parts in its package's wagtail_hooks.py (portal/interest, portal/alerts,
portal/representatives)."""
