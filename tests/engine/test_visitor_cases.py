"""The visitor tables (tests/data/visitor_cases.yaml, visitor_cases_fresh.yaml, visitor_cases_fresh_kinds.yaml,
visitor_cases_fresh2.yaml, visitor_cases_fresh3.yaml, visitor_cases_fresh4.yaml, visitor_cases_fresh5.yaml,
visitor_cases_fresh6.yaml, visitor_cases_fresh7.yaml, visitor_cases_fresh8.yaml, visitor_cases_fresh9.yaml,
visitor_cases_fresh10.yaml, visitor_cases_fresh11.yaml, visitor_cases_fresh12.yaml, visitor_cases_fresh13.yaml,
visitor_cases_fresh14.yaml, visitor_cases_fresh15.yaml, visitor_cases_fresh16.yaml, visitor_cases_fresh17.yaml,
visitor_cases_fresh18.yaml, visitor_cases_fresh19.yaml, visitor_cases_fresh20.yaml and every later
visitor_cases_freshN.yaml on disk) are well formed: a typo in a label fails the suite."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from app.engine.corpus import load_policy

ROOT = Path(__file__).resolve().parents[2]
ROWS = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases.yaml").read_text(encoding="utf-8"))
# Written fresh for the answer/ask-back/decline gate, in the same format (see its header).
FRESH = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh.yaml").read_text(encoding="utf-8"))
# Written fresh for five kinds of miss on a probe the team never sees (branch quality4; see its header).
KINDS = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh_kinds.yaml").read_text(encoding="utf-8"))
# A fourth table, written fresh in every style as a held-out check (branch quality6; see its header).
FRESH2 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh2.yaml").read_text(encoding="utf-8"))
# A fifth, written the same way (branch quality8; see its header).
FRESH3 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh3.yaml").read_text(encoding="utf-8"))
# A sixth, written the same way (branch quality9; see its header).
FRESH4 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh4.yaml").read_text(encoding="utf-8"))
# A seventh, written the same way (branch quality10; see its header).
FRESH5 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh5.yaml").read_text(encoding="utf-8"))
# An eighth, written the same way (branch quality11; see its header).
FRESH6 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh6.yaml").read_text(encoding="utf-8"))
# A ninth, written the same way (branch quality12; see its header).
FRESH7 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh7.yaml").read_text(encoding="utf-8"))
# A tenth, written the same way (branch quality13; see its header).
FRESH8 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh8.yaml").read_text(encoding="utf-8"))
# An eleventh, written the same way (branch quality14; see its header).
FRESH9 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh9.yaml").read_text(encoding="utf-8"))
# A twelfth table, written fresh as a held-out check (branch quality15; see its header).
FRESH10 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh10.yaml").read_text(encoding="utf-8"))
# A thirteenth, written fresh in every style, not weighted (branch fresh11; see its header).
FRESH11 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh11.yaml").read_text(encoding="utf-8"))
# A fourteenth, written fresh in every style, weighted to slang, everyday requests and questions the policy does not
# answer (branch fresh12; see its header).
FRESH12 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh12.yaml").read_text(encoding="utf-8"))
# A fifteenth, written fresh in every style, weighted to slang, everyday requests and questions the policy does not
# answer (branch fresh13; see its header).
FRESH13 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh13.yaml").read_text(encoding="utf-8"))
# A sixteenth, written fresh in every style, weighted to questions the policy does not answer, long messages with
# context and slang (branch fresh14; see its header).
FRESH14 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh14.yaml").read_text(encoding="utf-8"))
# A seventeenth, written fresh in every style, weighted to questions the policy does not answer, rights questions
# and requests in everyday words (negated ones too) and long messages with context (branch fresh15; see its header).
FRESH15 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh15.yaml").read_text(encoding="utf-8"))
# An eighteenth, written fresh in every style, weighted to questions the policy does not answer, rights questions
# and requests in everyday words (negated ones too) and long messages with context (branch fresh16; see its header).
FRESH16 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh16.yaml").read_text(encoding="utf-8"))
# A nineteenth, written fresh in every style, weighted to rights questions in everyday words, Indian English, long
# messages with context and questions the policy does not answer (branch fresh17; see its header).
FRESH17 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh17.yaml").read_text(encoding="utf-8"))
# A twentieth, written fresh in every style, weighted to rights questions in everyday words, product questions that
# sound close to privacy, long messages and questions the policy does not answer (branch fresh18; see its header).
FRESH18 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh18.yaml").read_text(encoding="utf-8"))
# A twenty-first, written fresh in every style, weighted to company questions, slang, long messages and questions the
# policy does not answer (branch fresh19; see its header).
FRESH19 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh19.yaml").read_text(encoding="utf-8"))
# A twenty-second, written fresh and not weighted: about eleven rows of every style (branch fresh20; see its header).
FRESH20 = yaml.safe_load((ROOT / "tests" / "data" / "visitor_cases_fresh20.yaml").read_text(encoding="utf-8"))
# Every later table (visitor_cases_fresh21.yaml on), found on disk so that a new table is checked the day it is added.


def _number(path: Path) -> int:
    """N of visitor_cases_freshN.yaml (0 for the tables without a number)."""
    suffix = path.stem.removeprefix("visitor_cases_fresh")
    return int(suffix) if suffix.isdigit() else 0


LATER = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
         for path in sorted((ROOT / "tests" / "data").glob("visitor_cases_fresh*.yaml"), key=_number)
         if _number(path) > 20}
LATER_ROWS = [row for rows in LATER.values() for row in rows]
# section number -> its sub-headings
POLICY = {s.number: {c.subsection for c in s.clauses} - {None}
          for s in load_policy(ROOT / "corpus" / "privacy-policy.md").sections}
INTENTS = set(yaml.safe_load((ROOT / "intents.yaml").read_text(encoding="utf-8"))["intents"])
STYLES = {"slang", "typo", "long", "indian", "hinglish", "company", "product", "list", "close_call", "request",
          "child", "rights_question", "not_covered", "smalltalk", "devanagari"}
# styles of the table of kinds only (branch quality5): purpose questions (§3), whether the policy covers other
# companies' services (§8), and the clause in the visitor's own words inside the right section
KIND_STYLES = {"purpose", "third_party", "clause", "who_sees", "sale", "storage", "short", "unlisted", "ads", "reach",
               "kept", "gets", "sold", "near", "passed", "right", "two", "app"}
ANSWERED = {"question", "request"}  # the kinds with gold sections; the rest must get none
KEYS = {"q", "kind", "sections", "style", "subsection", "intent", "list", "close"}
DEVANAGARI = re.compile("[\u0900-\u097f]")


@pytest.mark.parametrize("row", ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                         + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16
                         + FRESH17 + FRESH18 + FRESH19 + FRESH20 + LATER_ROWS,
                         ids=lambda row: row.get("q", "?")[:40])
def test_every_row_has_what_its_kind_needs(row):
    assert set(row) <= KEYS and isinstance(row["q"], str) and row["q"].strip()
    assert row["kind"] in ANSWERED | {"out_of_scope", "smalltalk", "devanagari"}
    # The later tables add style short, for one- or two-word messages (their headers say so).
    assert row["style"] in STYLES | (KIND_STYLES if row in KINDS else set()) | ({"short"} if row in LATER_ROWS else set())
    assert bool(row["sections"]) == (row["kind"] in ANSWERED)
    assert set(row["sections"]) <= set(POLICY)
    assert bool(row.get("intent")) == (row["kind"] == "request")
    assert set(row.get("intent") or []) <= INTENTS
    if row["kind"] == "request":
        expected = {"child_data": ["9"], "grievance": ["12"]}.get(row["intent"][0], ["6"])
        if row in LATER_ROWS:  # a complaint may also list the rights section; a request always lists its own
            assert set(expected) <= set(row["sections"]) <= {"6", "9", "12"}
        else:
            assert row["sections"] == expected
    if "subsection" in row:
        assert any(row["subsection"] in POLICY[number] for number in row["sections"])
    if "close" in row:
        # the later tables name the sections the call is between, of which the right one may be only one
        assert len(row["close"]) >= 2 and (set(row["close"]) & set(row["sections"]) if row in LATER_ROWS
                                           else set(row["close"]) <= set(row["sections"]))
    assert (row["kind"] == "devanagari") == (row["style"] == "devanagari") == bool(DEVANAGARI.search(row["q"]))
    assert (row["kind"] == "smalltalk") == (row["style"] == "smalltalk")


def test_the_table_is_big_varied_and_without_repeats():
    assert len(ROWS) >= 200
    texts = Counter(row["q"].strip().lower() for row in ROWS)
    assert [text for text, n in texts.items() if n > 1] == []
    styles = Counter(row["style"] for row in ROWS)
    assert {style: n for style, n in styles.items() if n < 8} == {} and set(styles) == STYLES


def test_the_fresh_table_repeats_nothing_and_covers_every_style():
    assert len(FRESH) >= 100
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH} == STYLES


def test_the_table_of_kinds_repeats_nothing_and_has_several_wordings_of_each_kind():
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH + KINDS)
    assert [text for text, n in texts.items() if n > 1] == []
    kinds = Counter(row["style"] for row in KINDS)
    # long messages, slang, how-to questions about a right, Indian English, product questions; and the
    # requests and privacy questions that must not be caught by the fixes
    assert all(kinds[style] >= 4 for style in ("long", "slang", "rights_question", "indian", "product", "request",
                                            *sorted(KIND_STYLES)))


def test_the_fourth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH2) >= 120
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH + KINDS + FRESH2)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH2} == STYLES


def test_the_fifth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH3) >= 90
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH3} == STYLES


def test_the_sixth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH4) >= 90
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH4} == STYLES


def test_the_seventh_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH5) >= 90
    texts = Counter(row["q"].strip().lower() for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH5} == STYLES


def test_the_eighth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH6) >= 110
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH6} == STYLES


def test_the_ninth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH7) >= 110
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH7} == STYLES


def test_the_tenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH8) >= 140
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH8} == STYLES


def test_the_eleventh_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH9) >= 140
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH9} == STYLES


def test_the_twelfth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH10) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH10} == STYLES


def test_the_thirteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH11) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH11} == STYLES


def test_the_fourteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH12) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH12} == STYLES


def test_the_fifteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH13) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH13} == STYLES


def test_the_sixteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH14) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH14} == STYLES


def test_the_seventeenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH15) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH15} == STYLES


def test_the_eighteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH16) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH16} == STYLES


def test_the_nineteenth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH17) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16 + FRESH17)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH17} == STYLES


def test_the_twentieth_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH18) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16 + FRESH17
                    + FRESH18)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH18} == STYLES


def test_the_twenty_first_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH19) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16 + FRESH17
                    + FRESH18 + FRESH19)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH19} == STYLES


def test_the_twenty_second_table_repeats_no_other_table_and_covers_every_style():
    assert len(FRESH20) >= 150
    texts = Counter(row["q"].strip().lower()
                    for row in ROWS + FRESH + KINDS + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 + FRESH8
                    + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 + FRESH15 + FRESH16 + FRESH17
                    + FRESH18 + FRESH19 + FRESH20)
    assert [text for text, n in texts.items() if n > 1] == []
    assert {row["style"] for row in FRESH20} == STYLES


@pytest.mark.parametrize("name", sorted(LATER, key=lambda name: _number(Path(name))))
def test_every_later_table_is_big_and_repeats_none_of_its_own_messages(name):
    texts = Counter(row["q"].strip().lower() for row in LATER[name])
    assert len(LATER[name]) >= 150 and [text for text, n in texts.items() if n > 1] == []
