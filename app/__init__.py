"""Blue Messaggio's privacy-policy assistant.

    from app import create_app
    app = create_app()            # configuration from FLASK_* environment variables
    app = create_app({"TESTING": True, "DATABASE": "/tmp/t.sqlite"})
"""

from __future__ import annotations

import gc
import logging
import os
import re
import secrets
from pathlib import Path

import click
from flask import Flask

from .platform import config
from .platform.flaskapp import PolicyFlask

log = logging.getLogger(__name__)


class ConfigurationError(click.ClickException, RuntimeError):
    """The app was configured in a way it refuses to run with.

    It is also a Click exception, so every `flask --app app ...` command (`make run` included) stops with the
    message alone ("Error: FLASK_DATABASE is ...") and exit status 1, not with a traceback.
    """


def create_app(test_config: dict | None = None, production: bool = False) -> Flask:
    """Application factory: configure, load the corpus, build the index, register areas.

    `test_config` overrides everything else. `production=True` (used by
    `app.wsgi`, which the Procfile serves) refuses a development secret key and
    never runs in debug mode.
    """
    app = PolicyFlask(__name__, instance_relative_config=True)
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_prefixed_env()
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.config["PRODUCTION"] = production
    app.json.sort_keys = False
    if app.config["DATABASE"] is None:
        app.config["DATABASE"] = str(Path(app.instance_path) / "policy-assistant.sqlite")
    _check_secret_key(app, production)
    _check_database(app)
    if production:
        app.debug = False
        app.config["DEBUG"] = False

    from .engine import suggestions
    from .platform import db, health, mail, questionlog

    try:
        mail.init_app(app)
    except mail.MailConfigError as exc:
        raise ConfigurationError(str(exc)) from None

    try:
        db.init_app(app)
    except (db.SchemaError, db.DatabaseUnreachable) as exc:
        raise ConfigurationError(str(exc)) from None
    from .platform import policystore

    # The first start records corpus/privacy-policy.md as version 1; the assistant answers from the version in
    # force. A malformed corpus raises here, naming file and line, so start-up stops.
    app.extensions["assistant"] = policystore.init_app(app)
    # Suggested questions by language: corpus/suggestions.yaml (English) and suggestions.<code>.yaml, each checked.
    app.extensions["suggestions"] = suggestions.load_suggestion_lists(app.config["CORPUS_DIR"],
                                                                      app.extensions["assistant"])
    questionlog.init_app(app)
    health.init_app(app)

    from . import cli
    from .platform import csrf, errors, forwarded, i18n, limits, security, timefmt
    from .staff import auth, desk, editor, outbox, publish, review
    from .visitors import answers, chat, cors, intake, policy_page, status, transparency, verification, widget

    forwarded.init_app(app)
    try:
        i18n.init_app(app)
    except i18n.CatalogueError as exc:
        raise ConfigurationError(str(exc)) from None
    errors.init_app(app)
    security.init_app(app)
    cors.init_app(app)  # before limits and CSRF: a preflight is neither counted nor checked
    try:
        limits.init_app(app)
    except limits.StorageURIError as exc:
        raise ConfigurationError(str(exc)) from None
    csrf.init_app(app)
    review.init_app(app)
    timefmt.register_filters(app)
    try:
        answers.init_app(app)
    except answers.AnswerCacheError as exc:
        raise ConfigurationError(str(exc)) from None
    app.register_blueprint(chat.bp)
    app.register_blueprint(intake.bp)
    verification.init_app(app)
    status.init_app(app)
    policy_page.init_app(app)
    app.register_blueprint(transparency.bp)
    auth.init_app(app)
    app.register_blueprint(desk.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(outbox.bp)
    publish.init_app(app)
    app.register_blueprint(widget.bp)
    cli.init_app(app)
    if production:
        warm_up(app)
    return app


def warm_up(app: Flask) -> None:
    """Do once at start-up what each worker would otherwise do on its first requests.

    In production this runs in gunicorn's master (`--preload`), before the workers fork:

    - every template is compiled, so a restarted worker's first request of a page does not compile it (an editor
      page's templates take 50 to 200 ms), and a template that does not compile stops start-up instead;
    - what start-up made (the index, the question model, the compiled templates: most of a worker's objects) is
      frozen out of the cyclic garbage collector (`gc.freeze`, as Python's documentation advises before a fork):
      a worker's full collections no longer walk it (a pause of 100 ms and more in a big editor page), and they no
      longer write to the pages the workers share with the master.
    """
    env = app.jinja_env
    for name in env.list_templates(extensions=("html", "txt", "md")):
        env.get_template(name)
    gc.collect()
    gc.freeze()


def _check_database(app: Flask) -> None:
    """FLASK_DATABASE must be a SQLite file's path or a postgresql:// URL, and its timeouts and sizes numbers;
    anything else stops start-up."""
    from .platform import db

    try:
        db.parse_target(app.config["DATABASE"])
        db.check_settings(app.config)
    except (db.DatabaseURLError, db.SettingError) as exc:
        raise ConfigurationError(str(exc)) from None


def _check_secret_key(app: Flask, production: bool) -> None:
    key = app.config.get("SECRET_KEY")
    if key in config.DEVELOPMENT_SECRET_KEYS or key is None:
        if production:
            raise ConfigurationError(
                "FLASK_SECRET_KEY is not set (or is a development value): refusing to start in production. "
                "Set it to a long random value, e.g. python -c 'import secrets; print(secrets.token_hex(32))'."
            )
        if not app.testing:
            # A per-process random key keeps development sessions safe without setup.
            app.config["SECRET_KEY"] = os.environ.get("FLASK_DEV_SECRET_KEY") or secrets.token_hex(32)
