"""What the engine's tests share."""

from pathlib import Path

import pytest

from app.engine.answering import load_assistant

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def assistant():
    """The assistant as shipped (corpus/); a module that needs another defines its own `assistant`."""
    return load_assistant(ROOT / "corpus")
