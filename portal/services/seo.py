"""Structured data for search engines: schema.org JobPosting for Google for Jobs."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from portal.models import Employment, Posting, PostingKind, Remote
from portal.services.markdown import render

_EMPLOYMENT_TYPES = {
    Employment.FULL_TIME: ["FULL_TIME"],
    Employment.PART_TIME: ["PART_TIME"],
    Employment.EITHER: ["FULL_TIME", "PART_TIME"],
}
_KIND_TYPES = {
    PostingKind.INTERNSHIP: ["INTERN"],
    PostingKind.THESIS: ["INTERN"],
    PostingKind.WORKING_STUDENT: ["PART_TIME", "INTERN"],
    PostingKind.APPRENTICESHIP: ["OTHER"],
}


def job_posting(
    posting: Posting, lang: str, *, url: str, organisation_url: str, logo_url: str | None
) -> dict[str, Any]:
    """The JobPosting object with Google's required and recommended properties."""
    text = posting.text(lang)
    description = "".join(
        str(render(part)) for part in (text.summary, text.body, text.requirements, text.offer)
    )
    org = posting.organisation
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": text.title,
        "description": description,
        "datePosted": posting.published_at.date().isoformat() if posting.published_at else None,
        "validThrough": posting.expires_at.isoformat() if posting.expires_at else None,
        "employmentType": _KIND_TYPES.get(posting.kind, _EMPLOYMENT_TYPES[posting.employment]),
        "hiringOrganization": {
            "@type": "Organization",
            "name": org.name,
            "sameAs": org.website or organisation_url,
        },
        "jobLocation": [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": loc.city,
                    **({"postalCode": loc.postcode} if loc.postcode else {}),
                    "addressCountry": loc.country,
                },
            }
            for loc in posting.locations
        ],
        "identifier": {"@type": "PropertyValue", "name": org.name, "value": str(posting.id)},
        "directApply": False,
        "url": url,
        "inLanguage": text.lang,
    }
    if logo_url:
        data["hiringOrganization"]["logo"] = logo_url
    if posting.salary_min or posting.salary_max:
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if posting.salary_min:
            value["minValue"] = posting.salary_min
        if posting.salary_max:
            value["maxValue"] = posting.salary_max
        if posting.salary_period:
            value["unitText"] = posting.salary_period.value.upper()
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": posting.salary_currency,
            "value": value,
        }
    if posting.remote == Remote.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
        countries = sorted({loc.country for loc in posting.locations}) or ["DE"]
        data["applicantLocationRequirements"] = [
            {"@type": "Country", "name": country} for country in countries
        ]
    if posting.start_date:
        data["jobStartDate"] = posting.start_date.isoformat()
    return {key: value for key, value in data.items() if value is not None}


def as_script_json(data: dict[str, Any]) -> Markup:
    """JSON safe inside <script type="application/ld+json">: '<' '>' '&' escaped."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
