"""Who the client is: X-Forwarded-For is believed only when it comes from a configured proxy.

    app.wsgi_app = TrustedProxies(app.wsgi_app, "127.0.0.1,10.0.0.0/8")

Rate limits and Flask-Login's session binding ("strong" protection) need the
client's address. Flask-Login reads the first X-Forwarded-For entry whoever
sent it, so a stolen cookie plus a forged header passed the binding. This
middleware settles the address once, at the door: when the peer
(REMOTE_ADDR) is a trusted proxy, the client is the nearest X-Forwarded-For
entry that is not itself a trusted proxy (what the proxy saw; a client can
only prepend entries); otherwise the peer is the client. Either way
REMOTE_ADDR is set to that address and the forwarded headers are removed, so
nothing downstream can read a forged one.

The trusted proxies are FORWARDED_ALLOW_IPS, the same variable (and format:
addresses or networks, comma-separated, or `*`) that gunicorn reads for
`--forwarded-allow-ips`; the config key FORWARDED_ALLOW_IPS overrides it.
"""

from __future__ import annotations

import ipaddress
import os

DEFAULT_PROXIES = "127.0.0.1,::1"
_FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def parse_networks(value: str) -> list | None:
    """The networks in "127.0.0.1, 10.0.0.0/8"; None for "*" (every peer is a proxy)."""
    items = [item.strip() for item in value.split(",") if item.strip()]
    if "*" in items:
        return None
    return [ipaddress.ip_network(item, strict=False) for item in items]


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


class TrustedProxies:
    """WSGI middleware: REMOTE_ADDR becomes the real client's address; forwarded headers are dropped."""

    def __init__(self, wsgi_app, proxies: str):
        self.wsgi_app = wsgi_app
        self.networks = parse_networks(proxies)

    def is_proxy(self, address) -> bool:
        if address is None:
            return False
        return self.networks is None or any(address in network for network in self.networks)

    def client_address(self, environ) -> str:
        peer = environ.get("REMOTE_ADDR", "")
        if not self.is_proxy(_address(peer)):
            return peer
        client = peer
        for entry in reversed(environ.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            address = _address(entry)
            if address is None:
                break  # garbage from further out: stop at the last address a proxy vouched for
            client = str(address)
            if not self.is_proxy(address):
                break
        return client

    def __call__(self, environ, start_response):
        environ["REMOTE_ADDR"] = self.client_address(environ)
        for name in _FORWARDED:
            environ.pop(name, None)
        return self.wsgi_app(environ, start_response)


def init_app(app) -> None:
    proxies = app.config.get("FORWARDED_ALLOW_IPS") or os.environ.get("FORWARDED_ALLOW_IPS") or DEFAULT_PROXIES
    app.config["FORWARDED_ALLOW_IPS"] = proxies
    app.wsgi_app = TrustedProxies(app.wsgi_app, proxies)
