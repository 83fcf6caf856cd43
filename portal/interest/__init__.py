"""Manifestations d'intérêt: the public form, the model, its emails and the moderators' admin."""
