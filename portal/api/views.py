"""Routes of the read API: parse the query, call a service, answer JSON."""

from __future__ import annotations

import math
from typing import Any

from flask import jsonify, request
from flask.wrappers import Response

from portal.api import bp, write
from portal.api.openapi import document
from portal.api.params import (
    MAX_ID,
    NO_PARAMS,
    ORGANISATION_PARAMS,
    PAGE_PARAMS,
    POSTING_PARAMS,
    InvalidParams,
    parse,
)
from portal.api.problems import problem
from portal.extensions import csrf
from portal.i18n import url_with_query
from portal.services import api, organisations, postings, search, trainings
from portal.services.queries import posting_query_from_args
from portal.services.search import MAX_WINDOW


@bp.errorhandler(InvalidParams)
def invalid_params(error: InvalidParams) -> Response:
    names = ", ".join(dict.fromkeys(name for name, _reason in error.problems))
    return problem(
        400,
        f"Invalid query parameters: {names}.",
        invalid_params=[{"name": name, "reason": reason} for name, reason in error.problems],
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    parse(request.args, NO_PARAMS)
    return jsonify(document(server_url=request.host_url.rstrip("/")))


@bp.get("/postings")
def posting_list() -> Response:
    args = parse(request.args, POSTING_PARAMS)
    _check_known("topic", args["topic"], api.known_topic_slugs, "unknown topic")
    _check_known("org", args["org"], api.known_organisation_slugs, "unknown organisation")
    page, per_page = args["page"], args["per_page"]
    _check_window(page, per_page)
    query = posting_query_from_args(request.args, per_page)
    result = search.search_postings(query, ui_lang="en")
    if not result.available:
        return problem(503, "Search is temporarily unavailable.", headers={"Retry-After": "30"})
    items = api.public_postings_only(postings.load_postings([hit.id for hit in result.hits]))
    return _page(
        [api.posting_json(p) for p in items],
        total=result.total,
        page=page,
        per_page=per_page,
        facets={
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in result.facets.items()
        },
        relaxed=result.relaxed,
        suggestion=result.suggestion,
    )


@bp.route("/postings/<id:posting_id>", methods=["GET", "PATCH"])
@csrf.exempt  # PATCH is the write API's: a bearer token, no cookie (portal.api.write)
def posting_detail(posting_id: int) -> Response:
    # One rule for both methods: with two, Werkzeug answers an id outside the converter's
    # range with 405 for PATCH (the GET rule's path matched) instead of 404.
    if request.method == "PATCH":
        return write.update_posting(posting_id)
    parse(request.args, NO_PARAMS)
    posting = postings.get_posting(posting_id) if posting_id <= MAX_ID else None
    if posting is None or not api.is_listed(posting.organisation):
        return problem(404, "There is no public posting with this id.")
    if not posting.is_public():
        if postings.was_public(posting):
            return problem(410, "This posting is no longer open.")
        return problem(404, "There is no public posting with this id.")
    return jsonify(api.posting_json(posting))


@bp.get("/trainings")
def training_list() -> Response:
    args = parse(request.args, PAGE_PARAMS)
    page, per_page = args["page"], args["per_page"]
    # Courses are few (tens): the upcoming ones are loaded whole and sliced.
    courses = api.public_courses_only(trainings.upcoming_courses())
    start = (page - 1) * per_page
    return _page(
        [api.course_json(c) for c in courses[start : start + per_page]],
        total=len(courses),
        page=page,
        per_page=per_page,
    )


@bp.get("/trainings/<id:course_id>")
def training_detail(course_id: int) -> Response:
    parse(request.args, NO_PARAMS)
    course = trainings.get_public_course(course_id) if course_id <= MAX_ID else None
    if course is None or not api.public_courses_only([course]):
        return problem(404, "There is no public course with this id.")
    return jsonify(api.course_json(course))


@bp.get("/organisations")
def organisation_list() -> Response:
    args = parse(request.args, ORGANISATION_PARAMS)
    page, per_page = args["page"], args["per_page"]
    kinds = set(args["kind"])
    # Approved organisations number in the hundreds at most: filtered and sliced in memory.
    rows = [
        (org, count)
        for org, count in organisations.public_organisations()
        if not kinds or org.kind.value in kinds
    ]
    start = (page - 1) * per_page
    return _page(
        [api.organisation_json(org, count) for org, count in rows[start : start + per_page]],
        total=len(rows),
        page=page,
        per_page=per_page,
    )


@bp.get("/organisations/<slug>")
def organisation_detail(slug: str) -> Response:
    parse(request.args, NO_PARAMS)
    org = organisations.get_public_organisation(slug)
    if org is None:
        return problem(404, "There is no public organisation with this slug.")
    return jsonify(api.organisation_json(org, api.open_posting_count(org)))


@bp.get("/topics")
def topic_list() -> Response:
    parse(request.args, NO_PARAMS)
    items = [api.topic_json(topic, count) for topic, count in api.topics_with_counts()]
    return jsonify({"items": items, "total": len(items)})


# --- helpers ----------------------------------------------------------------------------------


def _check_known(name: str, values: list[str], known_of, reason: str) -> None:
    unknown = sorted(set(values) - known_of(values))
    if unknown:
        raise InvalidParams([(name, f"{reason}: {value}") for value in unknown])


def _check_window(page: int, per_page: int) -> None:
    if (page - 1) * per_page >= MAX_WINDOW:
        raise InvalidParams([("page", f"only the first {MAX_WINDOW} results can be paged through")])


def _page(items: list[dict[str, Any]], total: int, page: int, per_page: int, **extra) -> Response:
    """A page of a list: the body, `X-Total-Count` and RFC 8288 `Link` navigation."""
    last = max(1, math.ceil(min(total, MAX_WINDOW) / per_page))
    links = {"first": 1, "last": last}
    if page > 1:
        links["prev"] = min(page - 1, last)
    if page < last:
        links["next"] = page + 1
    response = jsonify(
        {"items": items, "total": total, "page": page, "per_page": per_page, **extra}
    )
    response.headers["X-Total-Count"] = str(total)
    response.headers["Link"] = ", ".join(
        f'<{_page_url(number)}>; rel="{rel}"' for rel, number in links.items()
    )
    return response


def _page_url(number: int) -> str:
    # Built apart from route values: the `lang` filter must not reach url_for (portal.i18n).
    query = request.args.to_dict(flat=False)
    query["page"] = [str(number)]
    return url_with_query(request.endpoint, query, _external=True)
