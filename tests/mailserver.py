"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives, for the mail tests.

    server = MailServer().start()
    ... app with MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, flask mail send ...
    [message] = server.wait_for(1)
    server.stop(); server.start()    # down and up again on the same port

    MailServer(tls="starttls", certificate=(cert, key), login=("bm", "secret"))   # as a provider's port 587
    MailServer(tls="ssl", certificate=(cert, key))                                # port 465: TLS from the start
    server.sessions                  # (login, over TLS) of each message received
"""

from __future__ import annotations

import email
import email.policy
import re
import socket
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler:
    def __init__(self, server: "MailServer"):
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with self.server.lock:
            self.server.messages.append(message)
            self.server.sessions.append((login, server.transport.get_extra_info("ssl_object") is not None))
        return "250 Message accepted for delivery"


class MailServer:
    """Messages received, parsed (email.message.EmailMessage), in arrival order."""

    def __init__(self, tls: str | None = None, certificate: tuple[str, str] | None = None,
                 login: tuple[str, str] | None = None):
        self.port = free_port()
        self.messages: list = []
        self.sessions: list[tuple[str | None, bool]] = []
        self.lock = threading.Lock()
        self.controller = None
        self.tls, self.certificate, self.login = tls, certificate, login

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        given = (auth_data.login.decode(), auth_data.password.decode()) if isinstance(auth_data, LoginPassword) else None
        # handled=False: aiosmtpd then answers a refusal itself (535), as a provider's server does.
        return AuthResult(success=given == self.login, handled=False, auth_data=auth_data)

    def start(self) -> "MailServer":
        options = {}
        if self.tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self.certificate)
            if self.tls == "ssl":
                options["ssl_context"] = context  # TLS from the first byte
            else:
                options.update(tls_context=context, require_starttls=True)
        if self.login:
            # aiosmtpd takes a login only after STARTTLS (its safe default), so not with tls="ssl".
            options.update(authenticator=self._authenticate, auth_required=True)
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def wait_for(self, count: int, timeout: float = 10.0) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages)}")

    def to(self, address: str) -> list:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def code_in(message) -> str:
    """The 6-digit code of a code message, in any language ("Your code: 123456", "आपका कोड: 123456")."""
    match = re.search(r"(?m)^[^:\n]+: (\d{6})\r?$", text_of(message))
    assert match, text_of(message)
    return match.group(1)


def link_in(message) -> str:
    match = re.search(r"(http://\S+/request/confirm/\S+)", text_of(message))
    assert match, text_of(message)
    return match.group(1)
