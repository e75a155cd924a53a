"""The employer write API: POST/PATCH /api/v1/postings, POST …/close with a bearer token.

Authorization per token and organisation, the status machine (moderation, trusted
organisations, pending revisions, forbidden transitions), idempotent upserts by external_id,
and every kind of bad input — each answer checked against the OpenAPI document.
"""

from __future__ import annotations

import copy
import io
import json

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.extensions import db
from portal.models import (
    ApiToken,
    AuditEvent,
    MembershipRole,
    OrganisationStatus,
    Posting,
    PostingRevision,
    PostingStatus,
)
from portal.services import api_tokens, postings
from tests.api.support import assert_problem
from tests.factories import MembershipFactory, OrganisationFactory, PostingFactory, TopicFactory

S = PostingStatus
CREATE = "/api/v1/postings"


def body(**overrides):
    data = {
        "external_id": "ATS-1",
        "kind": "job",
        "texts": {
            "de": {"title": "Laseringenieur*in", "body": "Sie bauen **Laser**."},
            "en": {"title": "Laser engineer", "body": "You build **lasers**."},
        },
        "locations": [{"city": "Jena", "postcode": "07745"}],
        "topics": [{"slug": "laser-technology"}],
        "salary": {"min": 52000, "max": 64000, "period": "year"},
        "apply_url": "https://example.org/jobs/1",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.fixture(autouse=True)
def topic():
    return TopicFactory(slug="laser-technology", name_de="Lasertechnik", name_en="Laser technology")


@pytest.fixture
def token(organisation, owner):
    """The secret of a live token of `organisation`, made by its owner."""
    _token, value = api_tokens.create_token(organisation, "ATS", owner)
    db.session.flush()
    return value


def auth(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def _postings(organisation) -> list[Posting]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Posting)
            .where(Posting.organisation_id == organisation.id)
            .order_by(Posting.id)
        )
    )


# --- tokens: who may write ----------------------------------------------------------------------


def test_the_token_is_stored_only_as_its_sha256(organisation, owner):
    token, value = api_tokens.create_token(organisation, "ATS", owner)
    assert value.startswith("pk_") and len(value) >= 40
    assert token.token_hash == api_tokens.hash_token(value) != value
    assert value not in json.dumps([e.details for e in db.session.scalars(sa.select(AuditEvent))])
    _other, second = api_tokens.create_token(organisation, "ATS", owner)
    assert second != value  # random each time


@pytest.mark.parametrize(
    ("headers", "error"),
    [
        ({}, None),
        ({"Authorization": ""}, None),
        ({"Authorization": "Bearer"}, "invalid_request"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, "invalid_request"),
        ({"Authorization": "Bearer two words"}, "invalid_request"),
        ({"Authorization": "Bearer pk_unknown"}, "invalid_token"),
        ({"Authorization": "Bearer not-even-our-format"}, "invalid_token"),
        ({"Authorization": "Bearer pk_" + "ä" * 10}, "invalid_token"),
    ],
)
def test_missing_malformed_or_unknown_tokens_are_401_with_a_challenge(
    client, conformance, organisation, headers, error
):
    response = client.post(CREATE, json=body(), headers=headers)
    problem = assert_problem(response, 401)
    conformance.check(CREATE, response, "post")
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith('Bearer realm="Photonik Karriere API"')
    assert (f'error="{error}"' in challenge) if error else ("error=" not in challenge)
    assert problem["detail"]
    assert _postings(organisation) == []


def test_a_revoked_token_is_401(client, organisation, owner, token):
    stored = db.session.scalar(sa.select(ApiToken))
    api_tokens.revoke_token(stored, owner)
    db.session.flush()
    response = client.post(CREATE, json=body(), headers=auth(token))
    assert assert_problem(response, 401)["detail"] == "The token has been revoked."
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    assert _postings(organisation) == []


def test_a_token_stops_when_its_creator_leaves(client, organisation, owner, token):
    membership = owner.memberships[0]
    db.session.delete(membership)
    db.session.flush()
    response = client.post(CREATE, json=body(), headers=auth(token))
    assert "no longer a member" in assert_problem(response, 401)["detail"]


