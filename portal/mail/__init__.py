"""One outbox for every mail the portal sends (see ``outbox``)."""
