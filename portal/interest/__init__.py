"""Manifestations d'intérêt: the public form, its emails and its abuse limits."""
