"""The rendered policy that citations link into."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

bp = Blueprint("policy", __name__)


@bp.get("/policy")
def show():
    policy = current_app.extensions["assistant"].index.policy
    return render_template("policy/show.html", policy=policy)
