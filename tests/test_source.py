"""The application's source: checks on the code itself that no behaviour test would catch."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def test_no_module_level_name_is_bound_twice_in_a_module():
    """A module-level name assigned (or defined) twice silently takes the later value everywhere, including in
    functions written for the earlier one: answering.py once had two `_MINE` sets, "my/mine" and a list of data words,
    and the function meant for the first read the second."""
    twice = []
    for path in sorted(APP.rglob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            for name in names:
                if name in seen:
                    twice.append(f"{path.relative_to(APP.parent)}: {name} (lines {seen[name]} and {node.lineno})")
                seen.setdefault(name, node.lineno)
    assert not twice, twice
