"""Embedding a member's open postings on its own careers page (DESIGN §3 `/embed/…`).

The embed page may be framed only by the organisation's verified website: its origin goes into
the page's CSP `frame-ancestors`. The employer area shows `embed_snippet()` to copy.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import escape

from portal.models import Organisation

_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def website_origin(organisation: Organisation) -> str | None:
    """`scheme://host[:port]` of the organisation's verified website, else None.

    The result goes into a CSP header, so it is rebuilt from parts that are checked
    character by character: a stored website can never inject a directive.
    """
    if not organisation.website_verified or not organisation.website:
        return None
    try:
        url = urlsplit(organisation.website.strip())
        port = url.port
        host = (url.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    if url.scheme not in _DEFAULT_PORTS or not _HOST.fullmatch(host):
        return None
    if port is not None and port != _DEFAULT_PORTS[url.scheme]:
        return f"{url.scheme}://{host}:{port}"
    return f"{url.scheme}://{host}"


def embed_url(organisation: Organisation, lang: str) -> str:
    return url_for("embed.organisation", lang=lang, slug=organisation.slug, _external=True)


def embed_snippet(organisation: Organisation, lang: str) -> str:
    """The HTML an organisation pastes into its careers page to show its open postings."""
    with force_locale(lang):
        title = _("Open positions at %(name)s", name=organisation.name)
    return (
        f'<iframe src="{escape(embed_url(organisation, lang))}" title="{escape(title)}" '
        'width="100%" height="480" loading="lazy"></iframe>'
    )
