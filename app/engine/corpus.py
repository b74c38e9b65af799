"""Parse the policy's Markdown source into sections and citable clauses.

The source is deliberately plain Markdown so that editors can change it with any
text editor; this module accepts a strict subset of it and refuses anything else
with a `CorpusError` that names the file, the line and the problem:

    # Privacy Policy                  the title (once, first)
    ## Table of Contents              unnumbered sections: only before section 1
    ## 6. Your Rights and Choices     numbered sections, 1, 2, 3 ... in order
    ### Correction and Deletion       sub-headings inside a numbered section
    - Request deletion of ...         a bullet: one clause
    Plain lines                       a paragraph (consecutive lines): one clause
    ---                               ends a sub-heading: what follows belongs to
                                      the whole section again (not part of the text)

    >>> policy = load_policy("corpus/privacy-policy.md")
    >>> policy.clause("s6-correction-and-deletion-2").text
    'Request deletion of your personal information'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

_NUMBERED = re.compile(r"^(\d+)\.\s+(\S.*)$")
_LABEL = re.compile(r"^([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,3}): \S")


class CorpusError(ValueError):
    """The policy source is malformed; the message names file, line and problem."""

    def __init__(self, path: str | Path, line: int, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}")


@dataclass(frozen=True)
class Clause:
    """One citable unit of the policy: a bullet or a paragraph."""

    id: str
    section: str
    section_title: str
    subsection: str | None
    text: str
    kind: str  # "bullet" or "paragraph"
    line: int
    lead_in: str | None = None  # the paragraph that introduces a bullet list
    version: int | None = None  # the published policy version this wording belongs to (None: not published)

    @property
    def anchor(self) -> str:
        return self.id

    @property
    def label(self) -> str | None:
        """The bold-worthy lead of a "Label: details" bullet, e.g. "Device Information"."""
        m = _LABEL.match(self.text)
        return m.group(1) if m and self.kind == "bullet" else None


@dataclass
class Block:
    """The clauses under one sub-heading (or directly under the section heading)."""

    heading: str | None
    anchor: str
    line: int
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Section:
    number: str | None  # None for unnumbered front matter such as the table of contents
    title: str
    anchor: str
    line: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def clauses(self) -> list[Clause]:
        return [c for b in self.blocks for c in b.clauses]


@dataclass
class Policy:
    """The parsed policy: title, front matter and numbered sections."""

    title: str
    preamble: list[str]
    front_matter: list[Section]
    sections: list[Section]
    path: str
    version: int | None = None  # the published version (app.engine.lineage), None for a bare parse
    # Ids of earlier versions' clauses -> the id of their successor here, so that files and links written
    # against an earlier version (phrasings.yaml, intents.yaml, old citations) still name a clause.
    aliases: dict[str, str] = field(default_factory=dict)
    retired: frozenset[str] = frozenset()  # ids of earlier versions' clauses that were removed (no successor)

    def __post_init__(self):
        self._by_id = {c.id: c for c in self.clauses}

    @property
    def clauses(self) -> list[Clause]:
        """Every citable clause of the numbered sections, in document order."""
        return [c for s in self.sections for c in s.clauses]

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id, or the successor of an earlier version's clause; KeyError when neither."""
        found = self._by_id.get(clause_id)
        return found if found is not None else self._by_id[self.aliases[clause_id]]

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._by_id or clause_id in self.aliases

    def list_of(self, clause: Clause) -> list[Clause]:
        """The whole list `clause` belongs to: its lead-in ("...the following:") and every item, in order.

        A lead-in that ends with ":" takes the bullets after it in its section
        (under later sub-headings too, as in "Your Rights and Choices"); a bullet
        with no lead-in belongs to the bullets of its sub-heading. A paragraph
        that introduces no list is a list of one.

            >>> [c.id for c in policy.list_of(policy.clause("s2-personal-information-3"))][:2]
            ['s2-personal-information-1', 's2-personal-information-2']
        """
        clauses = self.section(clause.section).clauses
        i = clauses.index(clause)
        if clause.kind == "bullet":
            start = i
            while start > 0 and clauses[start - 1].kind == "bullet" and (
                    clause.lead_in is not None or clauses[start - 1].subsection == clause.subsection):
                start -= 1
            if start > 0 and clauses[start - 1].text.endswith(":") and clause.lead_in is not None:
                start -= 1
            elif clause.lead_in is None:
                return self._run(clauses, start, clause.subsection)
            return self._run(clauses, start, None)
        if not clause.text.endswith(":"):
            return [clause]
        return self._run(clauses, i, None)

    @staticmethod
    def _run(clauses: list[Clause], start: int, subsection: str | None) -> list[Clause]:
        """From `start`, the lead-in (if any) and the bullets after it (only under `subsection`, if given)."""
        out = [clauses[start]]
        for clause in clauses[start + 1:]:
            if clause.kind != "bullet" or (subsection is not None and clause.subsection != subsection):
                break
            out.append(clause)
        return out

    def section(self, number: str) -> Section:
        return next(s for s in self.sections if s.number == number)

    def to_text(self) -> str:
        """The policy as plain text, one line per heading, bullet or source line.

        This is the inverse of turning the published text into Markdown, so it is
        what proves the wording unchanged.
        """
        lines = [self.title, *self.preamble]
        for section in [*self.front_matter, *self.sections]:
            heading = f"{section.number}. {section.title}" if section.number else section.title
            lines.append(heading)
            for block in section.blocks:
                if block.heading:
                    lines.append(block.heading)
                for clause in block.clauses:
                    prefix = "- " if clause.kind == "bullet" else ""
                    lines.extend(prefix + part for part in clause.text.split("\n"))
        return "\n".join(lines)


