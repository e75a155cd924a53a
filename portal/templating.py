"""Template globals and filters shared by every page."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, request
from flask_babel import format_time
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.i18n import current_lang, money
from portal.labels import label
from portal.models import (
    Benefit,
    Employment,
    OrganisationKind,
    Posting,
    PostingKind,
    Remote,
    TrainingCourse,
)
from portal.services import catalog, postings, trainings
from portal.services.markdown import render as markdown

FACET_TITLES = (
    ("kind", _l("Type")),
    ("topic", _l("Topic")),
    ("city", _l("City")),
    ("org", _l("Employer")),
    ("orgkind", _l("Kind of employer")),
    ("remote", _l("Place of work")),
    ("employment", _l("Working time")),
    ("lang", _l("Working language")),
)


FACET_ENUMS = {
    "kind": PostingKind,
    "orgkind": OrganisationKind,
    "remote": Remote,
    "employment": Employment,
}


def facet_value_names(facets: dict[str, list[tuple[str, int]]]) -> dict[tuple[str, str], str]:
    """Human names for filter values: enum labels, topic names, organisation names."""
    lang = current_lang()
    names = {
        "topic": catalog.topic_names(lang) if "topic" in facets else {},
        "org": catalog.organisation_names([value for value, _n in facets.get("org", [])]),
    }
    labelled: dict[tuple[str, str], str] = {}
    for facet, values in facets.items():
        for value, _count in values:
            if facet in FACET_ENUMS and value in FACET_ENUMS[facet]._value2member_map_:
                labelled[(facet, value)] = label(FACET_ENUMS[facet](value))
            elif facet == "lang":
                labelled[(facet, value)] = label(value)
            else:
                labelled[(facet, value)] = names.get(facet, {}).get(value, value)
    return labelled


def filter_value_names(facet: str, values: Iterable[str]) -> list[str]:
    values = list(values)
    names = facet_value_names({facet: [(value, 0) for value in values]})
    return [names[(facet, value)] for value in values]


def filter_title(facet: str) -> str:
    return str(dict(FACET_TITLES).get(facet, facet))


def current_args(exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The query string as (name, value) pairs, for hidden fields of another form."""
    skip = set(exclude)
    return [(k, v) for k, v in request.args.items(multi=True) if k not in skip and v]


def current_args_dict(exclude: Iterable[str] = ()) -> dict[str, list[str]]:
    """The query string as {name: [values]}, for url_for with a changed page or sort."""
    args: dict[str, list[str]] = {}
    for key, value in current_args(exclude):
        args.setdefault(key, []).append(value)
    return args


def feed_args() -> dict[str, list[str]]:
    return current_args_dict(exclude=("page", "sort"))


def active_filters() -> bool:
    return any(key not in ("q", "sort", "page") for key, _v in current_args())


def pay_text(posting: Posting) -> str:
    """'€50,000 – €65,000 per year', 'from …', or the pay scale, formatted for the locale."""
    parts = []
    if posting.salary_min and posting.salary_max:
        parts.append(
            f"{money(posting.salary_min, posting.salary_currency)} – "
            f"{money(posting.salary_max, posting.salary_currency)}"
        )
    elif posting.salary_min:
        parts.append(
            _("from %(amount)s", amount=money(posting.salary_min, posting.salary_currency))
        )
    elif posting.salary_max:
        parts.append(
            _("up to %(amount)s", amount=money(posting.salary_max, posting.salary_currency))
        )
    if parts and posting.salary_period:
        parts[0] = f"{parts[0]} {label(posting.salary_period)}"
    if posting.pay_scale:
        parts.append(posting.pay_scale)
    return "; ".join(parts)


def benefit_label(value: str) -> str:
    return label(Benefit(value)) if value in Benefit._value2member_map_ else value


def posting_slug(posting: Posting) -> str:
    return postings.slug_for(posting, current_lang())


def course_slug(course: TrainingCourse) -> str:
    return trainings.slug_for(course, current_lang())


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters.update(time_of_day=lambda value: format_time(value, "short"))
    app.jinja_env.globals.update(
        label=label,
        markdown=markdown,
        pay_text=pay_text,
        benefit_label=benefit_label,
        posting_slug=posting_slug,
        slug_in=postings.slug_for,
        course_slug=course_slug,
        current_args=current_args,
        current_args_dict=current_args_dict,
        feed_args=feed_args,
        active_filters=active_filters,
        facet_titles=lambda: FACET_TITLES,
        filter_title=filter_title,
        filter_value_names=filter_value_names,
    )
