"""A logo upload when the disk is full or the upload folder is read-only (issue #8).

The employer gets a clear, translated message and the form again (their input kept); nothing
is half-written: no temporary file is left, the profile and the logo in the database are
unchanged.

How the faults are made: a full disk by letting the write raise ENOSPC; a read-only folder
by letting the creation of the temporary file raise EROFS (CI runs as root, whom neither
chmod nor a read-only bit stops; a read-only bind mount would need privileges a test should
not ask for). As another user the last test also tries a real chmod 0555 folder.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from pathlib import Path

import pytest

from portal.extensions import db
from portal.services import uploads
from tests.employer.conftest import image_bytes

GERMAN = "Das Logo konnte wegen eines Problems auf unserer Seite nicht gespeichert werden."
ENGLISH = "The logo could not be stored because of a problem on our side."


def profile(**changes):
    data = {
        "name": "Neuer Name Optik GmbH",
        "kind": "company",
        "website": "https://lichtblick.example.org",
        "city": "Erfurt",
        "postcode": "99084",
        "employees": "50-249",
        "founded_year": "1998",
        "description_de": "Wir schleifen **Linsen**.",
        "description_en": "We grind **lenses**.",
        "logo": (io.BytesIO(image_bytes("PNG")), "logo.png"),
    }
    data.update(changes)
    return data


def logo_dir(app) -> Path:
    return Path(app.config["UPLOAD_DIR"]) / uploads.LOGO_DIR


def upload(client_for, owner, lang: str):
    return client_for(owner).post(
        f"/{lang}/employer/organisation", data=profile(), content_type="multipart/form-data"
    )


def assert_nothing_written(app, organisation, old_name: str) -> None:
    db.session.expire_all()
    assert organisation.logo is None and organisation.name == old_name
    folder = logo_dir(app)
    assert not folder.exists() or list(folder.iterdir()) == []


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize(("lang", "message"), [("de", GERMAN), ("en", ENGLISH)])
def test_disk_full_gives_a_clear_message_and_writes_nothing(
    app, client_for, owner, organisation, monkeypatch, lang, message
):
    old_name = organisation.name
    monkeypatch.setattr(uploads.os, "fsync", _disk_full)  # the data does not fit on the disk
    response = upload(client_for, owner, lang)
    monkeypatch.undo()
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body
    assert 'value="Neuer Name Optik GmbH"' in body  # what was typed is kept
    assert_nothing_written(app, organisation, old_name)


def test_read_only_upload_folder_gives_a_clear_message(
    app, client_for, owner, organisation, monkeypatch
):
    old_name = organisation.name

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    response = upload(client_for, owner, "de")
    monkeypatch.undo()
    assert response.status_code == 400
    assert GERMAN in response.get_data(as_text=True)
    assert_nothing_written(app, organisation, old_name)


def test_upload_folder_that_is_a_file_gives_a_clear_message(app, client_for, owner, organisation):
    """A real failure, even for root: the volume is not mounted and a file is in the way."""
    Path(app.config["UPLOAD_DIR"]).mkdir(parents=True, exist_ok=True)
    logo_dir(app).write_text("in the way")
    response = upload(client_for, owner, "en")
    assert response.status_code == 400
    assert ENGLISH in response.get_data(as_text=True)
    db.session.expire_all()
    assert organisation.logo is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_chmod_read_only_folder_gives_a_clear_message(app, client_for, owner, organisation):
    folder = logo_dir(app)
    folder.mkdir(parents=True)
    folder.chmod(0o555)
    try:
        response = upload(client_for, owner, "en")
    finally:
        folder.chmod(0o755)
    assert response.status_code == 400
    assert ENGLISH in response.get_data(as_text=True)
    assert list(folder.iterdir()) == []


def test_the_upload_works_again_when_the_disk_has_room(app, client_for, owner, organisation):
    response = upload(client_for, owner, "de")
    assert response.status_code == 303
    db.session.expire_all()
    assert organisation.logo and (logo_dir(app) / organisation.logo).is_file()
