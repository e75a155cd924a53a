"""Fixtures of the API tests: the OpenAPI document and a validator of answers against it."""

from __future__ import annotations

from typing import Any

import pytest

from portal.api.openapi import document
from tests.api.support import Conformance


@pytest.fixture(scope="session")
def openapi_doc() -> dict[str, Any]:
    return document(server_url="http://portal.test")


@pytest.fixture(scope="session")
def conformance(openapi_doc) -> Conformance:
    return Conformance(openapi_doc)
