"""gunicorn settings for production (`gunicorn -c gunicorn.conf.py wsgi:app`, DESIGN §11).

Every value can be overridden from the environment (GUNICORN_*), so the systemd unit in
docs/operations.md needs no edits for a bigger machine.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Requests are short and CPU-bound (templates, Whoosh); one process per core plus a spare.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Each worker keeps its own long-lived Whoosh searcher: load the app after forking.
preload_app = False
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The portal logs one line per request itself (portal/request_log.py) without IP addresses.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Behind nginx on the same host: trust its X-Forwarded-* headers, nobody else's.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket (gunicorn >= 25): systemd sends the signals. It would be created in
# $HOME/.gunicorn, read-only under the unit's ProtectSystem=strict, and a second gunicorn on
# the same host would take over the first one's socket. Older versions ignore the setting.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "") not in {"1", "true"}
# Reject absurd request lines and headers before Flask sees them.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190


def post_worker_init(worker):
    """The worker has loaded the app: take its long-lived objects out of the collector's way."""
    from portal.runtime import settle_worker

    settle_worker()
