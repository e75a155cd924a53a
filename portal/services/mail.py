"""Mail in the recipient's language, as text and HTML (DESIGN §8).

`MAIL_BACKEND=outbox` (the default) writes each message as an .eml file to
`MAIL_OUTBOX_DIR`; `smtp` sends it through `MAIL_SERVER`. Templates live in
`templates/mail/<name>.txt` and `templates/mail/<name>.html`; the subject is the first line
of the text template, separated from the body by a blank line.
"""

from __future__ import annotations

import smtplib
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale

from portal.models import utcnow


class MailError(RuntimeError):
    """The message could not be handed to the mail system."""


def render_message(
    to: str, template: str, lang: str, headers: dict[str, str] | None = None, **context: Any
) -> EmailMessage:
    """Build the message in `lang`, whatever the language of the current request."""
    with force_locale(lang):
        text = render_template(f"mail/{template}.txt", lang=lang, **context)
        html = render_template(f"mail/{template}.html", lang=lang, **context)
    subject, _, body = text.partition("\n\n")
    message = EmailMessage()
    message["Subject"] = subject.strip()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain="photonik-karriere.de")
    message["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body.strip() + "\n")
    message.add_alternative(html, subtype="html")
    # After set_content: it clears every Content-* header set before it.
    message["Content-Language"] = lang
    return message


def send(message: EmailMessage) -> None:
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "outbox":
        _write_to_outbox(message)
    elif backend == "smtp":
        _send_smtp(message)
    else:
        raise MailError(f"unknown MAIL_BACKEND {backend!r}")


def send_mail(
    to: str, template: str, lang: str, headers: dict[str, str] | None = None, **context: Any
) -> EmailMessage:
    """Render and send one message; returns it (tests and the outbox read it back)."""
    message = render_message(to, template, lang, headers=headers, **context)
    send(message)
    return message


def _write_to_outbox(message: EmailMessage) -> None:
    outbox = Path(current_app.config["MAIL_OUTBOX_DIR"])
    outbox.mkdir(parents=True, exist_ok=True)
    name = f"{utcnow():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
    temporary = outbox / f".{name}.tmp"
    temporary.write_bytes(bytes(message))
    temporary.replace(outbox / name)  # readers never see half a message


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=20) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"SMTP delivery failed: {exc}") from exc


def outbox_messages(outbox_dir: str | Path | None = None) -> list[EmailMessage]:
    """The messages in the outbox folder, oldest first (for tests and the demo)."""
    from email import policy
    from email.parser import BytesParser

    folder = Path(outbox_dir or current_app.config["MAIL_OUTBOX_DIR"])
    if not folder.exists():
        return []
    parser = BytesParser(policy=policy.default)
    return [parser.parsebytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))]
