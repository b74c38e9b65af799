"""Command-line tools: `flask --app app ask "question"`."""

from __future__ import annotations

import json

import click
from flask import current_app


@click.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of text.")
def ask_command(question: str, as_json: bool):
    """Answer QUESTION from the policy, with its citation (not logged)."""
    from .chat import citation_label, reply_json

    question = question.strip()
    if not question:
        raise click.UsageError("the question is empty")
    reply = current_app.extensions["assistant"].answer(question)
    if as_json:
        with current_app.test_request_context():
            click.echo(json.dumps(reply_json(reply, question_id=""), indent=2, ensure_ascii=False))
        return
    click.echo(reply.message)
    for hit in reply.citations:
        click.echo(f"  — {citation_label(hit.clause)} (/policy#{hit.clause.anchor}, score {hit.score:.2f})")


def init_app(app) -> None:
    app.cli.add_command(ask_command)
