"""Helpers for tests that read the assistant's replies."""


def top_section(reply) -> str | None:
    """The section of the clause a reply quotes first; None when it quotes none (declined, handed off unanswered)."""
    return reply.top.clause.section if reply.answered and reply.top else None