def test_use_is_recorded_even_when_the_request_is_refused(client, token):
    stored = db.session.scalar(sa.select(ApiToken))
    assert stored.last_used_at is None
    client.post(CREATE, json={"kind": "astronaut"}, headers=auth(token))
    db.session.expire_all()
    assert stored.last_used_at is not None


def test_other_organisations_postings_are_404(client, conformance, organisation, token):
    foreign = PostingFactory(organisation=OrganisationFactory())
    for response in (
        client.patch(f"{CREATE}/{foreign.id}", json={"deadline": None}, headers=auth(token)),
        client.post(f"{CREATE}/{foreign.id}/close", headers=auth(token)),
        client.patch(f"{CREATE}/999999", json={}, headers=auth(token)),
    ):
        assert_problem(response, 404)
    db.session.refresh(foreign)
    assert foreign.status == S.PUBLISHED and foreign.deadline is None


def test_an_external_id_is_per_organisation(client, organisation, token):
    other = OrganisationFactory()
    theirs = PostingFactory(organisation=other, external_id="ATS-1")
    response = client.post(CREATE, json=body(), headers=auth(token))
    assert response.status_code == 201
    [ours] = _postings(organisation)
    assert ours.id != theirs.id and ours.external_id == "ATS-1"


# --- creating -------------------------------------------------------------------------------------


def test_create_is_201_with_location_and_goes_to_moderation(
    client, conformance, organisation, owner, token
):
    response = client.post(CREATE, json=body(), headers=auth(token))
    answer = conformance.check(CREATE, response, "post")
    assert response.status_code == 201
    [posting] = _postings(organisation)
    assert response.headers["Location"] == f"http://portal.test/api/v1/postings/{posting.id}"
    assert answer["id"] == posting.id and answer["status"] == "submitted"
    assert answer["external_id"] == "ATS-1" and answer["pending_review"] is False
    assert posting.status == S.SUBMITTED and posting.created_by_id == owner.id
    assert posting.langs == ["de", "en"] and posting.working_languages == ["de", "en"]
    assert [t.slug for t in posting.topics] == ["laser-technology"]
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        52000,
        64000,
        "EUR",
    )
    assert posting.employment.value == "full_time" and posting.remote.value == "onsite"
    assert answer["published_at"] is None and answer["expires_at"] is None
    actions = [e.action for e in db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id))]
    assert "posting.create" in actions and "posting.submit" in actions


def test_trusted_organisation_publishes_at_once(client, conformance, organisation, token):
    organisation.auto_publish = True
    db.session.flush()
    response = client.post(CREATE, json=body(), headers=auth(token))
    answer = conformance.check(CREATE, response, "post")
    assert answer["status"] == "published" and answer["published_at"] and answer["expires_at"]
    public = client.get(f"{CREATE}/{answer['id']}")
    assert (
        public.status_code == 200 and public.get_json()["texts"]["en"]["title"] == "Laser engineer"
    )


def test_submit_false_keeps_a_draft(client, organisation, token):
    response = client.post(CREATE, json=body(submit=False), headers=auth(token))
    assert response.status_code == 201 and response.get_json()["status"] == "draft"


def test_pending_organisation_submits_and_waits(client, organisation, token):
    organisation.status = OrganisationStatus.PENDING
    organisation.auto_publish = True
    db.session.flush()
    response = client.post(CREATE, json=body(), headers=auth(token))
    assert response.get_json()["status"] == "submitted"


def test_suspended_organisation_is_403_and_nothing_is_kept(client, organisation, token):
    organisation.status = OrganisationStatus.SUSPENDED
    db.session.flush()
    response = client.post(CREATE, json=body(), headers=auth(token))
    assert_problem(response, 403)
    assert _postings(organisation) == []


def test_a_read_posting_can_be_sent_back(client, organisation, token):
    """The body takes the read API's Posting; its server-set fields are ignored."""
    organisation.auto_publish = True
    db.session.flush()
    created = client.post(CREATE, json=body(), headers=auth(token)).get_json()
    read = client.get(f"{CREATE}/{created['id']}").get_json()
    read["external_id"] = "ATS-2"
    read["id"] = 12345
    response = client.post(CREATE, json=read, headers=auth(token))
    assert response.status_code == 201, response.get_json()
    copy_ = response.get_json()
    assert copy_["id"] not in (created["id"], 12345)
    assert copy_["texts"] == read["texts"] and copy_["topics"] == read["topics"]


