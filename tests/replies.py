"""Helpers for tests that read the assistant's replies."""


def top_section(reply) -> str | None:
    """The section of the clause a reply quotes first; None when it quotes none (declined, handed off unanswered)."""
    return reply.top.clause.section if reply.answered and reply.top else None


def declined_as_not_covered(reply) -> bool:
    """Whether a reply says plainly that the policy does not cover what was asked: no quote, no handoff."""
    return not reply.answered and reply.reason == "not_covered" and reply.handoff is None


def answer_without(assistant, model: str, question: str):
    """The reply with one of the assistant's models taken out for the question (`sections`: the section model,
    `requests`: its request heads), then put back."""
    return answer_with(assistant, model, None, question)


def answer_with(assistant, attribute: str, value, question: str, **others):
    """The reply with one attribute of the assistant (a model, a gate) set to `value` for the question, and any
    `others` (attribute=value) with it, then put back."""
    values = {attribute: value, **others}
    kept = {name: getattr(assistant, name) for name in values}
    for name, new in values.items():
        setattr(assistant, name, new)
    try:
        return assistant.answer(question)
    finally:
        for name, old in kept.items():
            setattr(assistant, name, old)
