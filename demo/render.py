"""Field values of the demo pages in one language, from the choices the plan made.

Pure functions of (spec, language): the French source and its English and Spanish
translations render the same choices.
"""

from functools import partial
from html import escape as _escape

from . import texts
from .texts import country_name, domain_names, format_int, lcfirst, named, of_named

# Texts go into rich text as they are; only markup characters need escaping.
escape = partial(_escape, quote=False)


def authority_title(spec, lang):
    return spec.titles[lang]


def authority_fields(spec, lang):
    """The translatable fields of a fiche (everything else is the same in every language)."""
    return {
        "title": spec.titles[lang],
        "summary": _summary(spec, lang)[:500],
        "main_activities": _main_activities(spec, lang),
        "contact_role": texts.CONTACT_ROLES[spec.contact_role][lang],
        "wanted_partner_profile": _partner_profile(spec, spec.profile_variant, spec.domains, lang),
        "preferred_regions": ", ".join(
            texts.WORLD_REGIONS[region][0][lang] for region in spec.preferred_regions
        )[:250],
        "can_bring": texts.CAN_BRING[spec.can_bring_variant][lang].format(
            assets=", ".join(texts.ASSETS[i][lang] for i in spec.assets)
        ),
    }


def _summary(spec, lang):
    return texts.SUMMARIES[spec.summary_variant][lang].format(
        Title=named(spec.titles[lang], lang, start=True),
        place=_place(spec, lang),
        population=format_int(spec.population, lang),
        since=spec.engaged_since,
        topics=", ".join(domain_names(spec.domains, lang)),
    )


def _place(spec, lang):
    """ "Grand Est, France"; "Guadeloupe" alone when the region is the country's name."""
    country = country_name(spec.country, lang)
    if spec.region_name in (country, spec.place):
        return country
    return f"{spec.region_name}, {country}"


def _main_activities(spec, lang):
    items = "".join(f"<li>{escape(texts.ACTIVITIES[i][lang])}</li>" for i in spec.activities)
    competences = texts.COMPETENCES[spec.competence_group]
    closing = texts.COMPETENCES_INTRO[lang].format(
        competences=", ".join(competences[i][lang] for i in spec.competences)
    )
    intro = texts.ACTIVITY_INTROS[spec.activity_intro][lang]
    return f"<p>{escape(intro)}</p><ul>{items}</ul><p>{escape(closing)}</p>"


def _partner_profile(spec, variant, domains, lang):
    region = spec.preferred_regions[0] if spec.preferred_regions else "france"
    return texts.PARTNER_PROFILES[variant][lang].format(
        of=texts.WORLD_REGIONS[region][1][lang],
        domain=", ".join(domain_names(domains, lang)),
    )


def cooperation_description(cooperation, lang):
    bank = (
        texts.COOPERATION_DESCRIPTIONS
        if cooperation.is_active
        else texts.DORMANT_COOPERATION_DESCRIPTIONS
    )
    return bank[cooperation.variant][lang].format(
        since=cooperation.since_year,
        dormant_since=cooperation.dormant_since,
        domains=", ".join(domain_names(cooperation.domains, lang)),
    )


def actor_description(actor, lang):
    template = texts.ACTOR_DESCRIPTIONS[actor.kind][actor.variant][lang]
    domain = domain_names([actor.domain], lang)[0] if actor.domain else ""
    return template.format(domain=domain)


def call_fields(call, authority, lang):
    _domain, project = texts.PROJECTS[call.theme][call.project]
    title = texts.CALL_TITLES[call.direction][call.title_variant][lang].format(
        project=lcfirst(project[lang]), Project=project[lang]
    )
    summary = texts.CALL_SUMMARIES[call.direction][call.summary_variant][lang].format(
        authority=named(authority.titles[lang], lang),
        Authority=named(authority.titles[lang], lang, start=True),
        project=lcfirst(project[lang]),
        months=call.duration_months,
        domain=domain_names(call.domains[:1], lang)[0],
    )
    return {
        "title": title,
        "summary": summary[:500],
        "description": _call_description(call, authority, lang),
        "wanted_partner_profile": _partner_profile(
            authority, call.profile_variant, call.domains, lang
        ),
    }


def _call_description(call, authority, lang):
    context = texts.CALL_CONTEXTS[call.context_variant][lang].format(
        of_authority=of_named(authority.titles[lang], lang), place=_place(authority, lang)
    )
    objectives = "".join(
        f"<li>{escape(texts.CALL_OBJECTIVES[i][lang])}</li>" for i in call.objectives
    )
    if call.cofinancing:
        budget = texts.CALL_BUDGET[lang].format(
            budget=format_int(call.budget, lang), cofinancing=format_int(call.cofinancing, lang)
        )
    else:
        budget = texts.CALL_BUDGET_ONLY[lang].format(budget=format_int(call.budget, lang))
    return (
        f"<p>{escape(context)}</p><p>{escape(texts.CALL_OBJECTIVES_INTRO[lang])}</p>"
        f"<ul>{objectives}</ul><p>{escape(budget)}</p>"
    )
