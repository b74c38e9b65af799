"""The Flask class the app is made of: Flask, minus two costs it pays again on every request.

- `ensure_sync`: Flask asks `inspect.iscoroutinefunction` about every hook, view and teardown of every request
  (ten a request here, 2-3 us each). Whether a function is a coroutine function does not change, so the answer
  is remembered per function (bounded; functions are registered once, at start-up).
- The session's signing serializer: Flask builds one (`URLSafeTimedSerializer`, with its signer settings) on
  every request, cookie or not. It is built once per secret key and fallbacks and kept while they are the same.
"""

from __future__ import annotations

from inspect import iscoroutinefunction

from flask import Flask
from flask.sessions import SecureCookieSessionInterface

_MAX_REMEMBERED = 4096


class CachedSerializerSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its serializer made once per signing keys."""

    def __init__(self):
        self._serializer = (None, None)  # ((secret key, fallbacks), serializer)

    def get_signing_serializer(self, app):
        keys = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        cached_keys, serializer = self._serializer  # one read: threads never see a half-updated pair
        if cached_keys != keys:
            serializer = super().get_signing_serializer(app)
            self._serializer = (keys, serializer)
        return serializer


class PolicyFlask(Flask):
    """Flask, remembering which functions are coroutine functions and with a cached session serializer."""


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_interface = CachedSerializerSessionInterface()  # one per app: apps may have other keys
        self._sync: dict = {}

    def ensure_sync(self, func):
        try:
            return self._sync[func]
        except (KeyError, TypeError):  # TypeError: an unhashable callable (not remembered)
            pass
        sync = self.async_to_sync(func) if iscoroutinefunction(func) else func
        if len(self._sync) < _MAX_REMEMBERED:
            try:
                self._sync[func] = sync
            except TypeError:
                pass
        return sync
