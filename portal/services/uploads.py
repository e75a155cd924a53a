"""Logo uploads: checked, re-encoded with Pillow, stored under a random name (DESIGN §7).

Only PNG, JPEG and WebP are accepted, at most 2 MB. The file is recognised by its content
(never by its name or the browser's content type), its pixel size is checked before any
pixel is decoded (decompression bombs), and it is re-encoded from the decoded pixels: what
is stored carries no metadata and no payload of the original. Files are written to a
temporary name and renamed, so a reader never sees half a logo.
"""

from __future__ import annotations

import io
import logging
import os
import re
import secrets
import tempfile
import warnings
from pathlib import Path
from typing import IO, Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000  # e.g. 8000 × 5000; larger images are refused unread
MAX_SOURCE_SIDE = 10_000
LOGO_BOX = (512, 512)
LOGO_DIR = "logos"
# What the first bytes of each accepted format look like, and how it is stored again.
FORMATS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}
LOGO_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|webp)$")

logger = logging.getLogger(__name__)


class UploadError(ValueError):
    """The upload cannot be used; `message` is translated for the person who sent it."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class StorageError(UploadError):
    """The logo was fine but could not be written (disk full, read-only folder): our fault."""


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def logo_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / LOGO_DIR


def read_limited(stream: IO[bytes], limit: int = MAX_LOGO_BYTES) -> bytes:
    """At most `limit` bytes of the stream; UploadError when there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UploadError(_l("The file is larger than 2 MB. Please upload a smaller logo."))
    return data


def process_logo(data: bytes) -> tuple[bytes, str]:
    """Check and re-encode an uploaded logo; returns (encoded bytes, file extension)."""
    if not data:
        raise UploadError(_l("The file is empty."))
    if len(data) > MAX_LOGO_BYTES:
        raise UploadError(_l("The file is larger than 2 MB. Please upload a smaller logo."))
    kind = _sniff(data[:16])
    if kind is None:
        raise UploadError(
            _l(
                "Please upload a PNG, JPEG or WebP image. Other formats such as SVG or GIF "
                "are not accepted."
            )
        )
    damaged = UploadError(_l("The image could not be read. It may be damaged or incomplete."))
    too_big = UploadError(
        _l("The image has too many pixels (at most 40 megapixels). Please upload a smaller logo.")
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
            width, height = image.size
            if width * height > MAX_SOURCE_PIXELS or max(width, height) > MAX_SOURCE_SIDE:
                raise too_big
            image.load()
    except UploadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise damaged from None
    if width < 1 or height < 1:
        raise damaged
    try:
        return _encode(image, kind), FORMATS[kind]
    except (OSError, ValueError) as exc:
        raise damaged from exc


def _encode(image: Image.Image, kind: str) -> bytes:
    """Upright, at most LOGO_BOX, re-encoded without metadata (EXIF, ICC, text chunks)."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if kind == "JPEG" or not has_alpha:
        image = image.convert("RGB")
    else:
        image = image.convert("RGBA")
    image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    clean = Image.new(image.mode, image.size)  # a fresh image: nothing of the source's info
    clean.paste(image)
    out = io.BytesIO()
    if kind == "PNG":
        clean.save(out, "PNG", optimize=True)
    elif kind == "JPEG":
        clean.save(out, "JPEG", quality=88, optimize=True)
    else:
        clean.save(out, "WEBP", quality=88)
    return out.getvalue()


def store_logo(stream: IO[bytes]) -> str:
    """Check, re-encode and store an uploaded logo; returns its new random file name."""
    encoded, extension = process_logo(read_limited(stream))
    folder = logo_dir()
    name = secrets.token_hex(16) + extension
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(folder, name, encoded)
    except OSError as exc:
        # Disk full, read-only or missing volume: the person can do nothing about it but try
        # again later, so they get a clear message and the operator gets the reason.
        logger.error("logo could not be stored in %s: %s", folder, exc)
        raise StorageError(
            _l(
                "The logo could not be stored because of a problem on our side. Nothing has "
                "been saved; please try again later."
            )
        ) from exc
    return name


def _write_atomically(folder: Path, name: str, data: bytes) -> None:
    """Write to a temporary file and rename it: never half a file, no leftover on failure."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def delete_logo(name: str | None) -> None:
    """Remove a stored logo file (after the database no longer points at it)."""
    if name and LOGO_NAME.match(name):
        (logo_dir() / name).unlink(missing_ok=True)
