"""Helpers for the API tests: checking real answers against the OpenAPI document."""

from __future__ import annotations

import re
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_URI = "urn:photonik:openapi"


class Conformance:
    """Validates a response against the operation, status and media type the document names."""

    def __init__(self, doc: dict[str, Any]):
        self.doc = doc
        self.registry = Registry().with_resource(
            DOC_URI, Resource.from_contents(doc, default_specification=DRAFT202012)
        )

    def validator(self, pointer: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"$ref": f"{DOC_URI}#{pointer}"},
            registry=self.registry,
            format_checker=FormatChecker(),
        )

    def schema_errors(self, pointer: str, instance: Any) -> list[str]:
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
            for e in self.validator(pointer).iter_errors(instance)
        ]

    def check(self, path_template: str, response, method: str = "get") -> Any:
        """Assert that `response` is documented for `path_template` and matches its schema."""
        operation = self.doc["paths"][path_template][method]
        status = str(response.status_code)
        assert status in operation["responses"], f"{status} is not documented for {path_template}"
        spec = self._deref(operation["responses"][status])
        media_type = response.mimetype
        assert media_type in spec["content"], (
            f"{media_type} is not documented for {status} of {path_template}"
        )
        for name, header in spec.get("headers", {}).items():
            header = self._deref(header)
            if header.get("required"):
                assert name in response.headers, f"missing header {name}"
        body = response.get_json()
        pointer = spec["content"][media_type]["schema"].get("$ref", "").removeprefix("#")
        if pointer:
            errors = self.schema_errors(pointer, body)
            assert not errors, "\n".join(errors)
        return body

    def _deref(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.doc
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node


def link_rels(response) -> dict[str, str]:
    """The RFC 8288 `Link` header as {rel: url}."""
    return {
        rel: url
        for url, rel in re.findall(r'<([^>]+)>;\s*rel="([a-z]+)"', response.headers.get("Link", ""))
    }


def assert_problem(response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body
