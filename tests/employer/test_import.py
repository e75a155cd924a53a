"""The import page of the employer area (/employer/import): roles, languages, reports."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import Posting, PostingStatus

LANGS = ("de", "en")
HEADER = (
    "external_id;kind;lang;title;summary;body;city;employment;remote;deadline;apply_url;"
    "salary_min;salary_max;topics"
)
GOOD = "A-1;job;de;Laseringenieur*in;;Sie bauen Laser.;Jena;;;;https://example.org/a1;;;"
BAD = "B-2;job;de;Ohne Text;;;Jena;;;;https://example.org/b2;;;"


def upload(client, lang: str, raw: bytes, name: str = "stellen.csv", **fields):
    data = {"file": (io.BytesIO(raw), name), "format": "", **fields}
    return client.post(f"/{lang}/employer/import", data=data, content_type="multipart/form-data")


def csv_file(*rows: str) -> bytes:
    return ("\n".join((HEADER, *rows)) + "\n").encode()


def _postings(organisation) -> list[Posting]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(Posting).where(Posting.organisation_id == organisation.id))
    )


def _text(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("who", ["owner", "editor"])
def test_members_import_a_file_with_a_report(client_for, request, organisation, lang, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    page = client.get(f"/{lang}/employer/import")
    assert page.status_code == 200
    assert ("Stellenanzeigen importieren" if lang == "de" else "Import postings") in _text(page)

    response = upload(client, lang, csv_file(GOOD, BAD))
    assert response.status_code == 200
    body = _text(response)
    if lang == "de":
        assert "Ergebnis des Imports" in body
        assert "1 Stellenanzeige angelegt" in body and "1 Stellenanzeige fehlgeschlagen" in body
        assert "Bitte beschreiben Sie die Stelle." in body
    else:
        assert "Result of the import" in body
        assert "1 posting created" in body and "1 posting failed" in body
        assert "Please describe the post." in body
    assert re.search(r'<td class="num">3</td><td>body</td>', body)
    [posting] = _postings(organisation)
    assert posting.external_id == "A-1" and posting.status == PostingStatus.SUBMITTED
    assert posting.created_by_id == user.id
    assert f'href="/{lang}/employer/postings/{posting.id}"' in body


@pytest.mark.parametrize("lang", LANGS)
def test_dry_run_writes_nothing(client_for, owner, organisation, lang):
    response = upload(client_for(owner), lang, csv_file(GOOD), dry_run="y")
    assert response.status_code == 200
    body = _text(response)
    assert ("nichts wurde importiert" if lang == "de" else "nothing was imported") in body
    assert ("1 Stellenanzeige angelegt" if lang == "de" else "1 posting created") in body
    assert 'name="dry_run" type="checkbox" value="y"' in body and "checked" in body
    assert _postings(organisation) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "logo.png", {"de": "keine CSV- oder JSON-Textdatei", "en": "not a CSV or JSON text file"}),
        (b"", "leer.csv", {"de": "Die Datei ist leer.", "en": "The file is empty."}),
        (b"external_id;kind\n", "x.csv", {"de": "fehlen Spalten", "en": "Columns are missing"}),
        (b'{"a": 1}', "x.json", {"de": "Liste von Stellenanzeigen", "en": "list of postings"}),
        (b"x" * (1024 * 1024 + 10), "gross.csv", {"de": "größer als 1 MB", "en": "larger than 1 MB"}),
    ],
)  # fmt: skip
def test_an_unreadable_file_is_400_with_a_message(
    client_for, owner, organisation, lang, raw, name, message
):
    response = upload(client_for(owner), lang, raw, name)
    assert response.status_code == 400
    body = _text(response)
    error = re.search(r'id="file-error">(.*?)</p>', body, re.S).group(1)
    assert message[lang] in error
    assert 'aria-invalid="true"' in body
    assert _postings(organisation) == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_file_chosen(client_for, owner, lang):
    response = client_for(owner).post(
        f"/{lang}/employer/import", data={"format": "csv"}, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    error = re.search(r'id="file-error">(.*?)</p>', _text(response), re.S).group(1)
    assert (
        "Bitte wählen Sie eine Datei aus." if lang == "de" else "Please choose a file."
    ) in error
    assert '<option selected value="csv">' in _text(response)  # the choice is kept


def test_the_format_can_be_forced(client_for, owner, organisation):
    response = upload(client_for(owner), "en", csv_file(GOOD), "export.txt", format="json")
    assert response.status_code == 400 and "JSON" in _text(response)
    response = upload(client_for(owner), "en", csv_file(GOOD), "export.txt", format="csv")
    assert response.status_code == 200 and len(_postings(organisation)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_who_may_import(client, client_for, staff, other_employer, organisation, lang):
    anonymous = upload(client, lang, csv_file(GOOD))
    assert anonymous.status_code == 302
    assert urlsplit(anonymous.headers["Location"]).path == f"/{lang}/account/login"
    assert client.get(f"/{lang}/employer/import").status_code == 302
    assert upload(client_for(staff), lang, csv_file(GOOD)).status_code == 403
    # another employer imports into their own organisation, never into ours
    assert upload(client_for(other_employer), lang, csv_file(GOOD)).status_code == 200
    assert _postings(organisation) == []
    [theirs] = db.session.scalars(sa.select(Posting)).all()
    assert theirs.organisation_id == other_employer.memberships[0].organisation_id


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_example_files_can_be_downloaded(client, client_for, owner, fmt):
    response = client_for(owner).get(f"/en/employer/import/example.{fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert b"external_id" in response.data
    assert client.get(f"/en/employer/import/example.{fmt}").status_code == 302
    assert client_for(owner).get("/en/employer/import/example.xlsx").status_code == 404


def test_the_example_file_uploads_cleanly(client_for, owner, organisation):
    from portal.services.taxonomy import ensure_topics

    ensure_topics()  # the example uses the taxonomy's slugs
    with open("docs/examples/import-example.csv", "rb") as handle:
        response = upload(client_for(owner), "de", handle.read(), "import-example.csv")
    assert response.status_code == 200
    assert "2 Stellenanzeigen angelegt" in _text(response)
    assert "0 Stellenanzeigen fehlgeschlagen" in _text(response)
