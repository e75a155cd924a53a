"""Helpers of the employer tests: a valid posting form, images made with Pillow, mails."""

from __future__ import annotations

import io
import re
from email.message import EmailMessage
from typing import Any

import pytest
from PIL import Image

from portal.services.mail import outbox_messages

LINK = re.compile(r"http://portal\.test/\S+")


def mails(to: str | None = None) -> list[EmailMessage]:
    """The messages sent in this test (each test has its own outbox), optionally to one address."""
    return [m for m in outbox_messages() if to is None or m["To"] == to]


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def lang_of(message: EmailMessage) -> str | None:
    """The message's Content-Language (email moves it into the text part of multipart mail)."""
    return message["Content-Language"] or message.get_body(("plain",))["Content-Language"]


def links_in(message: EmailMessage) -> list[str]:
    """The links in a mail's text part, as paths for the test client."""
    return [link.removeprefix("http://portal.test") for link in LINK.findall(text_of(message))]


def posting_form(**overrides: Any) -> dict[str, Any]:
    """A complete, valid posting form (German and English texts, one place, pay, apply URL).

    Keys with the value None are left out (as an empty browser field would be sent as "").
    """
    data: dict[str, Any] = {
        "kind": "job",
        "employment": "full_time",
        "remote": "hybrid",
        "locations-0-city": "Jena",
        "locations-0-postcode": "07745",
        "locations-0-country": "DE",
        "start_date": "",
        "deadline": "",
        "salary_min": "52000",
        "salary_max": "64000",
        "salary_currency": "EUR",
        "salary_period": "year",
        "pay_scale": "",
        "working_languages": ["de", "en"],
        "german_level": "B2",
        "english_level": "C1",
        "apply_url": "https://example.org/jobs/42",
        "apply_email": "",
        "contact_name": "Dr. Ada Licht",
        "contact_email": "ada@example.org",
        "de-title": "Entwicklungsingenieur*in Optik",
        "de-summary": "Sie entwickeln Optiken für Lasersysteme.",
        "de-body": "Sie entwerfen **Optiken** für Hochleistungslaser.\n\n- Simulation\n- Tests",
        "de-requirements": "- Studium der Physik",
        "de-offer": "- Flexible Arbeitszeiten",
        "en-title": "Optical development engineer",
        "en-summary": "You develop optics for laser systems.",
        "en-body": "You design **optics** for high-power lasers.",
        "en-requirements": "- Degree in physics",
        "en-offer": "- Flexible hours",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (800, 400), mode: str = "RGB") -> bytes:
    """A small real image made with Pillow, with EXIF data on JPEG (to see it stripped)."""
    image = Image.new(mode, size, (30, 60, 150) if mode == "RGB" else None)
    out = io.BytesIO()
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x010F] = "Secret Camera Maker"  # Make
        image.save(out, "JPEG", exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A PNG that is tiny on disk but enormous when decoded (a decompression bomb)."""
    import struct
    import zlib

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def topics():
    from tests.factories import TopicFactory

    return [
        TopicFactory(slug="laser-technology", name_de="Lasertechnik", name_en="Laser technology"),
        TopicFactory(slug="software-embedded", name_de="Software", name_en="Software"),
    ]


@pytest.fixture
def posting(organisation, owner):
    """A published posting of `organisation`, written by its owner."""
    from tests.factories import PostingFactory

    return PostingFactory(
        organisation=organisation,
        created_by_id=owner.id,
        texts={
            "de": {"title": "Laserphysiker*in", "body": "Wir bauen Laser."},
            "en": {"title": "Laser physicist", "body": "We build lasers."},
        },
    )
