"""The app's Flask class: same behaviour as Flask's, with its per-request lookups remembered."""

from __future__ import annotations


def test_session_cookie_follows_a_rotated_secret_key(app):
    """The remembered session serializer is made again when SECRET_KEY or its fallbacks change."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["status_reference"] = "BM-1"
    app.config["SECRET_KEY"] = "a-new-secret"
    with client.session_transaction() as session:
        assert "status_reference" not in session  # signed with the old key, no fallback: not trusted
    app.config["SECRET_KEY_FALLBACKS"] = ["test-secret"]
    with client.session_transaction() as session:
        assert session["status_reference"] == "BM-1"  # the old key as a fallback: still read
    app.config["SECRET_KEY_FALLBACKS"] = []
    with client.session_transaction() as session:
        assert "status_reference" not in session  # the fallback withdrawn: not trusted again
    app.config["SECRET_KEY"] = "test-secret"
    with client.session_transaction() as session:
        assert session["status_reference"] == "BM-1"  # the key it was signed with is back


def test_each_app_signs_with_its_own_key(app, tmp_path):
    from app import create_app

    other = create_app({"TESTING": True, "SECRET_KEY": "another-secret", "DATABASE": str(tmp_path / "o.sqlite")})
    client = app.test_client()
    with client.session_transaction() as session:
        session["status_reference"] = "BM-2"
    cookie = client.get_cookie("session")
    stranger = other.test_client()
    stranger.set_cookie("session", cookie.value)
    with stranger.session_transaction() as session:
        assert "status_reference" not in session


def test_coroutine_functions_still_go_through_async_to_sync(app):
    async def view():
        return "hello"

    def plain():
        return "hello"

    wrapped = []
    app.async_to_sync = lambda func: wrapped.append(func) or (lambda: "synced")
    assert app.ensure_sync(plain) is plain
    assert app.ensure_sync(view)() == "synced"
    assert app.ensure_sync(view)() == "synced"
    assert wrapped == [view]  # asked once, remembered


def test_requests_run_their_hooks_every_time(client):
    for _ in range(3):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.headers["X-Frame-Options"] == "DENY"  # an after_request hook
        assert "Accept-Language" in response.headers["Vary"]  # another one
