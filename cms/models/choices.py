"""The fixed vocabularies of the Bourse (stored codes are English; labels are translatable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# France and its overseas authorities, which ISO 3166 lists under codes of their own.
FRENCH_COUNTRY_CODES = (
    "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC",
)  # fmt: skip


class AuthorityKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    INTERCOMMUNALITY = "intercommunality", _("Intercommunality")
    DEPARTMENT = "department", _("Department")
    REGION = "region", _("Region")
    PROVINCE = "province", _("Province")
    FEDERATED_STATE = "federated_state", _("Federated state")
    DISTRICT = "district", _("District")
    OTHER = "other", _("Other local authority")


class CooperationKind(models.TextChoices):
    DECENTRALISED_COOPERATION = "decentralised_cooperation", _("Decentralised cooperation")
    TWINNING = "twinning", _("Twinning")
    FRIENDSHIP_PACT = "friendship_pact", _("Friendship pact")
    PROJECT_PARTNERSHIP = "project_partnership", _("Project partnership")


class ForeignActorKind(models.TextChoices):
    NGO = "ngo", _("Non-governmental organisation")
    DEVELOPMENT_AGENCY = "development_agency", _("Development agency")
    UN_BODY = "un_body", _("United Nations body")
    EMBASSY = "embassy", _("Embassy or consulate")
    UNIVERSITY = "university", _("University or research centre")
    COMPANY = "company", _("Company")
    DIASPORA_ASSOCIATION = "diaspora_association", _("Diaspora association")
    OTHER = "other", pgettext_lazy("foreign actor kind", "Other")


class CallDirection(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")


class CallStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_DISCUSSION = "in_discussion", _("In discussion")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", _("Closed")