# --- idempotent upserts -------------------------------------------------------------------------


def test_same_external_id_updates_instead_of_duplicating(client, conformance, organisation, token):
    first = client.post(CREATE, json=body(), headers=auth(token))
    assert first.status_code == 201
    again = client.post(CREATE, json=body(), headers=auth(token))
    assert again.status_code == 200
    conformance.check(CREATE, again, "post")
    changed = body(deadline="2027-05-31")
    response = client.post(CREATE, json=changed, headers=auth(token))
    assert response.status_code == 200 and response.get_json()["deadline"] == "2027-05-31"
    [posting] = _postings(organisation)
    assert posting.id == first.get_json()["id"] and posting.deadline.isoformat() == "2027-05-31"
    assert posting.status == S.SUBMITTED
    edits = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "posting.edit"))
    assert len(list(edits)) == 1  # the identical second POST changed nothing


def test_upsert_of_a_published_untrusted_posting_waits_for_review(
    client, conformance, organisation, owner, token
):
    posting = PostingFactory(
        organisation=organisation,
        external_id="ATS-1",
        texts={"de": {"title": "Alt", "body": "Alter Text"}},
    )
    response = client.post(CREATE, json=body(), headers=auth(token))
    answer = conformance.check(CREATE, response, "post")
    assert response.status_code == 200
    assert answer["status"] == "published" and answer["pending_review"] is True
    assert answer["texts"]["de"]["title"] == "Laseringenieur*in"  # the pending version
    db.session.refresh(posting)
    assert posting.text("de").title == "Alt"  # still online as approved
    assert postings.pending_revision(posting).created_by_id == owner.id


# --- PATCH ----------------------------------------------------------------------------------------


def _create(client, token, **overrides) -> dict:
    response = client.post(CREATE, json=body(**overrides), headers=auth(token))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_patch_changes_only_the_fields_given(client, conformance, organisation, token):
    created = _create(client, token, submit=False)
    url = f"{CREATE}/{created['id']}"
    response = client.patch(
        url, json={"deadline": "2027-01-15", "texts": {"en": None}}, headers=auth(token)
    )
    answer = conformance.check("/api/v1/postings/{id}", response, "patch")
    assert response.status_code == 200
    assert answer["deadline"] == "2027-01-15"
    assert list(answer["texts"]) == ["de"]
    assert answer["salary"]["min"] == 52000 and answer["status"] == "draft"
    response = client.patch(
        url,
        json={"texts": {"en": {"title": "Laser engineer", "body": "New."}}, "salary": None},
        headers=auth(token),
    )
    answer = response.get_json()
    assert set(answer["texts"]) == {"de", "en"} and answer["salary"] is None
    assert answer["texts"]["de"]["title"] == "Laseringenieur*in"


def test_patch_with_submit_submits_a_draft(client, token):
    created = _create(client, token, submit=False)
    response = client.patch(f"{CREATE}/{created['id']}", json={"submit": True}, headers=auth(token))
    assert response.status_code == 200 and response.get_json()["status"] == "submitted"


def test_patch_of_a_published_untrusted_posting_becomes_a_pending_revision(
    client, conformance, organisation, token
):
    posting = PostingFactory(
        organisation=organisation, texts={"de": {"title": "Laserphysik", "body": "Text"}}
    )
    response = client.patch(
        f"{CREATE}/{posting.id}", json={"pay_scale": "TV-L E13"}, headers=auth(token)
    )
    answer = conformance.check("/api/v1/postings/{id}", response, "patch")
    assert answer["pending_review"] is True and answer["pay_scale"] == "TV-L E13"
    db.session.refresh(posting)
    assert posting.status == S.PUBLISHED and posting.pay_scale is None
    [revision] = db.session.scalars(sa.select(PostingRevision)).all()
    assert revision.data["pay_scale"] == "TV-L E13"


