"""The suggested questions shown while a conversation is empty, from `corpus/suggestions*.yaml`.

    >>> load_suggestions("corpus/suggestions.yaml", assistant)
    ['Do you sell my data?', ...]
    >>> load_suggestion_lists("corpus", assistant)
    {'en': ['Do you sell my data?', ...], 'hi': ['kya aap mera data bechte ho?', ...]}

`suggestions.yaml` is the English list, shown in every language that has none of its own;
`suggestions.<code>.yaml` (`suggestions.hi.yaml`) is the list for that language, written the way its
visitors type to the assistant. Editors and translators keep the lists; start-up refuses a file whose
questions the assistant cannot answer, naming the line, so a visitor never clicks a suggestion into
"I don't know".
"""

from __future__ import annotations

import re
from pathlib import Path

from .yamlfile import YamlFileError, load_yaml

MIN_SUGGESTIONS = 4
MAX_SUGGESTIONS = 8
MAX_LENGTH = 120
SOURCE_LANGUAGE = "en"
_FILE = re.compile(r"suggestions(?:\.(?P<code>[^.]*))?\.yaml")
_CODE = re.compile(r"[a-z]{2,3}")


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


def load_suggestion_lists(corpus_dir: str | Path, assistant) -> dict[str, list[str]]:
    """Every suggestions file of the corpus, checked like `load_suggestions`, by language code ("en" first).

    A file named `suggestions.<code>.yaml` must use a lower-case language code ("hi", "mr"), the code of its
    catalogue in app/translations; a missing `suggestions.yaml` means no suggestions in any language.
    """
    folder = Path(corpus_dir)
    english = folder / "suggestions.yaml"
    if not english.exists():
        return {}
    lists = {SOURCE_LANGUAGE: load_suggestions(english, assistant)}
    for path in sorted(folder.glob("suggestions.*.yaml")):
        match = _FILE.fullmatch(path.name)
        code = match["code"] if match else None
        if not code or not _CODE.fullmatch(code) or code == SOURCE_LANGUAGE:
            raise YamlFileError(path, 1, "name a language's suggestions suggestions.<code>.yaml with the code of its "
                                         "catalogue in app/translations (suggestions.hi.yaml); English is "
                                         "suggestions.yaml")
        lists[code] = load_suggestions(path, assistant)
    return lists
