"""The organisation profile, logo uploads and the logo route, deleting an organisation."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image

from portal.extensions import db
from portal.models import (
    ApiToken,
    AuditEvent,
    Membership,
    Organisation,
    OrganisationStatus,
    Posting,
    PostingStatus,
)
from portal.services import uploads
from portal.services.uploads import UploadError
from tests.employer.conftest import image_bytes, png_bomb
from tests.factories import PostingFactory

S = PostingStatus


def _profile(**overrides):
    data = {
        "name": "Lichtblick Optik GmbH",
        "kind": "company",
        "website": "https://lichtblick.example.org",
        "city": "Jena",
        "postcode": "07745",
        "employees": "50-249",
        "founded_year": "1998",
        "description_de": "Wir schleifen **Linsen**.",
        "description_en": "We grind **lenses**.",
        "benefits": ["flexible_hours", "childcare"],
    }
    data.update({k: v for k, v in overrides.items() if v is not None})
    for key in [k for k, v in overrides.items() if v is None]:
        data.pop(key, None)
    return data


def _logo_dir(app) -> Path:
    return Path(app.config["UPLOAD_DIR"]) / "logos"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_profile_form_shows_and_saves(client_for, owner, organisation, lang):
    client = client_for(owner)
    body = client.get(f"/{lang}/employer/organisation").get_data(as_text=True)
    assert f'value="{organisation.name}"' in body
    response = client.post(f"/{lang}/employer/organisation", data=_profile())
    assert response.status_code == 303
    db.session.refresh(organisation)
    assert organisation.name == "Lichtblick Optik GmbH"
    assert organisation.employees.value == "50-249" and organisation.founded_year == 1998
    assert organisation.benefits == ["flexible_hours", "childcare"]
    assert organisation.description_en == "We grind **lenses**."
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "organisation.update")
    ).one()
    assert event.actor_id == owner.id and "name" in event.details["fields"]


def test_editor_may_edit_the_profile(client_for, editor, organisation):
    response = client_for(editor).post("/en/employer/organisation", data=_profile())
    assert response.status_code == 303


def test_member_flag_status_and_trust_cannot_be_set_here(client_for, owner, organisation):
    organisation.member = False
    db.session.commit()
    client_for(owner).post(
        "/en/employer/organisation",
        data=_profile(member="y", status="approved", auto_publish="y", slug="hijack"),
    )
    db.session.refresh(organisation)
    assert not organisation.member and not organisation.auto_publish
    assert organisation.slug != "hijack"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "N" * 161}, "name"),
        ({"website": "not a url"}, "website"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"founded_year": "3000"}, "founded_year"),
        ({"postcode": "<b>"}, "postcode"),
        ({"kind": "cartel"}, "kind"),
        ({"benefits": ["free_beer"]}, "benefits"),
        ({"description_de": "x" * 10_001}, "description_de"),
    ],
)
def test_bad_profile_input_is_400_and_kept(client_for, owner, organisation, overrides, field):
    before = organisation.name
    response = client_for(owner).post("/de/employer/organisation", data=_profile(**overrides))
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert f'id="{field}-error"' in body
    assert "Wir schleifen **Linsen**." in body or field == "description_de"
    db.session.refresh(organisation)
    assert organisation.name == before


def test_markdown_preview_renders_sanitized_and_saves_nothing(client_for, owner, organisation):
    response = client_for(owner).post(
        "/en/employer/organisation",
        data=_profile(
            description_de="**fett** <script>x()</script> [a](javascript:alert(1))", preview="1"
        ),  # fmt: skip
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    preview = re.search(r'<section class="md-preview".*?</section>', body, re.S).group(0)
    assert "<strong>fett</strong>" in preview
    assert "<script>" not in preview and 'href="javascript' not in preview
    assert "&lt;script&gt;" in preview
    db.session.refresh(organisation)
    assert organisation.description_de != "**fett** <script>x()</script> [a](javascript:alert(1))"


# --- logos ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "extension", "mode"),
    [
        ("PNG", ".png", "RGB"),
        ("JPEG", ".jpg", "RGB"),
        ("WEBP", ".webp", "RGB"),
        ("PNG", ".png", "RGBA"),
    ],  # fmt: skip
)
def test_good_logo_is_re_encoded_capped_and_stored(
    app, client, client_for, owner, organisation, fmt, extension, mode
):
    data = image_bytes(fmt, size=(1600, 800), mode=mode)
    response = client_for(owner).post(
        "/en/employer/organisation",
        data=_profile(logo=(io.BytesIO(data), f"logo.{fmt.lower()}")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    db.session.refresh(organisation)
    assert re.fullmatch(r"[0-9a-f]{32}" + re.escape(extension), organisation.logo)
    stored = _logo_dir(app) / organisation.logo
    with Image.open(stored) as image:
        assert image.format == fmt
        assert image.size == (512, 256)
        assert not image.info.get("exif")
        if mode == "RGBA":
            assert image.mode == "RGBA"
    assert b"Secret Camera Maker" not in stored.read_bytes()
    assert not [p for p in _logo_dir(app).iterdir() if p.name.startswith(".")]  # no temp file

    served = client.get(f"/media/logos/{organisation.logo}")
    assert served.status_code == 200
    assert served.headers["Content-Type"] == {"PNG": "image/png", "JPEG": "image/jpeg",
                                              "WEBP": "image/webp"}[fmt]  # fmt: skip
    assert "max-age=31536000" in served.headers["Cache-Control"]
    assert "immutable" in served.headers["Cache-Control"]
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    # the public pages point at the route
    page = client.get(f"/de/organisations/{organisation.slug}").get_data(as_text=True)
    assert f'src="/media/logos/{organisation.logo}"' in page


def test_new_logo_replaces_and_deletes_the_old_file(app, client_for, owner, organisation):
    client = client_for(owner)
    for _ in range(2):
        client.post(
            "/en/employer/organisation",
            data=_profile(logo=(io.BytesIO(image_bytes("PNG")), "a.png")),
            content_type="multipart/form-data",
        )
    db.session.refresh(organisation)
    assert [p.name for p in _logo_dir(app).iterdir()] == [organisation.logo]
    client.post("/en/employer/organisation", data=_profile(remove_logo="y"))
    db.session.refresh(organisation)
    assert organisation.logo is None and list(_logo_dir(app).iterdir()) == []


BAD_FILES = {
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg",
            {"en": "PNG, JPEG or WebP", "de": "PNG-, JPEG- oder WebP"}),
    "gif": (image_bytes("GIF"), "x.gif", {"en": "PNG, JPEG or WebP", "de": "PNG-, JPEG- oder WebP"}),
    "text": (b"hello, I am a text file", "logo.png",
             {"en": "PNG, JPEG or WebP", "de": "PNG-, JPEG- oder WebP"}),
    "truncated": (image_bytes("PNG", size=(300, 300))[:400], "cut.png",
                  {"en": "damaged or incomplete", "de": "beschädigt oder unvollständig"}),
    "bomb": (png_bomb(), "bomb.png", {"en": "too many pixels", "de": "zu viele Pixel"}),
    "oversized": (b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024 + 10), "big.png",
                  {"en": "larger than 2 MB", "de": "größer als 2 MB"}),
    "empty": (b"", "empty.png", {"en": "empty", "de": "leer"}),
    "no file chosen": (b"", "", None),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_uploads_are_refused_clearly(app, client_for, owner, organisation, lang, case):
    payload, filename, message = BAD_FILES[case]
    response = client_for(owner).post(
        f"/{lang}/employer/organisation",
        data=_profile(name="Neuer Name GmbH", logo=(io.BytesIO(payload), filename)),
        content_type="multipart/form-data",
    )
    db.session.refresh(organisation)
    assert organisation.logo is None
    assert not _logo_dir(app).exists() or list(_logo_dir(app).iterdir()) == []
    if message is None:  # no file chosen: the profile is saved without a logo
        assert response.status_code == 303
        return
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    error = re.search(r'id="logo-error">(.*?)</p>', body, re.S).group(1)
    assert message[lang] in error
    assert 'value="Neuer Name GmbH"' in body  # what was typed is kept
    assert organisation.name != "Neuer Name GmbH"  # nothing half-saved


def test_upload_over_the_request_limit_is_413(client_for, owner):
    response = client_for(owner).post(
        "/de/employer/organisation",
        data=_profile(logo=(io.BytesIO(b"\0" * (5 * 1024 * 1024)), "huge.png")),
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "zu groß" in response.get_data(as_text=True)


def test_process_logo_refuses_bombs_before_decoding(monkeypatch):
    def fail(*args, **kwargs):  # pragma: no cover - must not be reached
        raise AssertionError("decoded a bomb")

    monkeypatch.setattr(Image.Image, "load", fail)
    with pytest.raises(UploadError):
        uploads.process_logo(png_bomb(12_000, 4_000))


def test_commit_failure_removes_the_new_file(app, client_for, owner, organisation, monkeypatch):
    from portal.extensions import db as ext_db

    original = ext_db.session.commit
    calls = {"n": 0}

    def broken_commit():
        calls["n"] += 1
        raise RuntimeError("database gone")

    monkeypatch.setattr(ext_db.session, "commit", broken_commit)
    app.config["PROPAGATE_EXCEPTIONS"] = True
    try:
        with pytest.raises(RuntimeError):
            client_for(owner).post(
                "/en/employer/organisation",
                data=_profile(logo=(io.BytesIO(image_bytes("PNG")), "a.png")),
                content_type="multipart/form-data",
            )
    finally:
        monkeypatch.setattr(ext_db.session, "commit", original)
    assert calls["n"] == 1
    assert list(_logo_dir(app).iterdir()) == []


@pytest.mark.parametrize(
    "name",
    ["../secret.png", "..%2F..%2Fconfig.py", "abc.png", "0" * 32 + ".svg", "0" * 32 + ".png"],
)
def test_logo_route_serves_only_stored_logo_names(client, name):
    assert client.get(f"/media/logos/{name}").status_code == 404


# --- deleting ------------------------------------------------------------------------------


def test_delete_needs_the_exact_name(client_for, owner, organisation):
    client = client_for(owner)
    assert client.get("/de/employer/organisation/delete").status_code == 200
    response = client.post("/de/employer/organisation/delete", data={"confirm_name": "falsch"})
    assert response.status_code == 400
    assert "stimmt nicht überein" in response.get_data(as_text=True)
    assert db.session.get(Organisation, organisation.id) is not None


def test_delete_without_public_history_removes_everything(app, client_for, owner, organisation):
    draft = PostingFactory(organisation=organisation, status=S.DRAFT, published_at=None)
    draft_id, org_id = draft.id, organisation.id
    db.session.add(ApiToken(organisation=organisation, name="ATS", token_hash="h" * 64))
    db.session.commit()
    response = client_for(owner).post(
        "/en/employer/organisation/delete", data={"confirm_name": organisation.name}
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Organisation, org_id) is None
    assert db.session.get(Posting, draft_id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0
    assert db.session.scalars(sa.select(Membership)).all() == []
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "organisation.delete")
    ).one()
    assert event.object_id == org_id and event.actor_id == owner.id


def test_delete_with_public_history_closes_and_keeps_a_record(
    app, client, client_for, owner, editor, organisation
):
    client_for(owner).post(
        "/en/employer/organisation",
        data=_profile(logo=(io.BytesIO(image_bytes("PNG")), "a.png")),
        content_type="multipart/form-data",
    )
    db.session.refresh(organisation)
    live = PostingFactory(organisation=organisation)
    expired = PostingFactory(organisation=organisation, status=S.EXPIRED)
    draft = PostingFactory(organisation=organisation, status=S.DRAFT, published_at=None)
    ids = (live.id, expired.id, draft.id)
    db.session.commit()
    response = client_for(owner).post(
        "/de/employer/organisation/delete", data={"confirm_name": organisation.name}
    )
    assert response.status_code == 303
    db.session.expire_all()
    org = db.session.get(Organisation, organisation.id)
    assert org.status == OrganisationStatus.SUSPENDED and not org.auto_publish
    assert org.logo is None and org.description_de == "" and org.memberships == []
    assert list(_logo_dir(app).iterdir()) == []
    assert db.session.get(Posting, ids[0]).status == S.CLOSED
    assert db.session.get(Posting, ids[1]).status == S.EXPIRED
    assert db.session.get(Posting, ids[2]) is None
    assert client.get(f"/de/jobs/{ids[0]}", follow_redirects=True).status_code == 410
    assert client.get(f"/de/organisations/{org.slug}").status_code == 404
    # the former members have no organisation any more
    assert client_for(editor).get("/de/employer/").status_code == 403
