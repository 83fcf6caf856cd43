"""Comments on news articles, published after moderation (the ministry's own announcement
of the Bourse promises it): stored first, shown only once a moderator approves them in the
Wagtail admin. Only the name, the text and the date are ever published, never the email.

django-contrib-comments was considered: its last release (2.2, January 2022) declares
Django up to 4.0, it stores each commenter's IP address, and its moderation is a Django
admin affair; the portal needs consent, its own rate limit and Wagtail's admin. Hence this
small app.
"""
