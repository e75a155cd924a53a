"""Property-based: the API survives Schemathesis generating requests from its own document.

Schemathesis reads /api/v1/openapi.json from the app (in-process, WSGI) and, for every
operation, sends generated requests — valid ones and deliberately invalid ones (wrong types,
values out of range, unknown enum values, too many or too long values) — then checks every
answer: no 5xx, the status code and media type documented, the body valid against the
documented schema, required headers present, invalid input rejected with a 4xx; and our own
rule that every 4xx is an RFC 9457 problem. Examples per operation are bounded to keep the
suite fast.

The write operations run with a valid API token of the organisation that owns the seeded
postings, so generated bodies reach the posting rules and the status machine (ids are small,
so PATCH and close sometimes hit a real posting); their answers are held to the same checks.
"""

from __future__ import annotations

import contextvars
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from portal.api.openapi import document
from portal.extensions import db
from portal.models import MembershipRole, PostingKind, PostingStatus, SalaryPeriod, utcnow
from portal.services import api_tokens
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PostingFactory,
    TopicFactory,
    TrainingFactory,
)

BASE_URL = "http://portal.test"
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


def _isolated(app):
    """Each request in a fresh context, as tests/conftest.py's client does (no shared `g`)."""

    def wsgi(environ, start_response):
        return contextvars.Context().run(app, environ, start_response)

    return wsgi


@pytest.fixture
def seeded():
    """A little of everything, so that generated ids and slugs sometimes hit real objects."""
    laser = TopicFactory(slug="laser", name_de="Lasertechnik", name_en="Laser technology")
    TopicFactory(slug="laser-technology")  # the write API's example in the document uses it
    org = OrganisationFactory(slug="lichtwerk", website="https://lichtwerk.example")
    PostingFactory(  # complete, so that generated PATCHes of it can succeed
        texts={
            "de": {"title": "Ingenieur Lasertechnik", "body": "Wir bauen Laser."},
            "en": {"title": "Laser engineer", "body": "We build lasers."},
        },
        organisation=org,
        topics=[laser],
        salary_min=50000,
        salary_period=SalaryPeriod.YEAR,
    )
    PostingFactory(texts={"en": "Thesis on optics"}, kind=PostingKind.THESIS)
    PostingFactory(texts={"de": "Abgelaufen"}, status=PostingStatus.EXPIRED)
    PostingFactory(texts={"de": "Entwurf"}, status=PostingStatus.DRAFT, published_at=None)
    PostingFactory(
        texts={"de": {"title": "Entwurf bei Lichtwerk", "body": "Text"}},
        organisation=org,
        status=PostingStatus.DRAFT,
        published_at=None,
    )
    TrainingFactory(organisation=org, starts_at=utcnow() + timedelta(days=5))
    owner = MembershipFactory(organisation=org, role=MembershipRole.OWNER).user
    _token, value = api_tokens.create_token(org, "property test", owner)
    db.session.flush()
    return {"Authorization": f"Bearer {value}"}


# The document as /api/v1/openapi.json serves it (test_protocol checks they are equal); built
# at import time because Schemathesis parametrizes the test by operation at collection.
schema = schemathesis.openapi.from_dict(document(server_url=BASE_URL))


def _check(app, case, headers=None):
    if headers:
        # Schemathesis fills the bearer scheme with a made-up token; use the real one.
        case.headers = {**(case.headers or {}), **headers}
    response = case.call(app=_isolated(app), base_url=BASE_URL)
    case.validate_response(response, checks=CHECKS)
    if 400 <= response.status_code < 500:
        # Schemathesis' response: header names lower-cased, each with a list of values.
        assert response.headers["content-type"] == ["application/problem+json"]
        problem = response.json()
        assert problem["status"] == response.status_code
    return response


@schema.include(method="GET").parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_document(app, seeded, case):
    _check(app, case)


@schema.include(method=["POST", "PATCH"]).parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_write_api_conforms_to_its_document(app, seeded, case):
    response = _check(app, case, headers=seeded)
    assert response.status_code != 401  # the token is valid: every answer is about the request