def test_patch_of_a_trusted_published_posting_is_live(client, organisation, token):
    organisation.auto_publish = True
    posting = PostingFactory(
        organisation=organisation, texts={"de": {"title": "Laserphysik", "body": "Text"}}
    )
    response = client.patch(
        f"{CREATE}/{posting.id}", json={"leadership": True}, headers=auth(token)
    )
    assert response.get_json()["pending_review"] is False
    db.session.refresh(posting)
    assert posting.leadership is True


def test_patch_of_a_rejected_posting_makes_it_a_draft(client, organisation, token):
    posting = PostingFactory(
        organisation=organisation,
        status=S.REJECTED,
        texts={"de": {"title": "Laserphysik", "body": "Text"}},
    )
    response = client.patch(
        f"{CREATE}/{posting.id}", json={"pay_scale": "E13", "submit": True}, headers=auth(token)
    )
    assert response.get_json()["status"] == "submitted"


def test_patch_can_link_an_external_id_but_not_steal_one(client, organisation, token):
    posting = PostingFactory(
        organisation=organisation,
        status=S.DRAFT,
        texts={"de": {"title": "Laserphysik", "body": "Text"}},
    )
    PostingFactory(organisation=organisation, external_id="TAKEN")
    url = f"{CREATE}/{posting.id}"
    assert client.patch(url, json={"external_id": "NEW-7"}, headers=auth(token)).status_code == 200
    db.session.refresh(posting)
    assert posting.external_id == "NEW-7"
    response = client.patch(url, json={"external_id": "TAKEN"}, headers=auth(token))
    assert_problem(response, 409)
    db.session.refresh(posting)
    assert posting.external_id == "NEW-7"


# --- close and forbidden transitions ------------------------------------------------------------


def test_close_a_published_posting(client, conformance, organisation, token):
    posting = PostingFactory(organisation=organisation)
    response = client.post(f"{CREATE}/{posting.id}/close", headers=auth(token))
    answer = conformance.check("/api/v1/postings/{id}/close", response, "post")
    assert answer["status"] == "closed"
    assert client.get(f"{CREATE}/{posting.id}").status_code == 410


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.CLOSED, S.EXPIRED, S.SUSPENDED])
def test_close_from_another_status_is_409(client, conformance, organisation, token, status):
    posting = PostingFactory(organisation=organisation, status=status)
    response = client.post(f"{CREATE}/{posting.id}/close", headers=auth(token))
    problem = assert_problem(response, 409)
    conformance.check("/api/v1/postings/{id}/close", response, "post")
    assert "“Close” is not possible" in problem["detail"]  # in English, labels too
    assert status.value.capitalize() in problem["detail"]
    db.session.refresh(posting)
    assert posting.status == status


@pytest.mark.parametrize("status", [S.CLOSED, S.SUSPENDED])
def test_closed_and_suspended_postings_cannot_be_changed(client, organisation, token, status):
    posting = PostingFactory(
        organisation=organisation,
        status=status,
        external_id="ATS-1",
        texts={"de": {"title": "Laserphysik", "body": "Text"}},
    )
    patch = client.patch(f"{CREATE}/{posting.id}", json={"pay_scale": "E13"}, headers=auth(token))
    assert_problem(patch, 409)
    upsert = client.post(CREATE, json=body(), headers=auth(token))
    assert_problem(upsert, 409)
    db.session.refresh(posting)
    assert posting.pay_scale is None and posting.text("de").title == "Laserphysik"


# --- bad input ------------------------------------------------------------------------------------


