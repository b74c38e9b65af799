"""Publishing a new version of the policy, after a check that no answer silently moves.

    flask policy publish --dry-run          # print the check's report, change nothing
    flask policy publish                    # publish corpus/privacy-policy.md as the next version, if the check passes
    flask policy publish --accept-changes   # publish despite answers that move; the report is kept with the version

The check answers, against the version in force and against the edited text,
every alternate phrasing editors linked (the database's and corpus/phrasings.yaml),
every question of the team's tables (POLICY_CHECK_TABLES: a folder, tests/data/*.yaml, or one table file) and
the most-asked questions of the last POLICY_CHECK_LOG_DAYS days of the question
log. A question answered from clause X before that is answered after from a clause
that does not carry X on (its successor, see app.engine.lineage), or not answered
at all, is a regression. Editors see each version's report at /editor/versions.
"""

from __future__ import annotations

import getpass
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import click
from flask import Blueprint, abort, current_app, render_template
from flask.cli import with_appcontext

from ..engine.corpus import CorpusError, Policy, parse_policy, with_ids
from ..engine.lineage import compare, match_versions
from ..engine.yamlfile import YamlFileError, load_yaml
from ..platform import db as storage
from ..platform import policystore
from ..platform.config import ROOT
from ..platform.timefmt import india_today
from . import review
from .auth import require_editor

DEFAULTS = {
    # The team's question tables that every publish answers against both versions: a folder (its *.yaml) or one file.
    "POLICY_CHECK_TABLES": str(ROOT / "tests" / "data"),
    # How many of the most-asked logged questions the publish check answers, and from how many days back.
    "POLICY_CHECK_LOG_TOP": 200,
    "POLICY_CHECK_LOG_DAYS": 90,
}
_SECTION_FILES = ("topics.yaml", "synonyms.yaml")  # editor files that name sections by number
_SECTION_REF = re.compile(r"(\bsections?:\s*)(\[[^\]]*\]|\"\d+\"|'\d+')")

bp = Blueprint("versions", __name__, url_prefix="/editor/versions")
bp.before_request(require_editor)


class PublishError(click.ClickException):
    """The text cannot be published as it is; the message says why."""


@dataclass
class Check:
    """What publishing the edited text would do: the new version, how clauses map, which answers move."""

    number: int  # the new version's number
    current: int
    policy: Policy  # the new text under its lasting ids
    successors: dict[str, list[str]]
    section_map: dict[str, str]  # old section number -> new, where renumbered
    report: dict = field(default_factory=dict)

    @property
    def regressions(self) -> list[dict]:
        return self.report["regressions"]


def _questions(app, db, tables: list[Path]) -> dict[str, dict]:
    """Every question the check answers: review key -> {"q": text, "sources": [...]}."""
    found: dict[str, dict] = {}

    def add(text, source):
        key = review.review_key(text)
        if key:
            entry = found.setdefault(key, {"q": text.strip(), "sources": []})
            if source not in entry["sources"]:
                entry["sources"].append(source)

    for clause_id, phrasing in db.execute("select clause_id, phrasing from phrasings order by id"):
        add(phrasing, f"phrasing linked to {clause_id}")
    for clause_id, phrasings in data_of_phrasings_file(app).items():
        for phrasing in phrasings or ():
            if isinstance(phrasing, str):
                add(phrasing, f"phrasings.yaml: {clause_id}")
    for path in tables:
        for text in _strings(load_yaml(path)):
            add(text, f"{path.name}")
    since = (datetime.now(timezone.utc) - timedelta(days=app.config["POLICY_CHECK_LOG_DAYS"])).isoformat()
    rows = db.execute("select min(question), count(*) as n from questions where asked_at >= :since and kind != 'smalltalk' "
                      "group by lower(question) order by n desc, max(asked_at) desc limit :limit",
                      {"since": since, "limit": app.config["POLICY_CHECK_LOG_TOP"]})
    for text, count in rows:
        add(text, f"asked {count}× in the last {app.config['POLICY_CHECK_LOG_DAYS']} days")
    return found


def _tables(tables: Path) -> list[Path]:
    """The table files POLICY_CHECK_TABLES names: the file itself, a folder's *.yaml, or none when it is absent
    (an installed app has no tests/ folder)."""
    if tables.is_file():
        return [tables]
    return sorted(tables.glob("*.yaml")) if tables.is_dir() else []


def data_of_phrasings_file(app) -> dict:
    """corpus/phrasings.yaml as read (clause id -> phrasings), {} when there is none."""
    path = Path(app.config["CORPUS_DIR"]) / "phrasings.yaml"
    data = load_yaml(path) if path.exists() else None
    return data if isinstance(data, dict) else {}


