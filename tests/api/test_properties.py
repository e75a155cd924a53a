"""Property-based: the API survives Schemathesis generating requests from its own document.

Schemathesis reads /api/v1/openapi.json from the app (in-process, WSGI) and, for every
operation, sends generated requests — valid ones and deliberately invalid ones (wrong types,
values out of range, unknown enum values, too many or too long values) — then checks every
answer: no 5xx, the status code and media type documented, the body valid against the
documented schema, required headers present, invalid input rejected with a 4xx; and our own
rule that every 4xx is an RFC 9457 problem. Examples per operation are bounded to keep the
suite fast.
"""

from __future__ import annotations

import contextvars
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from portal.api.openapi import document
from portal.models import PostingKind, PostingStatus, utcnow
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory, TrainingFactory

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
    org = OrganisationFactory(slug="lichtwerk", website="https://lichtwerk.example")
    PostingFactory(
        texts={"de": "Ingenieur Lasertechnik", "en": "Laser engineer"},
        organisation=org,
        topics=[laser],
        salary_min=50000,
    )
    PostingFactory(texts={"en": "Thesis on optics"}, kind=PostingKind.THESIS)
    PostingFactory(texts={"de": "Abgelaufen"}, status=PostingStatus.EXPIRED)
    PostingFactory(texts={"de": "Entwurf"}, status=PostingStatus.DRAFT, published_at=None)
    TrainingFactory(organisation=org, starts_at=utcnow() + timedelta(days=5))


# The document as /api/v1/openapi.json serves it (test_protocol checks they are equal); built
# at import time because Schemathesis parametrizes the test by operation at collection.
schema = schemathesis.openapi.from_dict(document(server_url=BASE_URL))


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_document(app, seeded, case):
    response = case.call(app=_isolated(app), base_url=BASE_URL)
    case.validate_response(response, checks=CHECKS)
    if 400 <= response.status_code < 500:
        # Schemathesis' response: header names lower-cased, each with a list of values.
        assert response.headers["content-type"] == ["application/problem+json"]
        problem = response.json()
        assert problem["status"] == response.status_code
