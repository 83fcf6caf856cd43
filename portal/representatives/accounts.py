"""Fiches kept fresh by their authorities.

An authority's representatives get a Wagtail account limited to their own fiche and its calls
(add and change, never publish). Every change goes through Wagtail's "Moderators approval"
workflow, assigned to the directory; when a moderator approves it, the fiche's
``last_verified`` date becomes today.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Revision,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import workflow_approved
from wagtail.users.models import UserProfile

from cms.api.cache import bump_content_version
from cms.models import AuthorityIndexPage, AuthorityPage, PartnershipCallPage
from cms.models.facts import spread_facts_after_commit

MODERATORS_GROUP = "Moderators"  # created by Wagtail's own migrations
MODERATION_WORKFLOW = "Moderators approval"  # Wagtail's default workflow and task name
# Publishing stays with the ministry: representatives only propose changes.
REPRESENTATIVE_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


GROUP_NAME_LENGTH = 150  # Django's Group.name


def group_key(fiche):
    """What identifies a fiche's group whatever its title: the fiche's id, at the end."""
    return f" (#{fiche.pk})"


def representatives_group_name(fiche):
    """Named after the fiche, as staff look for it: "Dakar — representatives (#152)"."""
    key = group_key(fiche)
    with translation.override(settings.LANGUAGE_CODE):  # one name, in the ministry's language
        label = gettext("%(title)s — representatives") % {"title": fiche.title}
    return label[: GROUP_NAME_LENGTH - len(key)] + key


def representatives_group(fiche):
    """The fiche's group (renamed after the fiche's current title), created when missing."""
    name = representatives_group_name(fiche)
    group = (
        Group.objects.filter(name__endswith=group_key(fiche)).first()
        or Group.objects.filter(name=f"Fiche {fiche.pk} representatives").first()  # former name
    )
    if group is None:
        return Group.objects.create(name=name)
    if group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def find_fiche(reference):
    """A default-locale fiche by id or slug; None when there is none."""
    fiches = AuthorityPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if str(reference).isdigit():
        return fiches.filter(pk=int(reference)).first()
    return fiches.filter(slug=reference).first()


@transaction.atomic
def ensure_moderation():
    """The ministry "Moderators" group publishes in every directory, through the default workflow.

    Idempotent: reuses Wagtail's default group, task and workflow when they exist.
    """
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderators.permissions.add(admin_access_permission())
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
    task.groups.add(moderators)
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=MODERATION_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for directory in AuthorityIndexPage.objects.all():
        for codename in MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page=directory, permission=page_permission(codename)
            )
        WorkflowPage.objects.update_or_create(page=directory, defaults={"workflow": workflow})
    return moderators, workflow


def ensure_representatives_group(fiche):
    group = representatives_group(fiche)
    group.permissions.add(admin_access_permission())
    for codename in REPRESENTATIVE_PAGE_PERMISSIONS:
        # On the fiche only: Wagtail page permissions cascade to its calls, not to siblings.
        GroupPagePermission.objects.get_or_create(
            group=group, page=fiche, permission=page_permission(codename)
        )
    return group


def ensure_user(email, name=""):
    """The account for ``email``, created when missing; returns (user, created)."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    first_name, _sep, last_name = name.strip().partition(" ")
    user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
    # A random password nobody knows: the representative chooses theirs through the reset link,
    # and Django only sends reset mails to accounts with a usable password.
    user.set_password(secrets.token_urlsafe(32))
    user.save()
    return user, True


def representative_language(fiche, language=None):
    """The language a representative is invited in: the one chosen, else the fiche's."""
    codes = {code for code, _name in settings.LANGUAGES}
    for code in (language, fiche.locale.language_code):
        if code in codes:
            return code
    return settings.LANGUAGE_CODE


def keep_language(user, language):
    """The admin, its mails and Wagtail's moderation mails speak ``language`` to ``user``,
    unless they chose a language themselves (their account settings)."""
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return profile.preferred_language


@transaction.atomic
def grant_representative(fiche, email, name="", language=None):
    """Give ``email`` an account limited to ``fiche`` and its calls; returns (user, created).

    ``language`` (default: the fiche's) becomes the account's language unless it has one.
    """
    ensure_moderation()
    group = ensure_representatives_group(fiche)
    user, created = ensure_user(email, name)
    user.groups.add(group)
    keep_language(user, representative_language(fiche, language))
    return user, created


# --- approval sets "last verified" -----------------------------------------------------------


def fiche_of(page):
    """The fiche a moderated page belongs to: itself, or the parent of a call."""
    if isinstance(page, AuthorityPage):
        return page
    if isinstance(page, PartnershipCallPage):
        return page.get_parent().specific
    return None


def mark_verified(fiche, day):
    """Set ``last_verified`` on the live row and in the latest revision, without a new revision.

    Saving a revision would leave the fiche "live + draft" until someone publishes it again,
    and publishing it (when a call was approved) would push the fiche's own pending draft live
    without moderation. So the live row is updated in place, and the latest revision gets the
    same date so the next edit (which starts from it) does not bring the old date back.
    """
    AuthorityPage.objects.filter(pk=fiche.pk).update(last_verified=day)
    revision = Revision.objects.filter(pk=fiche.latest_revision_id).first()
    if revision is not None:
        revision.content["last_verified"] = day.isoformat()
        revision.save(update_fields=["content"])
    bump_content_version()
    # The date is a fact: the fiche's translations get it too (a call's approval publishes
    # the call, not the fiche, so nothing else would carry it).
    spread_facts_after_commit(fiche)


def on_workflow_approved(sender, instance, **kwargs):
    page = instance.content_object
    if not isinstance(page, Page):
        return
    fiche = fiche_of(page.specific)
    if fiche is not None:
        mark_verified(fiche, datetime.date.today())


def connect_signals():
    workflow_approved.connect(on_workflow_approved, dispatch_uid="representatives-verified")