def _strings(data) -> list[str]:
    """The questions of a team table: each `q:` value, and the strings listed under any key."""
    if isinstance(data, dict):
        if isinstance(data.get("q"), str):
            return [data["q"]]
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for item in data for s in ([item] if isinstance(item, str) else _strings(item))]
    return []


def _section_map(old: Policy, new: Policy, successors: dict[str, list[str]]) -> dict[str, str]:
    """Old section number -> new number, for sections now numbered differently (same title, or where most of
    their clauses went)."""
    by_title = {s.title: s.number for s in new.sections}
    new_section = {c.id: c.section for c in new.clauses}
    out = {}
    for section in old.sections:
        number = by_title.get(section.title)
        if number is None:
            votes: dict[str, int] = {}
            for clause in section.clauses:
                for target in ([clause.id] if clause.id in new_section else successors.get(clause.id, [])[:1]):
                    votes[new_section[target]] = votes.get(new_section[target], 0) + 1
            number = max(votes, key=votes.get) if votes else None
        if number is not None and number != section.number:
            out[section.number] = number
    return out


def renumber_sections(text: str, section_map: dict[str, str]) -> str:
    """`text` of topics.yaml or synonyms.yaml with its section numbers (`section:`/`sections:`) renumbered."""
    def numbers(match):
        return match.group(1) + re.sub(r"(['\"])(\d+)\1", lambda m: f"{m.group(1)}{section_map.get(m.group(2), m.group(2))}"
                                       f"{m.group(1)}", match.group(2))
    return _SECTION_REF.sub(numbers, text)


def _staged_corpus(corpus_dir: Path, text: str, section_map: dict[str, str], into: Path) -> Path:
    """A copy of the corpus folder with the new text and its section numbers as they will be after publishing."""
    staged = into / "corpus"
    shutil.copytree(corpus_dir, staged)
    (staged / policystore.POLICY_FILE).write_text(text, encoding="utf-8")
    for name in _SECTION_FILES:
        path = staged / name
        if path.exists() and section_map:
            path.write_text(renumber_sections(path.read_text(encoding="utf-8"), section_map), encoding="utf-8")
    return staged


def check(app, db, text: str) -> Check:
    """Match `text` against the version in force and answer the check's questions with both; change nothing.

    Raises PublishError when the text cannot be published at all (it does not parse, equals the version in force,
    or the editor files no longer load against it).
    """
    current = policystore.current_number(db)
    old = policystore.current_policy(app, db)
    if policystore.sha256_of(text) == policystore.version(db, current).sha256:
        raise PublishError(f"the text is the same as version {current}, which is in force: nothing to publish")
    try:
        parsed = parse_policy(text, Path(app.config["CORPUS_DIR"]) / policystore.POLICY_FILE)
    except CorpusError as exc:
        raise PublishError(str(exc)) from None
    used = set(old.aliases) | set(old.retired) | {c.id for c in old.clauses}
    matching = match_versions(old, parsed, current + 1, used)
    section_map = _section_map(old, matching.policy, matching.successors)
    # Ids of every earlier version lead to their successor in the new text.
    aliases, retired = {}, set(old.retired) | set(matching.removed)
    for clause_id in used - set(old.retired):
        target = old.clause(clause_id).id
        if target in matching.successors:
            nxt = matching.successors[target]
            if nxt:
                aliases[clause_id] = nxt[0]
            else:
                retired.add(clause_id)
        elif target != clause_id:
            aliases[clause_id] = target
    new_policy = with_ids(matching.policy, [c.id for c in matching.policy.clauses], current + 1, aliases,
                          frozenset(retired))
    phrasings, not_covered = review.load_phrasings(db), review.load_not_covered(db)
    old_assistant = policystore.build_assistant(app, db, phrasings, not_covered)
    from ..engine.answering import load_assistant

    with tempfile.TemporaryDirectory() as tmp:
        staged = _staged_corpus(Path(app.config["CORPUS_DIR"]), text, section_map, Path(tmp))
        try:
            new_assistant = load_assistant(staged, extra_phrasings=phrasings, intents_file=app.config["INTENTS_FILE"],
                                           policy=new_policy)
        except (CorpusError, YamlFileError) as exc:
            problem = str(exc).replace(str(staged), str(app.config["CORPUS_DIR"]))
            raise PublishError(f"the editor files would not load against the new text: {problem}. Fix them (an id "
                               "of a removed clause must go) and run the check again.") from None
    new_assistant.add_editor_gaps(not_covered)

    regressions, checked = [], 0
    tables = _tables(Path(app.config["POLICY_CHECK_TABLES"]))
    for entry in _questions(app, db, tables).values():
        before = old_assistant.answer(entry["q"])
        if not before.answered:
            continue
        checked += 1
        was = before.clause.id
        expected = set(matching.successors.get(was, [was]))
        after = new_assistant.answer(entry["q"])
        now = after.clause.id if after.answered else None
        if now not in expected:
            regressions.append({"question": entry["q"], "sources": entry["sources"], "old": was,
                                "expected": sorted(expected), "new": now})
    changes = compare(old, new_policy, matching.successors)
    orphans = []
    in_file = data_of_phrasings_file(app)
    for clause_id in matching.removed:
        linked = [p for (p,) in db.execute("select phrasing from phrasings where clause_id = :clause_id", {"clause_id": clause_id})]
        linked += [f"{p} (phrasings.yaml)" for key, items in in_file.items() if key in old.aliases and
                   old.aliases[key] == clause_id or key == clause_id for p in items or () if isinstance(p, str)]
        decided = [t for (t,) in db.execute("select text from review_decisions where clause_id = :clause_id", {"clause_id": clause_id})]
        orphans.append({"clause": clause_id, "text": old.clause(clause_id).text, "phrasings": linked,
                        "decisions": decided})
    report = {
        "from": current, "to": current + 1, "sha256": policystore.sha256_of(text),
        "kept": len(matching.kept),
        "changes": [{"kind": c.kind, "old": [x.id for x in c.old], "new": [x.id for x in c.new],
                     "section": (c.new or c.old)[0].section} for c in changes],
        "renumbered_sections": section_map,
        "checked": checked,
        "tables": [path.name for path in tables],
        "tables_from": str(app.config["POLICY_CHECK_TABLES"]),
        "regressions": regressions,
        "orphans": orphans,
        "accepted": False,
    }
    return Check(current + 1, current, new_policy, matching.successors, section_map, report)


