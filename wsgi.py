"""WSGI entry point for production servers: `gunicorn -c gunicorn.conf.py wsgi:app` (DESIGN §11).

The configuration comes from the environment (PORTAL_ENV, SECRET_KEY, DATABASE_URL, …). A
configuration that cannot work ends the process with one clear line and exit status 1.
"""

import sys

from portal import create_app
from portal.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    print(f"photonik-karriere: configuration error: {error}", file=sys.stderr)
    sys.exit(1)
