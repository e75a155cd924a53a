"""WSGI entry point for production servers: `gunicorn -w 4 wsgi:app` (DESIGN §11).

The configuration comes from the environment (PORTAL_ENV, SECRET_KEY, DATABASE_URL, …).
"""

from portal import create_app

app = create_app()