BAD_BODIES = [
    ({"kind": "astronaut"}, "kind", "is not a valid choice"),
    ({"kind": 5}, "kind", "text"),
    ({"unknown": 1}, "unknown", "Unknown field"),
    ({"texts": {"fr": {"title": "Ingénieur"}}}, "texts.fr", "Unknown field"),
    ({"texts": {}}, "texts", "at least one language"),
    ({"texts": {"de": {"title": "Laser", "body": ""}}}, "texts.de.body", "describe the post"),
    ({"texts": {"de": {"body": "Text"}}}, "texts.de.title", "required"),
    ({"texts": {"de": {"title": "T" * 201, "body": "x"}}}, "texts.de.title", "200"),
    ({"texts": {"de": {"title": "La", "body": "x"}}}, "texts.de.title", "3 to 200"),
    ({"locations": []}, "locations", "place of work"),
    ({"locations": [{"city": "Jena", "country": "Deutschland"}]}, "locations.0.country", "Two letters"),
    ({"locations": [{"city": "Jena", "postcode": "!"}]}, "locations.0.postcode", "postcode"),
    ({"locations": [{"city": "Jena"}] * 6}, "locations", "at most 5"),
    ({"locations": "Jena"}, "locations", "list"),
    ({"salary": {"min": 70000, "max": 50000, "period": "year"}}, "salary.max", "below the lower end"),
    ({"salary": {"min": 50000}}, "salary.period", "per year, month or hour"),
    ({"salary": {"min": -1, "period": "year"}}, "salary.min", "whole number from 0"),
    ({"salary": {"min": "viel", "period": "year"}}, "salary.min", "whole number"),
    ({"salary": {"min": True, "period": "year"}}, "salary.min", "whole number"),
    ({"salary": {"min": 1, "currency": "DM", "period": "year"}}, "salary.currency", "valid choice"),
    ({"apply_url": None}, "apply_url", "where people can apply"),
    ({"apply_url": "javascript:alert(1)"}, "apply_url", "https://"),
    ({"apply_url": "ftp://example.org/x"}, "apply_url", "https://"),
    ({"apply_email": "not-an-address"}, "apply_email", "valid email"),
    ({"contact": {"email": "x@"}}, "contact.email", "valid email"),
    ({"contact": {"name": "N" * 121}}, "contact.name", "120"),
    ({"deadline": "31.02.2026"}, "deadline", "YYYY-MM-DD"),
    ({"deadline": "2026-02-31"}, "deadline", "YYYY-MM-DD"),
    ({"topics": [{"slug": "astrology"}]}, "topics", "Unknown topic: astrology"),
    ({"topics": ["laser-technology"]}, "topics.0", "object"),
    ({"working_languages": []}, "working_languages", "at least one working language"),
    ({"working_languages": ["fr"]}, "working_languages.0", "valid choice"),
    ({"german_level": "native"}, "german_level", "valid choice"),
    ({"submit": "yes"}, "submit", "true or false"),
    ({"external_id": ""}, "external_id", "empty"),
    ({"external_id": "x" * 101}, "external_id", "100"),
    ({"kind": None}, "kind", "required"),
]  # fmt: skip


@pytest.mark.parametrize(("overrides", "name", "reason"), BAD_BODIES)
def test_field_errors_are_422_with_invalid_params(
    client, conformance, organisation, token, overrides, name, reason
):
    response = client.post(CREATE, json=body(**overrides), headers=auth(token))
    problem = assert_problem(response, 422)
    conformance.check(CREATE, response, "post")
    reasons = {p["name"]: p["reason"] for p in problem["invalid_params"]}
    assert name in reasons, problem
    assert reason in reasons[name]
    assert name in problem["detail"]
    assert _postings(organisation) == []


def test_every_problem_is_listed_at_once(client, token):
    response = client.post(
        CREATE,
        json=body(
            kind="astronaut", apply_url="ftp://x", salary={"min": 9, "max": 1, "period": "year"}
        ),
        headers=auth(token),
    )
    problem = assert_problem(response, 422)
    # Shape errors come first; the rules run when the shape is right.
    assert {p["name"] for p in problem["invalid_params"]} == {"kind", "apply_url"}
    response = client.post(
        CREATE,
        json=body(apply_url="ftp://x", salary={"min": 9, "max": 1, "period": "year"}),
        headers=auth(token),
    )
    names = [p["name"] for p in assert_problem(response, 422)["invalid_params"]]
    assert names == ["apply_url"]  # "ftp://x" is no uri in the document's sense either


