"""The embeddable chat widget: one script that any website adds with a script tag.

    <script src="https://assistant.example/widget.js" defer data-title="Privacy questions"></script>

The script is a static file (app/static/widget.js, no build step). It finds the
assistant's address in its own `src` and calls the JSON API from the host page;
which websites may do so is decided in app/visitors/cors.py.
"""

from __future__ import annotations

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("widget", __name__)

# Host pages pick up a new version within the hour without a versioned URL.
CACHE_SECONDS = 3600


@bp.get("/widget.js")
def script():
    response = send_from_directory(current_app.static_folder, "widget.js", max_age=CACHE_SECONDS,
                                   mimetype="text/javascript")
    # Classic scripts load cross-origin without CORS; this also lets a host page use
    # `crossorigin` or subresource integrity on the tag.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
