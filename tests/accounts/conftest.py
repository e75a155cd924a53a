"""Helpers of the accounts tests: a known password, the mails in the outbox, their links."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest

from portal.services.mail import outbox_messages

PASSWORD = "Lichtleiter im Saaletal"  # long, not common
LINK = re.compile(r"http://portal\.test/\S+")


def mails(to: str | None = None) -> list[EmailMessage]:
    """The messages sent in this test (each test has its own outbox), optionally to one address."""
    return [m for m in outbox_messages() if to is None or m["To"] == to]


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message: EmailMessage) -> str:
    """The one link in a mail's text part, as a path for the test client."""
    found = LINK.findall(text_of(message))
    assert len(found) == 1, found
    return found[0].removeprefix("http://portal.test")


@pytest.fixture
def user_with_password():
    """A confirmed employer without organisation whose password is PASSWORD."""
    from tests.factories import UserFactory

    return UserFactory(password=PASSWORD, locale="en")
