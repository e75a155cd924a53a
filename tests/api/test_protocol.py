"""The API as a protocol: its OpenAPI document, problem details, methods, CORS, rate limit."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from portal import create_app
from portal.api.params import (
    NO_PARAMS,
    ORGANISATION_PARAMS,
    PAGE_PARAMS,
    POSTING_PARAMS,
    SUPPORTED_KEYWORDS,
)
from tests.api.support import assert_problem
from tests.factories import PostingFactory

API_PATHS = [
    "/api/v1/postings",
    "/api/v1/trainings",
    "/api/v1/organisations",
    "/api/v1/topics",
    "/api/v1/openapi.json",
]


# --- the document -------------------------------------------------------------------------------


def test_openapi_document_is_served_and_valid(client, conformance, openapi_doc):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = conformance.check("/api/v1/openapi.json", response)
    assert served == openapi_doc
    assert served["openapi"] == "3.1.0"
    assert served["servers"] == [{"url": "http://portal.test"}]
    validate_openapi(served)  # the OpenAPI 3.1 meta-schema and its rules ($refs resolve, …)
    for name, schema in served["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
        if schema.get("type") == "object":
            assert schema["additionalProperties"] is False, name


def test_every_api_route_is_documented_and_nothing_else(app, openapi_doc):
    routes = {
        rule.rule.replace("<id:posting_id>", "{id}")
        .replace("<id:course_id>", "{id}")
        .replace("<slug>", "{slug}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == set(openapi_doc["paths"])
    methods: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = (
                rule.rule.replace("<id:posting_id>", "{id}")
                .replace("<id:course_id>", "{id}")
                .replace("<slug>", "{slug}")
            )
            methods.setdefault(path, set()).update(rule.methods - {"HEAD", "OPTIONS"})
    written = {
        "/api/v1/postings": {"get", "post"},
        "/api/v1/postings/{id}": {"get", "patch"},
        "/api/v1/postings/{id}/close": {"post"},
    }
    for path, item in openapi_doc["paths"].items():
        assert set(item) == written.get(path, {"get"}), path  # only postings are written
        assert {m.lower() for m in methods[path]} == set(item), path
        for method, operation in item.items():
            # Reading is open to all; every write needs the bearer token.
            assert ("security" in operation) == (method != "get"), (path, method)


def test_parameter_schemas_use_only_keywords_the_parser_checks():
    """`params.parse` implements a subset of JSON Schema; a new keyword needs code there."""
    for param in (*POSTING_PARAMS, *ORGANISATION_PARAMS, *PAGE_PARAMS, *NO_PARAMS):
        schemas = [param.schema, param.schema.get("items", {})]
        for schema in schemas:
            assert set(schema) <= SUPPORTED_KEYWORDS, param.name


def test_documented_query_parameters_are_exactly_the_accepted_ones(client, openapi_doc):
    parameters = openapi_doc["components"]["parameters"]
    documented = {
        ref["$ref"].rsplit("/", 1)[1]
        for ref in openapi_doc["paths"]["/api/v1/postings"]["get"]["parameters"]
    }
    names = {parameters[key]["name"] for key in documented}
    assert names == {
        "q",
        "kind",
        "topic",
        "city",
        "org",
        "orgkind",
        "remote",
        "employment",
        "lang",
        "leadership",
        "visa",
        "posted",
        "sort",
        "page",
        "per_page",
    }


# --- errors and methods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing", "/api/v1/postings/", "/api/v2/postings", "/api/"]
)
def test_unknown_routes_are_404_problems(client, conformance, path):
    response = client.get(path)
    body = assert_problem(response, 404)
    assert conformance.schema_errors("/components/schemas/Problem", body) == []
    assert body["detail"] == "There is nothing at this address."


ALLOWED = {
    "/api/v1/postings": {"GET", "HEAD", "OPTIONS", "POST"},
    "/api/v1/topics": {"GET", "HEAD", "OPTIONS"},
    "/api/v1/postings/1": {"GET", "HEAD", "OPTIONS", "PATCH"},
    "/api/v1/postings/1/close": {"POST", "OPTIONS"},
}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", list(ALLOWED))
def test_other_methods_are_405_problems_with_allow(client, conformance, method, path):
    if method.upper() in ALLOWED[path]:
        return  # the write API's methods: tests/api/test_write.py
    response = getattr(client, method)(path, json={"kind": "job"})
    body = assert_problem(response, 405)
    assert conformance.schema_errors("/components/schemas/Problem", body) == []
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == ALLOWED[path]


def test_head_answers_like_get_without_a_body(client):
    PostingFactory()
    get, head = client.get("/api/v1/postings"), client.head("/api/v1/postings")
    assert head.status_code == 200 and head.get_data() == b""
    assert head.headers["X-Total-Count"] == get.headers["X-Total-Count"] == "1"
    assert head.headers["Link"] == get.headers["Link"]


def test_html_error_pages_are_unchanged(client):
    response = client.get("/en/no-such-page")
    assert response.status_code == 404 and response.mimetype == "text/html"


# --- CORS -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*API_PATHS, "/api/v1/postings?kind=moon", "/api/v1/nothing"])
def test_get_answers_may_be_read_by_any_origin(client, path):
    response = client.get(path, headers={"Origin": "https://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Link" in response.headers["Access-Control-Expose-Headers"]
    assert "X-Total-Count" in response.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_head_answers_carry_cors_too(client):
    response = client.head("/api/v1/topics", headers={"Origin": "https://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", API_PATHS)
def test_preflight_for_get_is_answered(client, path):
    response = client.options(
        path,
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept, content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert set(response.headers["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD"}
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers


@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE", "PUT"])
def test_no_cors_for_other_methods(client, method):
    preflight = client.options(
        "/api/v1/postings",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": method},
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    assert "Access-Control-Allow-Methods" not in preflight.headers
    response = client.open(
        "/api/v1/postings", method=method, headers={"Origin": "https://elsewhere.example"}
    )
    assert response.status_code == (401 if method == "POST" else 405)
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Expose-Headers" not in response.headers


def test_plain_options_without_preflight_gets_no_cors(client):
    response = client.options("/api/v1/postings")
    assert "Access-Control-Allow-Origin" not in response.headers


def test_html_pages_have_no_cors(client):
    response = client.get("/en/jobs", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


# --- rate limit -----------------------------------------------------------------------------------


def test_the_api_is_rate_limited_per_client_address(app, client, tmp_path):
    """A second app with limits on (the suite's app has them off): the third request is a 429."""
    limited = create_app(
        {
            "ENV_NAME": "testing",
            "RATELIMIT_ENABLED": True,
            "API_RATE_LIMIT": "2 per minute",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limited.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SERVER_NAME": "portal.test",
        }
    )
    one, other = limited.test_client(), limited.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert one.get("/api/v1/openapi.json").status_code == 200
    assert one.get("/api/v1/openapi.json").status_code == 200
    response = one.get("/api/v1/openapi.json")
    body = assert_problem(response, 429)
    assert "Retry-After" in response.headers
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert body["title"] == "Too Many Requests"
    assert other.get("/api/v1/openapi.json").status_code == 200  # per address
    # The suite's own app is still unlimited.
    for _ in range(3):
        assert client.get("/api/v1/openapi.json").status_code == 200
