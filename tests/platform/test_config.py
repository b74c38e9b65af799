"""Configuration: FLASK_ environment variables, test_config, production's refusals, and that all is documented."""

import gc
import importlib
import os
import pkgutil
import re
from pathlib import Path

import click
import pytest

import app as app_package
from app import ConfigurationError, create_app
from app.platform import config, csrf, limits
from app.platform import db as storage
from app.platform.db import connect

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _all_defaults() -> dict:
    """Every module's DEFAULTS dict (app/platform/config.py, limits.py, csrf.py, and any added later, anywhere in app/)."""
    found = {}
    for module in pkgutil.walk_packages(app_package.__path__, prefix="app."):
        if module.name != "app.wsgi":  # importing it builds a production app
            found.update(getattr(importlib.import_module(module.name), "DEFAULTS", {}))
    return found


ALL_DEFAULTS = _all_defaults()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Each test sets the FLASK_ variables it is about and no others."""
    for name in list(os.environ):
        if name.startswith("FLASK_"):
            monkeypatch.delenv(name)


@pytest.mark.storage
def test_database_from_environment(monkeypatch, tmp_path, database_url):
    """A SQLite file's path, or in the PostgreSQL run a postgresql:// URL."""
    monkeypatch.setenv("FLASK_DATABASE", database_url)
    monkeypatch.setenv("FLASK_QUESTION_SPOOL_DIR", str(tmp_path / "spool"))
    app = create_app({"TESTING": True, "SECRET_KEY": "t"})
    assert app.config["DATABASE"] == database_url
    assert app.test_client().post("/api/ask", json={"question": "Do you sell my data?"}).status_code == 200
    storage.reset_connections(app)
    db = connect(database_url)
    assert db.count("questions") == 1
    db.close()


def test_question_length_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_MAX_QUESTION_LENGTH", "20")
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})
    assert app.config["MAX_QUESTION_LENGTH"] == 20  # JSON-decoded: a number, not "20"
    client = app.test_client()
    assert client.post("/api/ask", json={"question": "Do you sell my data?"}).status_code == 200
    response = client.post("/api/ask", json={"question": "Do you sell my data, ever?"})
    assert response.status_code == 400 and "at most 20 characters" in response.json["error"]
    assert 'maxlength="20"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("name, value, expected", [
    ("FLASK_DATABASE_TIMEOUT", "2.5", 2.5),
    ("FLASK_MAX_CONTENT_LENGTH", "1024", 1024),
    ("FLASK_RATELIMIT_ENABLED", "false", False),
    ("FLASK_RATELIMIT_ASK", "10/minute", "10/minute"),
    ("FLASK_WTF_CSRF_TIME_LIMIT", "600", 600),
])
def test_other_keys_from_environment(monkeypatch, tmp_path, name, value, expected):
    monkeypatch.setenv(name, value)
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})
    assert app.config[name.removeprefix("FLASK_")] == expected


def test_smaller_body_limit_from_environment_gives_413(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "100")
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite")})
    response = app.test_client().post("/api/ask", json={"question": "Do you sell my data? " * 6})
    assert response.status_code == 413 and "error" in response.json


def test_test_config_overrides_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_MAX_QUESTION_LENGTH", "20")
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "env.sqlite"))
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "test.sqlite"),
                      "MAX_QUESTION_LENGTH": 100})
    assert (app.config["MAX_QUESTION_LENGTH"], app.config["DATABASE"]) == (100, str(tmp_path / "test.sqlite"))
    assert not (tmp_path / "env.sqlite").exists()


@pytest.mark.parametrize("key", ["dev", "changeme", "secret", "", None])
def test_production_refuses_a_development_secret_key(tmp_path, key):
    with pytest.raises(ConfigurationError, match="FLASK_SECRET_KEY"):
        create_app({"SECRET_KEY": key, "DATABASE": str(tmp_path / "t.sqlite")}, production=True)


def test_production_refuses_to_start_without_a_key_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "t.sqlite"))
    with pytest.raises(ConfigurationError, match="refusing to start in production"):
        create_app(production=True)


