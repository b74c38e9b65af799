"""The rendered policy that citations link into."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _

bp = Blueprint("policy", __name__)


@bp.get("/policy")
def show():
    assistant = current_app.extensions["assistant"]
    policy = assistant.index.policy
    return render_template("policy/show.html", policy=policy, requests=request_links(assistant))


def request_links(assistant) -> dict[str, dict]:
    """Section number -> the request form to offer under it: the sections whose clauses grant a right.

    One request type in a section links to its form ("Report a child's data"); several link to the form with
    the type to choose ("Make a request about your data").
    """
    by_section: dict[str, list] = {}
    for intent in assistant.intents or ():
        by_section.setdefault(assistant.index.policy.clause(intent.clause).section, []).append(intent)
    links = {}
    for number, intents in by_section.items():
        if len(intents) == 1:
            links[number] = {"type": intents[0].name, "label": _(intents[0].label)}
        else:
            links[number] = {"type": None, "label": _("Make a request about your data")}
    return links
