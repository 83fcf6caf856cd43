"""Fiches kept fresh by their authorities: representatives' accounts, their invitation,
the approval that stamps "last verified", and the staff's report of stale fiches."""