def test_patch_field_errors_name_the_fields(client, conformance, token):
    created = _create(client, token, submit=False)
    response = client.patch(
        f"{CREATE}/{created['id']}",
        json={
            "salary": {"min": 70000, "max": 50000, "period": "year"},
            "texts": {"de": None, "en": None},
        },
        headers=auth(token),
    )
    problem = assert_problem(response, 422)
    conformance.check("/api/v1/postings/{id}", response, "patch")
    assert {p["name"] for p in problem["invalid_params"]} == {"salary.max", "texts"}


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("{not json", "application/json"),
        ('{"kind": "job",}', "application/json"),
        ("", "application/json"),
        ("   ", "application/json"),
        ('{"salary": {"min": NaN}}', "application/json"),
        (b"\xff\xfe\xfa", "application/json"),
        ("[" * 100_000 + "]" * 100_000, "application/json"),
    ],
)
def test_malformed_json_is_400(client, conformance, organisation, token, data, content_type):
    response = client.post(CREATE, data=data, headers={**auth(token), "Content-Type": content_type})
    problem = assert_problem(response, 400)
    conformance.check(CREATE, response, "post")
    assert problem["detail"]
    assert _postings(organisation) == []


@pytest.mark.parametrize("doc", ["[]", '["job"]', '"job"', "42", "null", "true"])
def test_a_body_that_is_not_an_object_is_422(client, token, doc):
    response = client.post(
        CREATE, data=doc, headers={**auth(token), "Content-Type": "application/json"}
    )
    problem = assert_problem(response, 422)
    assert problem["invalid_params"][0]["name"] == "(body)"


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
def test_another_content_type_is_415(client, conformance, token, content_type):
    headers = auth(token)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post(CREATE, data=json.dumps(body()), headers=headers)
    assert_problem(response, 415)
    conformance.check(CREATE, response, "post")


def test_patch_415_names_what_it_accepts(client, token):
    created = _create(client, token)
    response = client.patch(
        f"{CREATE}/{created['id']}",
        data="{}",
        headers={**auth(token), "Content-Type": "text/plain"},
    )
    assert_problem(response, 415)
    assert "application/json" in response.headers["Accept-Patch"]