def with_ids(policy: Policy, ids: list[str], version: int | None,
             aliases: dict[str, str] | None = None, retired: frozenset[str] = frozenset()) -> Policy:
    """The same policy with its clauses renamed to `ids` (document order) and stamped with `version`.

    Parsing numbers clauses by position; a published version keeps the ids its
    clauses were given when it was published (see `app.engine.lineage`).
    """
    clauses = policy.clauses
    if len(ids) != len(clauses) or len(set(ids)) != len(ids):
        raise ValueError(f"expected {len(clauses)} distinct clause ids, got {len(ids)} ({len(set(ids))} distinct)")
    renamed = dict(zip((c.id for c in clauses), ids))
    sections = []
    for section in policy.sections:
        blocks = [Block(b.heading, b.anchor, b.line,
                        [replace(c, id=renamed[c.id], version=version) for c in b.clauses]) for b in section.blocks]
        sections.append(Section(section.number, section.title, section.anchor, section.line, blocks))
    return Policy(policy.title, policy.preamble, policy.front_matter, sections, policy.path, version,
                  dict(aliases or {}), frozenset(retired))


def slugify(text: str) -> str:
    """Make an anchor-safe slug: "Children's Privacy" -> "childrens-privacy"."""
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def parse_policy(source: str, path: str | Path = "<policy>") -> Policy:
    """Parse Markdown source text into a `Policy`, or raise `CorpusError`."""
    parser = _Parser(path)
    for number, raw in enumerate(source.splitlines(), start=1):
        parser.feed(number, raw)
    return parser.finish()


