"""The benchmark's pure helpers (bench/speed.py, bench/report.py): no server, no wrk, no ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.report import Row, format_table, quality_rows
from bench.speed import (LoadResult, ProcfileError, bind_loopback, expand, parse_stat_cpu, parse_status, parse_wrk,
                         percentile, private_mb, procfile_command, rss_mb, summarise_load,
                         uncached_rows)

ROOT = Path(__file__).resolve().parent.parent

# Captured from wrk 4.1.0 against this app's gunicorn server.
WRK_OK = """\
Running 5s test @ http://127.0.0.1:18123/healthz
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.29ms    1.21ms  45.63ms   94.16%
    Req/Sec     1.10k    67.55     1.20k    80.00%
  Latency Distribution
     50%    7.10ms
     75%    7.57ms
     90%    8.13ms
     99%   10.37ms
  10965 requests in 5.01s, 5.23MB read
Requests/sec:   2189.91
Transfer/sec:      1.04MB
"""

# Captured from wrk 4.1.0 against a server answering 404; the socket errors line
# is wrk's format ("  Socket errors: connect %d, read %d, write %d, timeout %d").
WRK_ERRORS = """\
Running 1s test @ http://127.0.0.1:18200/missing
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    25.91ms   43.69ms 202.80ms   85.70%
    Req/Sec   747.90    772.99     2.13k    80.00%
  Latency Distribution
     50%  361.00us
     75%   30.48ms
     90%   92.36ms
     99%    1.85s
  746 requests in 1.03s, 379.01KB read
  Socket errors: connect 0, read 3, write 1, timeout 2
  Non-2xx or 3xx responses: 746
