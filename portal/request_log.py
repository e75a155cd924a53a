"""One log line per request: id, method, route, status, duration — no personal data.

The route is the URL rule (`/<lang>/alerts/<token>`), never the raw path or query string, so
tokens, search terms and email addresses stay out of the logs; no IP address is logged.
"""

from __future__ import annotations

import logging
import time
import uuid

from flask import Flask, Response, g, request

logger = logging.getLogger("portal.requests")


def _start() -> None:
    g.request_started = time.perf_counter()
    incoming = request.headers.get("X-Request-ID", "")
    # Accept the proxy's id when it looks like one; otherwise make our own.
    g.request_id = incoming if 8 <= len(incoming) <= 64 and incoming.isascii() else uuid.uuid4().hex


def _finish(response: Response) -> Response:
    started = g.get("request_started")
    if started is None:
        return response
    duration_ms = (time.perf_counter() - started) * 1000
    route = request.url_rule.rule if request.url_rule is not None else "-"
    response.headers["X-Request-ID"] = g.request_id
    logger.info(
        "request id=%s method=%s route=%s status=%s duration_ms=%.1f",
        g.request_id,
        request.method,
        route,
        response.status_code,
        duration_ms,
    )
    return response


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    if not app.debug and not app.testing and not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