def publish(app, db, text: str, effective: date, by: str, accept_changes: bool,
            result: Check | None = None) -> Check:
    """Check `text` (unless `result` is its check) and, when it passes (or `accept_changes`), record it as the
    next version, in force in every worker from their next request."""
    result = result or check(app, db, text)
    if result.regressions and not accept_changes:
        raise PublishError(f"{len(result.regressions)} answers would move to a clause that does not carry on the "
                           "one they quoted (listed above). Change the text, link phrasings to the new clauses "
                           "after publishing, or publish with --accept-changes to accept them.")
    previous = policystore.version(db, result.current)
    if effective.isoformat() < previous.effective:
        raise PublishError(f"the effective date {effective.isoformat()} is before version {result.current}'s "
                           f"({previous.effective})")
    result.report["accepted"] = bool(result.regressions)
    primary = {old: new[0] for old, new in result.successors.items() if new}
    corpus_dir = Path(app.config["CORPUS_DIR"])
    originals: dict[Path, str] = {}
    try:
        with storage.write(db):
            if policystore.current_number(db) != result.current:
                raise PublishError("another version was published meanwhile; run the check again")
            result.report["moved"] = review.move_to_successors(db, primary)
            db.insert("policy_versions", {
                "number": result.number, "effective": effective.isoformat(), "published_by": by,
                "published_at": storage.now_iso(), "sha256": result.report["sha256"], "text": text,
                "ids": json.dumps([c.id for c in result.policy.clauses]), "successors": json.dumps(result.successors),
                "report": json.dumps(result.report)})
            db.execute("update counters set value = value + 1 where name = 'policy'")
            # The renumbered editor files are in place before the commit makes workers rebuild, so none reads
            # the new text with the old section numbers.
            for name in _SECTION_FILES:
                path = corpus_dir / name
                if path.exists() and result.section_map:
                    originals[path] = path.read_text(encoding="utf-8")
                    _replace_file(path, renumber_sections(originals[path], result.section_map))
    except BaseException:
        for path, original in originals.items():
            _replace_file(path, original)
        raise
    return result