def load_policy(path: str | Path) -> Policy:
    """Read and parse the policy file at `path`."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(path, 0, "file not found") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CorpusError(path, line, "not valid UTF-8 text") from None
    return parse_policy(source, path)


class _Parser:
    def __init__(self, path):
        self.path = path
        self.title: str | None = None
        self.preamble: list[str] = []
        self.front: list[Section] = []
        self.sections: list[Section] = []
        self.current: Section | None = None
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.last_paragraph: str | None = None  # lead-in for a following bullet list
        self.last_kind: str | None = None

    def error(self, line, problem):
        raise CorpusError(self.path, line, problem)

    def feed(self, line_no: int, raw: str):
        if raw != raw.rstrip():
            self.error(line_no, "trailing white space (it would be invisible in the rendered policy)")
        if raw.startswith((" ", "\t")):
            self.error(line_no, "indented line: the policy uses no nesting or code blocks")
        line = raw
        if not line:
            self._flush()
            return
        if line == "---":
            self._flush()
            self._end_subheading(line_no)
            return
        if line.startswith("#"):
            self._flush()
            self._heading(line_no, line)
            return
        if self.title is None:
            self.error(line_no, "text before the title: the file must start with '# <title>'")
        if line.startswith(("- ", "* ")) or line in ("-", "*"):
            self._flush()
            text = line[2:].strip()
            if not text:
                self.error(line_no, "empty bullet")
            self._add(line_no, text, "bullet")
            return
        if not self.paragraph:
            self.paragraph_line = line_no
        self.paragraph.append(line)

    def _heading(self, line_no, line):
        marks, _, text = line.partition(" ")
        text = text.strip()
        if set(marks) != {"#"} or len(marks) > 3:
            self.error(line_no, f"unsupported heading {marks!r}: use #, ## or ###")
        if not text:
            self.error(line_no, "empty heading")
        if len(marks) == 1:
            if self.title is not None:
                self.error(line_no, "a second '# ' title: the policy has exactly one")
            self.title = text
            return
        if self.title is None:
            self.error(line_no, "heading before the title: the file must start with '# <title>'")
        if len(marks) == 2:
            self._section(line_no, text)
        else:
            self._subheading(line_no, text)

    def _section(self, line_no, text):
        m = _NUMBERED.match(text)
        if not m:
            if self.sections:
                self.error(line_no, f"unnumbered section {text!r} after section {self.sections[-1].number}: "
                                    "only front matter before section 1 may be unnumbered")
            section = Section(None, text, slugify(text), line_no)
            self.front.append(section)
        else:
            number, title = m.group(1), m.group(2).strip()
            expected = str(len(self.sections) + 1)
            if number != expected:
                self.error(line_no, f"section {number} found where section {expected} was expected")
            section = Section(number, title, f"s{number}", line_no)
            self.sections.append(section)
        section.blocks.append(Block(None, section.anchor, line_no))
        self.current = section
        self.last_paragraph = None

    def _subheading(self, line_no, text):
        if self.current is None or self.current.number is None:
            self.error(line_no, f"sub-heading {text!r} outside a numbered section")
        anchor = f"{self.current.anchor}-{slugify(text)}"
        if any(b.anchor == anchor for b in self.current.blocks):
            self.error(line_no, f"sub-heading {text!r} appears twice in section {self.current.number}")
        self.current.blocks.append(Block(text, anchor, line_no))
        self.last_paragraph = None

    def _end_subheading(self, line_no):
        if self.current is None or self.current.blocks[-1].heading is None:
            self.error(line_no, "'---' must follow a sub-heading's text: it ends that sub-heading")
        self.current.blocks.append(Block(None, self.current.anchor, line_no))
        self.last_paragraph = None

    def _add(self, line_no, text, kind):
        if self.current is None:
            if kind == "bullet":
                self.error(line_no, "bullet before the first section")
            self.preamble.append(text)
            return
        block = self.current.blocks[-1]
        # Clauses directly under a section share one numbering, even when a
        # sub-heading interrupts them.
        siblings = sum(len(b.clauses) for b in self.current.blocks if b.anchor == block.anchor)
        clause_id = f"{block.anchor}-{siblings + 1}"
        lead_in = self.last_paragraph if kind == "bullet" else None
        block.clauses.append(Clause(
            id=clause_id,
            section=self.current.number or "",
            section_title=self.current.title,
            subsection=block.heading,
            text=text,
            kind=kind,
            line=line_no,
            lead_in=lead_in,
        ))
        if kind == "paragraph":
            self.last_paragraph = text

    def _flush(self):
        if self.paragraph:
            self._add(self.paragraph_line, "\n".join(self.paragraph), "paragraph")
            self.paragraph = []

    def finish(self) -> Policy:
        self._flush()
        if self.title is None:
            self.error(1, "empty policy: the file must start with '# <title>'")
        if not self.sections:
            self.error(1, "no numbered sections ('## 1. <title>') found")
        for section in self.sections:
            if not section.clauses:
                self.error(section.line, f"section {section.number} has no text")
            for block in section.blocks:
                if block.heading and not block.clauses:
                    self.error(block.line, f"sub-heading {block.heading!r} has no text under it")
        return Policy(self.title, self.preamble, self.front, self.sections, str(self.path))
