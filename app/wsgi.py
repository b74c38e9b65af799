"""The production entry point served by the Procfile: `gunicorn app.wsgi:app`."""

from . import create_app

app = create_app(production=True)