def _replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` in one step (a reader sees the old file or the new one, never half of it)."""
    staged = path.with_name(path.name + ".publishing")
    staged.write_text(text, encoding="utf-8")
    staged.replace(path)


def format_report(result: Check) -> str:
    """The check's report as text for the terminal."""
    r = result.report
    lines = [f"Policy version {r['from']} -> {r['to']}: {r['kept']} clauses kept, {len(r['changes'])} changes"]
    for change in r["changes"]:
        lines.append(f"  {change['kind']:<9} §{change['section']}: {', '.join(change['old']) or '-'} -> "
                     f"{', '.join(change['new']) or '-'}")
    if r["renumbered_sections"]:
        pairs = ", ".join(f"§{a} -> §{b}" for a, b in r["renumbered_sections"].items())
        lines.append(f"Renumbered sections: {pairs} (topics.yaml and synonyms.yaml follow when published)")
    if r["orphans"]:
        lines.append("Removed clauses with nothing to carry them on (editors: link these elsewhere):")
        for orphan in r["orphans"]:
            lines.append(f"  {orphan['clause']}: {orphan['text'][:70]!r} — {len(orphan['phrasings'])} linked "
                         f"phrasings, {len(orphan['decisions'])} decisions")
    if r["tables"]:
        lines.append(f"Team tables: {len(r['tables'])} from {r['tables_from']}")
    else:  # a mistyped FLASK_POLICY_CHECK_TABLES would otherwise go unseen
        lines.append(f"Team tables: none found at {r['tables_from']} (FLASK_POLICY_CHECK_TABLES): only linked "
                     "phrasings and logged questions were checked")
    lines.append(f"Checked {r['checked']} answered questions against both versions: "
                 f"{len(r['regressions'])} would move to a clause that does not carry on the old one")
    for item in r["regressions"]:
        lines.append(f"  {item['question']!r} ({'; '.join(item['sources'])}): {item['old']} -> "
                     f"{item['new'] or 'no answer'} (expected {', '.join(item['expected']) or 'none'})")
    return "\n".join(lines)


def _effective(value: str | None) -> date:
    today = india_today()
    if value is None:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use a date as YYYY-MM-DD, e.g. 2026-12-01", param_hint="--effective") from None
    if day > today:
        raise click.BadParameter(f"{value} is in the future: publish on the day the version takes effect "
                                 f"(today is {today.isoformat()} in India)", param_hint="--effective")
    return day


policy_cli = click.Group("policy", help="Publish and list versions of the privacy policy.")


@policy_cli.command("publish")
@click.option("--effective", help="The date the version takes effect (YYYY-MM-DD, India; default today, not later).")
@click.option("--dry-run", is_flag=True, help="Print the check's report only; change nothing.")
@click.option("--accept-changes", is_flag=True, help="Publish even when answers move; the report is kept.")
@click.option("--by", "by", help="Who publishes (default: the login name).")
@with_appcontext
def publish_command(effective: str | None, dry_run: bool, accept_changes: bool, by: str | None):
    """Publish corpus/privacy-policy.md as the next version, after checking which answers move."""
    app = current_app._get_current_object()
    day = _effective(effective)
    text_path = Path(app.config["CORPUS_DIR"]) / policystore.POLICY_FILE
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PublishError(f"{text_path}: cannot read it ({exc})") from None
    db = storage.connect_app(app)
    try:
        result = check(app, db, text)
        click.echo(format_report(result))
        if dry_run:
            click.echo("Dry run: nothing was published.")
            return
        publish(app, db, text, day, by or getpass.getuser(), accept_changes, result)
        moved = result.report.get("moved", {})
        click.echo(f"Published version {result.number}, effective {day.isoformat()}; moved "
                   f"{moved.get('phrasings', 0)} linked phrasings and {moved.get('review_decisions', 0)} decisions "
                   "to successor clauses. Every worker switches before its next request.")
    finally:
        db.close()


@policy_cli.command("versions")
@with_appcontext
def versions_command():
    """List the published versions of the policy."""
    db = storage.connect_app(current_app)
    try:
        for v in policystore.versions(db):
            note = " (changes accepted)" if v.accepted_changes else ""
            click.echo(f"{v.number}\teffective {v.effective}\tpublished {v.published_at} by {v.published_by}\t"
                       f"sha256 {v.sha256[:12]}{note}")
    finally:
        db.close()


# --- editors' pages ----------------------------------------------------------------------------------------------


@bp.get("")
def index():
    db = storage.get_db()
    return render_template("editor/versions.html", versions=list(reversed(policystore.versions(db))))


@bp.get("/<int:number>")
def show(number: int):
    db = storage.get_db()
    found = policystore.version(db, number)
    if found is None:
        abort(404)
    return render_template("editor/version.html", version=found, report=found.report or {})


def init_app(app) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.cli.add_command(policy_cli)
    app.register_blueprint(bp)