def test_production_starts_with_a_real_key(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_SECRET_KEY", "9f2c" * 16)
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "t.sqlite"))
    gc.unfreeze()  # another test's production start-up may have frozen what it made
    app = create_app(production=True)
    assert app.config["SECRET_KEY"] == "9f2c" * 16
    assert gc.get_freeze_count() > 0  # what start-up made is out of the workers' garbage collections
    compiled = []
    compile_template = app.jinja_env.compile
    app.jinja_env.compile = lambda *args, **kwargs: compiled.append(args) or compile_template(*args, **kwargs)
    assert app.test_client().post("/api/ask", json={"question": "Do you sell my data?"}).status_code == 200
    for page in ["/", "/policy", "/request"]:
        assert app.test_client().get(page).status_code == 200
    assert compiled == []  # every template was compiled at start-up (before gunicorn forks its workers)


def test_development_replaces_the_placeholder_key(tmp_path):
    first = create_app({"DATABASE": str(tmp_path / "t.sqlite")})
    second = create_app({"DATABASE": str(tmp_path / "t.sqlite")})
    assert first.config["SECRET_KEY"] not in config.DEVELOPMENT_SECRET_KEYS
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_development_key_can_be_fixed(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_DEV_SECRET_KEY", "a-fixed-development-key")
    app = create_app({"DATABASE": str(tmp_path / "t.sqlite")})
    assert app.config["SECRET_KEY"] == "a-fixed-development-key"


# --- everything a person can set or run is documented in README.md (Datasette style) -------------------------


def test_defaults_are_collected_from_every_module():
    assert {**config.DEFAULTS, **limits.DEFAULTS, **csrf.DEFAULTS}.items() <= ALL_DEFAULTS.items()


@pytest.mark.parametrize("key", sorted(ALL_DEFAULTS))
def test_config_key_is_documented(key):
    assert f"`FLASK_{key}`" in README, f"document FLASK_{key} in the Configuration table of README.md"


def test_environment_variables_read_directly_are_documented():
    names = set()
    for path in (ROOT / "app").rglob("*.py"):
        names |= set(re.findall(r"\bFLASK_[A-Z][A-Z0-9_]*\b", path.read_text(encoding="utf-8")))
    assert names, "the scan found nothing: it is broken"
    assert sorted(n for n in names if f"`{n}`" not in README) == []


def _command_paths(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _command_paths(command, (*prefix, name))


def test_every_cli_command_is_documented(app):
    paths = list(_command_paths(app.cli))
    assert ("ask",) in paths
    for path in paths:
        words = " ".join(path)
        assert f"flask {words}" in README or f"flask --app app {words}" in README, f"document 'flask {words}'"


def test_every_command_the_readme_names_exists(app):
    """The reverse check: README.md promises no command that is not there."""
    builtin = {"run", "shell", "routes"}
    named = set(re.findall(r"\bflask (?:--app app )?([a-z][a-z-]*)", README))
    assert named, "the scan found nothing: it is broken"
    assert sorted(named - set(app.cli.commands) - builtin) == []


@pytest.mark.parametrize("command", [["run", "--port", "0"], ["purge"], ["mail", "send"]])
def test_a_command_with_configuration_that_cannot_work_prints_the_reason_not_a_traceback(command):
    """`make run` and every `flask --app app ...` command stop with one line saying what is wrong, and status 1."""
    import subprocess
    import sys

    environment = {**os.environ, "FLASK_DATABASE": "mysql://pa@localhost/pa"}
    flask = Path(sys.executable).with_name("flask")
    finished = subprocess.run([str(flask), "--app", "app", *command], cwd=ROOT, env=environment,
                              capture_output=True, text=True, timeout=60)
    assert finished.returncode == 1
    assert finished.stderr.strip() == ("Error: FLASK_DATABASE is a mysql:// URL, which this app cannot use. Give a "
                                       "path to a SQLite file (e.g. /var/lib/policy-assistant/pa.sqlite) or a "
                                       "postgresql:// URL.")
    assert "Traceback" not in finished.stdout + finished.stderr