Requests/sec:    721.41
Transfer/sec:    366.52KB
"""


@pytest.mark.parametrize("values, p, expected", [
    ([4.0], 50, 4.0),
    ([4.0], 99, 4.0),
    ([3, 1, 2], 50, 2),
    ([1, 2, 3, 4], 50, 2.5),
    ([1, 2, 3, 4], 0, 1),
    ([1, 2, 3, 4], 100, 4),
    (list(range(1, 101)), 99, 99.01),
    ([10] * 99 + [1000], 99, 19.9),  # one slow outlier in a hundred barely moves p99
])
def test_percentile_interpolates_between_ranks(values, p, expected):
    assert percentile(values, p) == pytest.approx(expected)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=50), st.floats(0, 100))
def test_percentile_agrees_with_numpy(values, p):
    assert percentile(values, p) == pytest.approx(float(np.percentile(values, p)), rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("values, p", [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_nonsense(values, p):
    with pytest.raises(ValueError):
        percentile(values, p)


@pytest.mark.parametrize("text, expected", [
    (WRK_OK, LoadResult(requests_per_s=2189.91, p50_ms=7.10, p99_ms=10.37, requests=10965)),
    (WRK_ERRORS, LoadResult(requests_per_s=721.41, p50_ms=0.361, p99_ms=1850.0, requests=746,
                            non_2xx=746, socket_errors=6)),
])
def test_parse_wrk_reads_rate_latency_and_errors(text, expected):
    result = parse_wrk(text)
    assert result.requests == expected.requests
    assert result.requests_per_s == pytest.approx(expected.requests_per_s)
    assert result.p50_ms == pytest.approx(expected.p50_ms)
    assert result.p99_ms == pytest.approx(expected.p99_ms)
    assert (result.non_2xx, result.socket_errors) == (expected.non_2xx, expected.socket_errors)
    assert result.errors == expected.non_2xx + expected.socket_errors


def test_parse_wrk_refuses_a_report_without_latency_distribution():
    without = "\n".join(line for line in WRK_OK.splitlines() if "%" not in line or "Stdev" in line)
    with pytest.raises(ValueError, match="not a wrk --latency report"):
        parse_wrk(without)


@pytest.mark.parametrize("word, env, expected", [
    ("${PORT:-8000}", {}, "8000"),
    ("${PORT:-8000}", {"PORT": "4321"}, "4321"),
    ("${PORT:-8000}", {"PORT": ""}, "8000"),  # ":-" also replaces an empty value
    ("0.0.0.0:${PORT}", {"PORT": "5"}, "0.0.0.0:5"),
    ("$HOME/x", {"HOME": "/root"}, "/root/x"),
    ("${UNSET}", {}, ""),
    ("--forwarded-allow-ips=${IPS:-127.0.0.1}", {}, "--forwarded-allow-ips=127.0.0.1"),
    ("plain", {"plain": "no"}, "plain"),
])
def test_expand_follows_the_shell(word, env, expected):
    assert expand(word, env) == expected


def test_procfile_command_is_the_repositorys_web_command_with_variables_expanded():
    args = procfile_command((ROOT / "Procfile").read_text(), {"PORT": "18123", "WEB_CONCURRENCY": "2"})
    assert args[:2] == ["gunicorn", "app.wsgi:app"]
    assert "0.0.0.0:18123" in args and "$" not in " ".join(args)
    assert args[args.index("--workers") + 1] == "2"
    loopback = bind_loopback(args)
    assert "127.0.0.1:18123" in loopback and "0.0.0.0:18123" not in loopback


def test_procfile_command_picks_the_named_process_and_keeps_quoted_words_whole():
    text = "# web: not this\nworker: python -m jobs\nweb: gunicorn 'app:create_app()' --bind :${PORT}\n"
    assert procfile_command(text, {"PORT": "9"}) == ["gunicorn", "app:create_app()", "--bind", ":9"]
    assert procfile_command(text, {}, "worker") == ["python", "-m", "jobs"]
    with pytest.raises(ProcfileError, match="no 'release:' command"):
        procfile_command(text, {}, "release")


@pytest.mark.parametrize("args, expected", [
    (["--bind", "0.0.0.0:80"], ["--bind", "127.0.0.1:80"]),
    (["-b", "[::]:80"], ["-b", "127.0.0.1:80"]),
    (["--bind=0.0.0.0:80", "--workers", "2"], ["--bind=127.0.0.1:80", "--workers", "2"]),
])
def test_bind_loopback_keeps_the_port(args, expected):
    assert bind_loopback(args) == expected


STATUS = "Name:\tgunicorn\nPid:\t4242\nPPid:\t4200\nVmHWM:\t   75000 kB\nVmRSS:\t   71372 kB\nThreads:\t1\n"


def test_status_gives_parent_and_resident_memory():
    status = parse_status(STATUS)
    assert status["PPid"] == "4200"
    assert rss_mb(status) == pytest.approx(71372 / 1024)


def test_smaps_rollup_gives_private_memory():
    rollup = ("55d0c0000000-7ffc00000000 ---p 00000000 00:00 0    [rollup]\nRss:   65960 kB\nPss:   29391 kB\n"
              "Shared_Clean:   9152 kB\nShared_Dirty:  44576 kB\nPrivate_Clean:   1024 kB\nPrivate_Dirty:  12232 kB\n")
    assert private_mb(rollup) == pytest.approx((1024 + 12232) / 1024)


def test_stat_gives_user_plus_system_cpu_even_with_parentheses_in_the_name():
    ticks = os.sysconf("SC_CLK_TCK")
    stat = f"4242 (gunicorn: (worker) x) S 4200 4200 4200 0 -1 4194560 900 0 0 0 {3 * ticks} {ticks} 0 0 20 0 1 0"
    assert parse_stat_cpu(stat) == pytest.approx(4.0)


def _result(rate, p99, non_2xx=0):
    return LoadResult(requests_per_s=rate, p50_ms=p99 / 2, p99_ms=p99, requests=int(rate * 5), non_2xx=non_2xx)


@pytest.mark.parametrize("ask, errors, ratio_met, p99_met, errors_met", [
    ([_result(1300, 15), _result(1200, 18), _result(900, 40)], 0, True, True, True),  # 1200 / 2000 = 0.6
    ([_result(1100, 25), _result(1150, 30), _result(1190, 19)], 0, False, False, True),  # 0.575
    ([_result(1300, 15), _result(1200, 18), _result(1400, 12)], 1, True, True, False),
])
def test_summarise_load_quotes_medians_against_the_targets(ask, errors, ratio_met, p99_met, errors_met):
    health = [_result(2000, 10), _result(1900, 11, non_2xx=errors), _result(2100, 9)]
    rows = {row.measure.split(" (")[0]: row for row in summarise_load(health, ask, [70.0, 71.5], 5, [12.0, 12.5])}
    assert rows["ask / healthz throughput"].met is ratio_met
    assert rows["POST /api/ask p99"].met is p99_met
    assert rows["errors"].met is errors_met
    assert rows["GET /healthz requests/s"].assistant == "2000"
    assert rows["resident memory per worker"].assistant == "70.0 / 71.5 MB"
    assert rows["  of which not shared with the master"].assistant == "12.0 / 12.5 MB"
    assert not any(measure.startswith("worker CPU") for measure in rows)  # not measured here


def test_the_run_with_the_answer_cache_off_is_reported_as_its_own_ratio_and_cpu():
    health = [_result(2000, 10), _result(2100, 9), _result(1900, 11)]
    ask = [_result(500, 30), _result(600, 25), _result(700, 20)]
    for result, cpu in zip(health + ask, [0.4, 0.5, 0.45, 1.2, 1.1, 1.3]):
        result.cpu_ms = cpu
    rows = {row.measure.strip(): row.assistant for row in uncached_rows(health, ask)}
    assert rows["ask / healthz throughput, every answer computed"] == "0.30  (600 / 2000)"
    assert rows["worker CPU per request: healthz / ask"] == "0.45 / 1.20 ms"


def test_quality_rows_compare_false_handoffs_downwards_and_skip_missing_figures():
    targets = {"requests": {"handoff_recall": 0.95, "false_handoffs": 0.03}}
    ours = {"top1": 0.8, "top3": None, "abstention": None, "handoff_recall": 0.96, "false_handoffs": 0.05}
    plain = {"top1": 0.3, "handoff_recall": 0.0, "false_handoffs": 0.0}
    rows = quality_rows("requests-dev", 36, ours, plain, targets)
    assert [r.measure for r in rows] == ["requests-dev (36) top-1", "requests-dev (36) handoff recall",
                                         "requests-dev (36) false handoffs"]
    assert [(r.target, r.met) for r in rows] == [("", None), (">= 0.95", True), ("<= 0.03", False)]
    assert rows[0].baseline == "0.300"


def test_format_table_aligns_columns_and_marks_targets():
    table = format_table([Row("top-1", "0.848", "0.201", ">= 0.85", met=False),
                          Row("POST /api/ask requests/s", "950")]).splitlines()
    assert table[0].split() == ["measure", "assistant", "rank-bm25", "target"]
    assert table[1].endswith("NOT MET") and table[2].endswith("950")
    assert len({line.index("0.848") + len("0.848") for line in table if "0.848" in line}
               | {table[2].index("950") + 3}) == 1  # numbers right-aligned in one column


def test_without_wrk_only_the_load_rows_are_skipped_and_the_install_command_is_shown(monkeypatch, capsys):
    import bench.speed

    monkeypatch.setattr(bench.speed.shutil, "which", lambda name: None)
    rows = bench.speed.load_rows(["Can I delete my account?"])
    assert [row.measure for row in rows] == ["load test: SKIPPED, wrk not installed (apt-get install wrk)"]
    assert "apt-get install wrk" in capsys.readouterr().out


def test_quality_reads_the_visitor_table_by_its_shape(tmp_path):
    from bench.quality import read_questions

    table = tmp_path / "any-name.yaml"
    table.write_text('- {q: "delete my data", kind: request, sections: ["6"], style: request, intent: [deletion]}\n'
                     '- {q: "hi", kind: smalltalk, sections: [], style: smalltalk}\n')
    request, hello = read_questions(table)
    assert request == {"question": "delete my data", "gold_sections": ["6"], "in_scope": True,
                       "gold_intent": ["deletion"], "kind": "request", "style": "request"}
    assert (hello["in_scope"], hello["gold_intent"], hello["gold_sections"]) == (False, None, [])


def test_quality_reads_labelled_training_questions_with_their_text_from_the_training_data(tmp_path, monkeypatch):
    from bench.quality import read_questions

    (tmp_path / "train").mkdir()
    (tmp_path / "train" / "qs.jsonl").write_text('{"id": "a_1", "question": "is my data sold?"}\n\n'
                                                 '{"id": "a_2", "question": "can i pay by card"}\n')
    labels = tmp_path / "dev.yaml"
    labels.write_text('source: qs.jsonl\nlabels:\n'
                      '  - {id: a_1, sections: ["4"], subsection: "Third Parties"}\n'
                      '  - {id: a_2, sections: []}\n')
    monkeypatch.setenv("SHARED_TRAIN_DIR", str(tmp_path / "train"))
    sold, pay = read_questions(labels)
    assert sold == {"id": "a_1", "question": "is my data sold?", "gold_sections": ["4"],
                    "gold_subsection": "Third Parties", "in_scope": True, "gold_intent": None, "kind": "question"}
    assert (pay["question"], pay["in_scope"], pay["kind"]) == ("can i pay by card", False, "out_of_scope")

    labels.write_text('source: qs.jsonl\nlabels:\n  - {id: a_3, sections: []}\n')
    with pytest.raises(ValueError, match="a_3 is not a question of"):
        read_questions(labels)
    monkeypatch.setenv("SHARED_TRAIN_DIR", str(tmp_path / "elsewhere"))
    with pytest.raises(SystemExit, match="set SHARED_TRAIN_DIR"):
        read_questions(labels)


@pytest.mark.parametrize("name", ["dev_from_train.yaml", "dev_from_train2.yaml", "dev_from_train3.yaml",
                                  "dev_from_train4.yaml", "dev_from_policyqa.yaml"])
def test_the_development_set_labels_name_real_sections_and_sub_headings_once_each(name):
    """bench/dev_from_train*.yaml (the team's labels of training questions) are usable without ../shared, and no
    question is in both."""
    import yaml

    from app.engine.corpus import load_policy
    from bench.report import DEV_TABLES

    table = yaml.safe_load((ROOT / "bench" / name).read_text(encoding="utf-8"))
    others = {label["id"] for path in DEV_TABLES if path.name != name
              for label in yaml.safe_load(path.read_text(encoding="utf-8"))["labels"]}
    assert not others & {label["id"] for label in table["labels"]}
    policy = load_policy(ROOT / "corpus" / "privacy-policy.md")
    headings = {s.number: {c.subsection for c in s.clauses} for s in policy.sections}
    ids = [label["id"] for label in table["labels"]]
    assert table["source"] in ("privacyqa-categories.jsonl", "policyqa-questions.jsonl")
    assert len(ids) == len(set(ids)) >= 245
    for label in table["labels"]:
        assert set(label) <= {"id", "sections", "subsection", "note"}, label
        assert all(section in headings for section in label["sections"]), label
        if label.get("subsection"):
            assert any(label["subsection"] in headings[section] for section in label["sections"]), label
    out_of_scope = sum(not label["sections"] for label in table["labels"])
    assert 0 < out_of_scope < len(ids)


def test_top_frames_counts_self_and_inclusive_samples_of_py_spy_stacks():
    from bench.speed import format_profile, top_frames

    collapsed = ["run (gunicorn/arbiter.py:1);api_ask (app/visitors/chat.py:9);answer (app/engine/answering.py:5) 6",
                 "run (gunicorn/arbiter.py:1);api_ask (app/visitors/chat.py:9);write (app/platform/db.py:7) 3",
                 "run (gunicorn/arbiter.py:1);sendall (gunicorn/util.py:3) 1",
                 "", "not a stack line"]
    frames = top_frames(collapsed)
    assert frames["self"] == [("answer (app/engine/answering.py:5)", 0.6), ("write (app/platform/db.py:7)", 0.3),
                              ("sendall (gunicorn/util.py:3)", 0.1)]
    # Inclusive lists the project's frames only: gunicorn's trunk is on every stack.
    assert frames["inclusive"] == [("api_ask (app/visitors/chat.py:9)", 0.9), ("answer (app/engine/answering.py:5)", 0.6),
                                   ("write (app/platform/db.py:7)", 0.3)]
    assert "     90.0%  api_ask (app/visitors/chat.py:9)" in format_profile(frames)
    assert top_frames([]) == {"self": [], "inclusive": []}


def test_profile_without_py_spy_says_how_to_install_it(monkeypatch, tmp_path, capsys):
    import bench.speed

    monkeypatch.setattr(bench.speed, "py_spy", lambda: None)
    bench.speed.profile_workers([1], tmp_path, "ask", lambda: pytest.fail("no load without a sampler"), 1, None)
    assert "pip install py-spy" in capsys.readouterr().out


def test_the_committed_calibration_is_what_bench_calibrate_fits_on_the_team_tables():
    """`confidence` is calibrated on the team's tables: after any change to answering, rerun bench.calibrate."""
    from app.engine.answering import CALIBRATION, load_assistant
    from bench.calibrate import ROOT, fit_calibration, table_rows

    assistant = load_assistant(ROOT / "corpus")
    assistant.index.set_gaps([])  # as bench.calibrate chooses
    assistant.about_replies = False
    assert fit_calibration(assistant, table_rows()) == pytest.approx(CALIBRATION, abs=0.002)


def test_every_team_table_is_scored_by_default_under_its_own_bars_floors_and_first_figures():
    """A visitor table added to tests/data is measured by `bench.quality` with no set named and checked against
    targets, floors and its first run of its own (a prefix like visitor_cases_fresh must not catch fresh3)."""
    from pathlib import Path

    from bench.quality import FLOORS, PREVIOUS, TARGETS, set_key
    from bench.report import team_paths

    tables = {Path(path).stem: Path(path) for path in team_paths()}
    on_disk = {path.stem for path in (Path(__file__).parent / "data").glob("visitor_cases*.yaml")}
    assert on_disk <= set(tables) and all(path.is_file() for path in tables.values())
    for name in on_disk:
        key = set_key(name)
        assert key == name
        assert key in TARGETS and key in FLOORS and key in PREVIOUS
