"""Write corpus/real-words.txt: the English words that the engine's readings of slips would take for another word.

    apt-get install wamerican   # /usr/share/dict/american-english (SCOWL word lists)
    python -m bench.real_words [--dictionary /usr/share/dict/american-english]

`Index.correct` reads a word nobody knows as the word it is a slip of: a letter missing from a word of the lexicons
("contry"), spelt as it sounds ("locashun"), two words typed together ("inmy"). A real word is often such a slip of
another ("evening" is "event" with letters added, "today" is "to day", "compliant" sounds as "complaint"), so every
word of the dictionary that one of those readings would change is listed, and never read as another. Run it again
after adding words to the policy or the lexicons (tests/engine/test_real_words.py checks the list when the
dictionary is there).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.engine.answering import load_assistant  # noqa: E402
from app.engine.retrieval import REAL_WORDS  # noqa: E402

DICTIONARY = "/usr/share/dict/american-english"
HEADER = """# English words that are not slips of another word (bench/real_words.py wrote it from the wamerican dictionary,
# SCOWL word lists): each is one that the engine's readings of slips (a letter missing from a word of the lexicons,
# spelt as it sounds, two words typed together) would otherwise take for another word. Regenerate, do not edit.
"""


def changed_words(dictionary: str | Path = DICTIONARY) -> list[str]:
    """The dictionary's words that `Index.correct` would read as another word without the list."""
    assistant = load_assistant(ROOT / "corpus")
    index = assistant.index
    index.real_words = frozenset()
    found = []
    for line in Path(dictionary).read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word.isalpha() and word.isascii() and word.islower() and index.slip_reading(word):
            found.append(word)
    return sorted(set(found))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionary", default=DICTIONARY)
    args = parser.parse_args(argv)
    found = changed_words(args.dictionary)
    (ROOT / "corpus" / REAL_WORDS).write_text(HEADER + "".join(f"{w}\n" for w in found), encoding="utf-8")
    print(f"{len(found)} words written to corpus/{REAL_WORDS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
