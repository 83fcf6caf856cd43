"""Moderating comments in the Wagtail admin: a listing filtered by status, article and
language, approve and reject on one comment (its edit form) or many (bulk actions)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Comment, CommentStatus


class CommentsOnlyFromVisitors(ModelPermissionPolicy):
    """Moderators change a comment's status; nobody writes one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommentStatus.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Comment._meta.get_field("language").choices
    )

    class Meta:
        model = Comment
        fields = ["status", "language", "article"]


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = ["name", "text", "article", "status", "language", "created_at"]
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "text"]
    search_backend_name = None
    form_fields = ["status"]
    inspect_view_fields = ["article", "name", "email", "text", "language", "status", "created_at"]

    @property
    def permission_policy(self):
        return CommentsOnlyFromVisitors(self.model)


class ModerateBulkAction(SnippetBulkAction):
    """Approve or reject the selected comments."""

    models = [Comment]
    status = None
    template_name = "portal/comments/admin/confirm_bulk_moderate.html"

    def check_perm(self, obj):
        return self.request.user.has_perm("comments.change_comment")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = Comment.objects.filter(pk__in=[obj.pk for obj in objects]).moderate(
            cls.status, user
        )
        return changed, 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = CommentStatus.APPROVED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment approved: it is published.",
            "%(count)d comments approved: they are published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectBulkAction(ModerateBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    status = CommentStatus.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment rejected: it is not published.",
            "%(count)d comments rejected: they are not published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