def test_json_with_charset_and_merge_patch_types_are_accepted(client, token):
    response = client.post(
        CREATE,
        data=json.dumps(body()),
        headers={**auth(token), "Content-Type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 201
    response = client.patch(
        f"{CREATE}/{response.get_json()['id']}",
        data='{"deadline": null}',
        headers={**auth(token), "Content-Type": "application/merge-patch+json"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1024 * 1024 + 1, 3 * 1024 * 1024, 5 * 1024 * 1024])
def test_a_body_over_1_mb_is_413_even_below_the_app_limit(
    client, conformance, organisation, token, size
):
    doc = body()
    doc["texts"]["de"]["body"] = "x" * size
    response = client.post(CREATE, json=doc, headers=auth(token))
    problem = assert_problem(response, 413)
    conformance.check(CREATE, response, "post")
    assert "1 MiB" in problem["detail"]
    assert _postings(organisation) == []


def test_a_body_just_under_the_limit_reaches_the_rules(client, token):
    doc = body()
    doc["texts"]["de"]["body"] = "x" * (1024 * 1024 - 2000)
    response = client.post(CREATE, json=doc, headers=auth(token))
    problem = assert_problem(response, 422)
    assert problem["invalid_params"] == [
        {"name": "texts.de.body", "reason": "Please use at most 20000 characters."}
    ]


def test_a_body_without_length_is_capped_while_read(client, token):
    """No Content-Length (a chunked upload): the limit applies while the body is read."""
    doc = json.dumps(body(pay_scale="x" * (2 * 1024 * 1024))).encode()
    response = client.post(
        CREATE,
        input_stream=io.BytesIO(doc),
        headers={**auth(token), "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert_problem(response, 413)


def test_large_problems_outside_the_api_stay_html(client_for, owner):
    response = client_for(owner).post(
        "/en/employer/organisation", data={"name": "x" * (5 * 1024 * 1024)}
    )
    assert response.status_code == 413 and response.mimetype == "text/html"


# --- CORS and CSRF ------------------------------------------------------------------------------


def test_write_answers_carry_no_cors(client, token):
    response = client.post(
        CREATE, json=body(), headers={**auth(token), "Origin": "https://elsewhere.example"}
    )
    assert response.status_code == 201
    assert not any(name.startswith("Access-Control") for name, _value in response.headers)
    preflight = client.options(
        f"{CREATE}/1",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers


def test_the_write_api_needs_no_csrf_token_but_the_forms_still_do(tmp_path):
    """With CSRF on (production), bearer requests pass; cookie forms without a token fail."""
    app = create_app(
        {
            "ENV_NAME": "testing",
            "WTF_CSRF_ENABLED": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'csrf.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SERVER_NAME": "portal.test",
        }
    )
    with app.app_context():
        db.create_all()
        org = OrganisationFactory()
        owner = MembershipFactory(organisation=org, role=MembershipRole.OWNER).user
        TopicFactory(slug="laser-technology")
        _token, value = api_tokens.create_token(org, "ATS", owner)
        db.session.commit()
        posting_id = None
        client = app.test_client()
        created = client.post(CREATE, json=body(), headers=auth(value))
        assert created.status_code == 201, created.get_json()
        posting_id = created.get_json()["id"]
        patched = client.patch(
            f"{CREATE}/{posting_id}", json={"deadline": None}, headers=auth(value)
        )
        assert patched.status_code == 200
        closed = client.post(f"{CREATE}/{posting_id}/close", headers=auth(value))
        assert closed.status_code == 409  # reached the status machine: submitted, not published
        form = client.post("/en/employer/api-tokens", data={"name": "x"})
        assert form.status_code == 400  # CSRF refused (and no login either)
        db.session.remove()


# --- the document -----------------------------------------------------------------------------------


def test_the_document_describes_the_write_api(openapi_doc):
    schemes = openapi_doc["components"]["securitySchemes"]
    assert schemes["apiToken"] == {**schemes["apiToken"], "type": "http", "scheme": "bearer"}
    post = openapi_doc["paths"]["/api/v1/postings"]["post"]
    assert post["security"] == [{"apiToken": []}]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PostingInput"
    }
    assert set(post["responses"]) >= {"200", "201", "400", "401", "413", "415", "422"}
    patch = openapi_doc["paths"]["/api/v1/postings/{id}"]["patch"]
    assert set(patch["responses"]) >= {"200", "401", "404", "409", "422"}
    schemas = openapi_doc["components"]["schemas"]
    posting_input = schemas["PostingInput"]["properties"]
    assert posting_input["submit"]["writeOnly"] is True
    assert all(posting_input[name]["readOnly"] for name in ("id", "organisation", "urls"))
    # the read schema's fields are all accepted (so a read posting can be sent back)
    assert set(schemas["Posting"]["properties"]) <= set(posting_input)


def test_the_example_in_the_document_is_accepted(client, openapi_doc, token):
    example = openapi_doc["paths"]["/api/v1/postings"]["post"]["requestBody"]["content"][
        "application/json"
    ]["example"]
    response = client.post(CREATE, json=copy.deepcopy(example), headers=auth(token))
    assert response.status_code == 201, response.get_json()


def test_input_schemas_use_only_keywords_the_checker_knows():
    from portal.services.posting_input import INPUT_SCHEMAS, SUPPORTED_KEYWORDS

    def walk(node):
        if isinstance(node, dict):
            yield node
            for key, value in node.items():
                if key in ("properties",):
                    for child in value.values():
                        yield from walk(child)
                elif key in ("items",) or key == "anyOf":
                    yield from (
                        walk(value)
                        if isinstance(value, dict)
                        else (n for v in value for n in walk(v))
                    )

    for name, schema in INPUT_SCHEMAS.items():
        for node in walk(schema):
            assert set(node) <= SUPPORTED_KEYWORDS, (name, set(node) - SUPPORTED_KEYWORDS)


def test_a_flood_of_unknown_fields_gets_a_short_answer(client, token):
    doc = body(**{f"field{i}": i for i in range(5000)})
    response = client.post(CREATE, json=doc, headers=auth(token))
    problem = assert_problem(response, 422)
    assert len(problem["invalid_params"]) == 100
    assert len(response.data) < 20_000
