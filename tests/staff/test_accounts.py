"""Staff accounts: the `flask users` commands, password hashing and server-side sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.staff import accounts
from conftest import PASSWORD

pytestmark = pytest.mark.storage

TWICE = f"{PASSWORD}\n{PASSWORD}\n"


def create(runner, name="asha", role="agent", password_input=TWICE):
    return runner.invoke(args=["users", "create", name, "--role", role], input=password_input)


def test_create_prompts_for_the_password_twice_and_stores_only_an_argon2id_hash(runner, db):
    result = create(runner, "Asha", "editor")
    assert result.exit_code == 0, result.output
    assert result.output.count("Password") == 1 and "Repeat for confirmation" in result.output
    assert "Created editor 'asha'" in result.output
    [row] = db.query("select * from users")
    assert row["username"] == "asha" and row["role"] == "editor"
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in row["password_hash"]


def test_create_refuses_passwords_that_do_not_match(runner, db):
    result = create(runner, password_input=f"{PASSWORD}\nsomething else entirely\n")
    assert result.exit_code != 0
    assert "do not match" in result.output
    assert db.count("users") == 0


@pytest.mark.parametrize("args, message", [
    (["users", "create", "asha", "--role", "admin"], "'admin' is not one of 'agent', 'editor'"),
    (["users", "create", "asha"], "Missing option '--role'"),
])
def test_create_needs_a_known_role(runner, db, args, message):
    result = runner.invoke(args=args, input=TWICE)
    assert result.exit_code == 2
    assert message in result.output
    assert db.count("users") == 0


@pytest.mark.parametrize("name, password, message", [
    ("asha", "short", "at least 12 characters"),
    ("has space", PASSWORD, "a username is 1 to 64 letters"),
    ("<script>", PASSWORD, "a username is 1 to 64 letters"),
    ("x" * 65, PASSWORD, "a username is 1 to 64 letters"),
])
def test_create_rejects_bad_names_and_weak_passwords(runner, db, name, password, message):
    result = create(runner, name, password_input=f"{password}\n{password}\n")
    assert result.exit_code == 1
    assert message in result.output
    assert db.count("users") == 0


def test_usernames_are_unique_whatever_their_case(runner, db):
    assert create(runner, "asha").exit_code == 0
    result = create(runner, "ASHA", "editor")
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert [r["role"] for r in db.query("select role from users")] == ["agent"]


def test_list_shows_every_account_with_its_role(runner):
    assert "No staff accounts yet" in runner.invoke(args=["users", "list"]).output
    create(runner, "zoe", "editor")
    create(runner, "asha", "agent")
    lines = runner.invoke(args=["users", "list"]).output.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["asha", "agent"], ["zoe", "editor"]]


def test_delete_removes_the_account_and_signs_it_out(runner, auth, client, db):
    assert auth.login("asha").status_code == 302
    assert client.get("/staff/search").status_code == 200
    result = runner.invoke(args=["users", "delete", "asha"], input="y\n")
    assert result.exit_code == 0, result.output
    assert db.count("users") == 0 and db.count("staff_sessions") == 0
    assert client.get("/staff/search").status_code == 302


def test_delete_asks_for_confirmation(runner, db):
    create(runner, "asha")
    result = runner.invoke(args=["users", "delete", "asha"], input="n\n")
    assert result.exit_code == 1
    assert db.count("users") == 1


def test_delete_of_an_unknown_user_is_an_error(runner):
    result = runner.invoke(args=["users", "delete", "nobody", "--yes"])
    assert result.exit_code == 1
    assert "no user named 'nobody'" in result.output


def test_set_password_replaces_the_old_one_and_ends_sessions(runner, auth, client):
    auth.login("asha")
    new = "a different long passphrase"
    result = runner.invoke(args=["users", "set-password", "asha"], input=f"{new}\n{new}\n")
    assert result.exit_code == 0, result.output
    assert client.get("/staff/search").status_code == 302  # signed out everywhere
    assert auth.login("asha", password=PASSWORD).status_code == 401
    assert auth.login("asha", password=new).status_code == 302


def test_set_role_changes_what_the_user_may_see(runner, auth, client):
    auth.login("asha", role="agent")
    assert client.get("/editor/unanswered").status_code == 403
    assert runner.invoke(args=["users", "set-role", "asha", "editor"]).exit_code == 0
    assert client.get("/editor/unanswered").status_code == 200


def test_authenticate_checks_the_password(app, db):
    with app.app_context():
        accounts.create_user(db, "asha", "agent", PASSWORD)
        assert accounts.authenticate(db, "ASHA ", PASSWORD).username == "asha"
        assert accounts.authenticate(db, "asha", PASSWORD + "x") is None
        assert accounts.authenticate(db, "nobody", PASSWORD) is None
        assert accounts.authenticate(db, "not a name!", PASSWORD) is None


def test_hashes_are_upgraded_when_the_cost_settings_change(app, db):
    with app.app_context():
        accounts.create_user(db, "asha", "agent", PASSWORD)
        app.config["ARGON2_PARAMETERS"] = {"time_cost": 2, "memory_cost": 16, "parallelism": 1}
        assert accounts.authenticate(db, "asha", PASSWORD) is not None
    stored = db.scalar("select password_hash from users")
    assert "m=16,t=2,p=1" in stored


def test_the_default_cost_is_rfc_9106_low_memory():
    assert accounts.DEFAULTS["ARGON2_PARAMETERS"] == {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}


def test_a_session_token_is_worthless_once_ended(app, db):
    with app.app_context():
        user = accounts.create_user(db, "asha", "agent", PASSWORD)
    token = accounts.start_session(db, user.id)
    assert accounts.user_for_session(db, token).username == "asha"
    assert db.scalar("select token_hash from staff_sessions") != token  # only its hash is stored
    accounts.end_session(db, token)
    assert accounts.user_for_session(db, token) is None
    assert accounts.user_for_session(db, "made-up") is None


README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(accounts.users_cli.commands))
def test_every_users_command_is_documented(command):
    assert f"flask --app app users {command}" in README


@pytest.mark.parametrize("params, message", [
    ({"time_cost": 0, "memory_cost": 8, "parallelism": 1}, "Time cost is too small"),
    ({"time_cost": 1, "memory_cost": 8, "paralelism": 1}, "unexpected keyword argument 'paralelism'"),
    ("fast", "ARGON2_PARAMETERS is not usable"),
])
def test_unusable_argon2_parameters_stop_start_up(tmp_path, params, message):
    from app import ConfigurationError, create_app

    with pytest.raises(ConfigurationError, match=message):
        create_app({"TESTING": True, "SECRET_KEY": "t", "DATABASE": str(tmp_path / "t.sqlite"),
                    "ARGON2_PARAMETERS": params})
