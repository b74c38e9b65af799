"""The suggested questions shown while a conversation is empty, from `corpus/suggestions.yaml`.

    >>> load_suggestions("corpus/suggestions.yaml", assistant)
    ['Do you sell my data?', ...]

Editors keep the list; start-up refuses a file whose questions the assistant cannot answer,
naming the line, so a visitor never clicks a suggestion into "I don't know".
"""

from __future__ import annotations

from pathlib import Path

from .yamlfile import YamlFileError, load_yaml

MIN_SUGGESTIONS = 4
MAX_SUGGESTIONS = 8
MAX_LENGTH = 120


def load_suggestions(path: str | Path, assistant) -> list[str]:
    """Read and check the suggestions file: a list of 4-8 distinct questions, each answered by `assistant`."""
    data = load_yaml(path)
    if not isinstance(data, list):
        raise YamlFileError(path, getattr(data, "line", 1), "expected a list of questions")
    if not MIN_SUGGESTIONS <= len(data) <= MAX_SUGGESTIONS:
        raise YamlFileError(path, getattr(data, "line", 1),
                            f"expected {MIN_SUGGESTIONS} to {MAX_SUGGESTIONS} questions, found {len(data)}")
    out: list[str] = []
    for item, line in zip(data, data.item_lines):
        if not isinstance(item, str) or not item.strip():
            raise YamlFileError(path, line, "each suggestion must be a question written as text")
        question = " ".join(item.split())
        if len(question) > MAX_LENGTH:
            raise YamlFileError(path, line, f"too long: at most {MAX_LENGTH} characters")
        if question.casefold() in (q.casefold() for q in out):
            raise YamlFileError(path, line, f"{question!r} is listed twice")
        if not assistant.answer(question).answered:
            raise YamlFileError(path, line, f"the assistant does not answer {question!r}: reword it or remove it")
        out.append(question)
    return out
