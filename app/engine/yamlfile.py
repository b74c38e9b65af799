"""Load editor-maintained YAML files so that every value remembers its line.

Validation errors can then say "intents.yaml:42: ..." instead of leaving the
editor to hunt for the problem.

    >>> data = load_yaml("corpus/synonyms.yaml")
    >>> data[0].line
    9
"""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's parser, where PyYAML was built with it, is ten times faster; the pure-Python one is the fallback.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlFileError(ValueError):
    """An editor-maintained file is malformed; the message names file, line and problem."""

    def __init__(self, path: str | Path, line: int, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}")


class LineDict(dict):
    line = 0
    key_lines: dict


class LineList(list):
    line = 0
    item_lines: list


class LineStr(str):
    line = 0


def _construct(node):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = _construct(key_node)
            if not isinstance(key, str):
                raise YamlFileError("", key_node.start_mark.line + 1, "keys must be text")
            if key in out:
                raise YamlFileError("", key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[str(key)] = _construct(value_node)
            out.key_lines[str(key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LineList(_construct(n) for n in node.value)
        out.line, out.item_lines = line, [n.start_mark.line + 1 for n in node.value]
        return out
    value = _scalar(node)
    if isinstance(value, str):
        value = LineStr(value)
        value.line = line
    return value


# Scalars are built by PyYAML's own rules (true/false, numbers, dates); one constructor serves them all.
_SCALARS = yaml.constructor.SafeConstructor()


def _scalar(node):
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return _SCALARS.construct_object(node, deep=True)


def load_yaml(path: str | Path):
    """Parse a YAML file into dicts, lists and strings that carry a `.line`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlFileError(path, 0, "file not found") from None
    except UnicodeDecodeError as exc:
        raise YamlFileError(path, 1, f"not valid UTF-8 text ({exc.reason})") from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlFileError(path, mark.line + 1 if mark else 1, f"not valid YAML: {exc.problem}") from None
    if node is None:
        return None
    try:
        return _construct(node)
    except YamlFileError as exc:
        raise YamlFileError(path, exc.line, exc.problem) from None
    finally:
        _SCALARS.constructed_objects.clear()
