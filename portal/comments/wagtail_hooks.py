"""Comments in the Wagtail admin (found by Wagtail in every installed app)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin import ApproveBulkAction, CommentViewSet, RejectBulkAction

register_snippet(CommentViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)
