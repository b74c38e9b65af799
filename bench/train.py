"""Train the question-topic model (`corpus/topic-model.bin`) from the public questions in ../shared/train.

    python -m bench.train [--train-dir ../shared/train] [--out corpus/topic-model.bin]   # `make train`
    python -m bench.train --cv                                # compare settings by grouped cross-validation

Rebuilding gives the same bytes: inputs are sorted, features come from `app.engine.topics.extract_features` (the
function answering uses), the vocabulary is sorted, the solver is deterministic and weights are stored on
fixed integer grids. Nothing here reads ../shared/eval.

Which rows teach which head (a label a source does not give is left out, never taught as a negative):

- `privacy`: every row. PrivacyQA questions with no category are the negatives (mostly prices, features and
  how the app works); PolicyQA questions are all about a practice.
- the topics say what a question is about *given* that it is about a privacy practice, so they learn from
  those rows only:
  - the OPP-115 categories both sources use: PrivacyQA's categories, and PolicyQA's category;
  - `other`: PrivacyQA only (PolicyQA has no such category);
  - `policy_change`, `do_not_track`, `international_specific_audiences`: PolicyQA only (PrivacyQA's
    questions here never carry them);
  - the finer topics: PolicyQA's attribute values (`FINE_TOPICS`), PolicyQA only.
- PolicyQA repeats a question across policies with one annotation per answer span. A question counts as
  positive for a label when at least half of its rows carry it, negative when none does, and is left out
  of that head in between (generic questions such as "Why do you share my information?" span many values).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.engine.text import words as split_words  # noqa: E402
from app.engine.topics import HEADS, TOPICS, extract_features, vectorize, write_topic_model  # noqa: E402

DEFAULT_TRAIN_DIR = ROOT.parent / "shared" / "train"
DEFAULT_OUT = ROOT / "corpus" / "topic-model.bin"

# Chosen by `--cv`: word and character n-grams, C=3, balanced class weights, privacy head on every row.
DEFAULTS = {"features": "word+char", "C": 3.0, "class_weight": "balanced", "min_df": 2, "privacy_rows": "all"}

POLICYQA_CATEGORIES = {
    "First Party Collection/Use": "first_party_collection_use",
    "Third Party Sharing/Collection": "third_party_sharing_collection",
    "User Choice/Control": "user_choice_control",
    "User Access, Edit and Deletion": "user_access_edit_deletion",
    "Data Retention": "data_retention",
    "Data Security": "data_security",
    "Policy Change": "policy_change",
    "Do Not Track": "do_not_track",
    "International and Specific Audiences": "international_specific_audiences",
}
SHARED_CATEGORIES = ("first_party_collection_use", "third_party_sharing_collection", "user_choice_control",
                     "user_access_edit_deletion", "data_retention", "data_security")
POLICYQA_ONLY = ("policy_change", "do_not_track", "international_specific_audiences")
PRIVACYQA_ONLY = ("other",)

# Finer topics: PolicyQA (attribute, value) pairs that mean each one.
FINE_TOPICS = {
    "children": {("Audience Type", "Children")},
    "international_transfers": {("Audience Type", "Citizens from other countries"), ("Audience Type", "Europeans")},
    "cookies_tracking": {("Personal Information Type", "Cookies and tracking elements"),
                         ("Action First-Party", "Track user on other websites"),
                         ("Action Third Party", "Track on first party website/app"),
                         ("Choice Type", "Browser/device privacy controls")},
    "location": {("Personal Information Type", "Location")},
    "contact_information": {("Personal Information Type", "Contact")},
    "payment_financial": {("Personal Information Type", "Financial")},
    "device_usage_data": {("Personal Information Type", "IP address and device IDs"),
                          ("Personal Information Type", "Computer information"),
                          ("Personal Information Type", "User online activities")},
    "marketing_advertising": {("Purpose", "Marketing"), ("Purpose", "Advertising")},
    "analytics": {("Purpose", "Analytics/Research")},
    "legal_disclosure": {("Purpose", "Legal requirement")},
    "business_transfer": {("Purpose", "Merger/Acquisition"), ("Change Type", "In case of merger or acquisition")},
    "health_data": {("Personal Information Type", "Health")},
    "anonymised_data": {("Identifiability", "Aggregated or anonymized")},
}
assert set(SHARED_CATEGORIES + POLICYQA_ONLY + PRIVACYQA_ONLY) | set(FINE_TOPICS) == set(TOPICS)


@dataclass
class Row:
    """One training question with the heads it teaches: head -> 1 or 0 (heads it does not teach are absent)."""

    source: str
    question: str
    words: list[str]
    group: str
    labels: dict[str, int] = field(default_factory=dict)


def _read_jsonl(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise SystemExit(f"{path}: not found (point --train-dir at the shared training data)") from None
    return [json.loads(line) for line in lines if line.strip()]


def load_rows(train_dir: str | Path) -> list[Row]:
    """Every training question with its labels, in a fixed order that does not depend on the files' order."""
    train_dir = Path(train_dir)
    rows = _privacyqa_rows(_read_jsonl(train_dir / "privacyqa-categories.jsonl"))
    rows += _policyqa_rows(_read_jsonl(train_dir / "policyqa-questions.jsonl"))
    return sorted(rows, key=lambda r: (r.source, r.group, r.question, sorted(r.labels.items())))


def _privacyqa_rows(records: list[dict]) -> list[Row]:
    # The same question asked of several apps goes in one group, so grouped CV never tests on a seen text.
    first_policy: dict[tuple, str] = {}
    for rec in records:
        key = tuple(split_words(rec["question"]))
        first_policy[key] = min(first_policy.get(key, rec["policy"]), rec["policy"])
    rows = []
    for rec in records:
        words = split_words(rec["question"])
        categories = set(rec["categories"])
        labels = {"privacy": int(bool(categories))}
        if categories:
            labels.update({c: int(c in categories) for c in SHARED_CATEGORIES + PRIVACYQA_ONLY})
        rows.append(Row("privacyqa", rec["question"], words, "privacyqa:" + first_policy[tuple(words)], labels))
    return rows


def _policyqa_rows(records: list[dict]) -> list[Row]:
    by_question: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        by_question[" ".join(rec["question"].split())].append(rec)
    rows = []
    for question, recs in by_question.items():
        labels = {"privacy": 1}
        for category in POLICYQA_CATEGORIES.values():
            labels.update(_share_label(category, [POLICYQA_CATEGORIES[r["category"]] == category for r in recs]))
        for topic, pairs in FINE_TOPICS.items():
            labels.update(_share_label(topic, [(r["attribute"], r["value"]) in pairs for r in recs]))
        group = "policyqa:" + min(r["policy"] for r in recs)
        rows.append(Row("policyqa", question, split_words(question), group, labels))
    return rows


def _share_label(head: str, hits: list[bool]) -> dict[str, int]:
    share = sum(hits) / len(hits)
    if share >= 0.5:
        return {head: 1}
    return {head: 0} if share == 0 else {}


# ---- fitting --------------------------------------------------------------------------------------------------

def _feature_sets(rows: list[Row], kind: str) -> list[set[str]]:
    sets = [extract_features(r.words) for r in rows]
    if kind == "word":
        sets = [{f for f in s if f.startswith("w:")} for s in sets]
    return sets


def fit(rows: list[Row], feature_sets: list[set[str]], C: float, class_weight, min_df: int,
        privacy_rows: str = "all", heads: tuple[str, ...] = HEADS):
    """Fit every head; returns (vocabulary, idf, coef (features x heads), intercept) as float arrays."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = defaultdict(int)
    for feats in feature_sets:
        for f in feats:
            df[f] += 1
    vocabulary = sorted(f for f, count in df.items() if count >= min_df)
    index = {f: i for i, f in enumerate(vocabulary)}
    n = len(feature_sets)
    # Rounded to the grid the file stores, so the model is trained on exactly the features it will see.
    idf = np.round((np.log((1 + n) / (1 + np.array([df[f] for f in vocabulary], dtype=np.float64))) + 1) / 1e-3) * 1e-3
    X = _matrix(feature_sets, index, idf, csr_matrix)
    coef = np.zeros((len(vocabulary), len(heads)))
    intercept = np.zeros(len(heads))
    for h, head in enumerate(heads):
        taught = [i for i, r in enumerate(rows) if head in r.labels
                  and (head != "privacy" or privacy_rows == "all" or r.source == privacy_rows)]
        y = np.array([rows[i].labels[head] for i in taught])
        if len(set(y.tolist())) < 2:
            intercept[h] = 10.0 if (len(y) and y[0] == 1) else -10.0
            continue
        clf = LogisticRegression(C=C, class_weight=class_weight, solver="lbfgs", max_iter=5000, tol=1e-8)
        clf.fit(X[taught], y)
        coef[:, h], intercept[h] = clf.coef_[0], clf.intercept_[0]
    return vocabulary, idf, coef, intercept


def _matrix(feature_sets, index, idf, csr_matrix):
    data, cols, indptr = [], [], [0]
    for feats in feature_sets:
        c, v = vectorize(feats, index, idf)
        cols.extend(c.tolist())
        data.extend(v.tolist())
        indptr.append(len(cols))
    return csr_matrix((data, cols, indptr), shape=(len(feature_sets), len(index)))


def _predict(feature_sets, vocabulary, idf, coef, intercept) -> np.ndarray:
    from scipy.sparse import csr_matrix

    X = _matrix(feature_sets, {f: i for i, f in enumerate(vocabulary)}, idf, csr_matrix)
    return 1.0 / (1.0 + np.exp(-(X @ coef + intercept)))


def train(train_dir: str | Path = DEFAULT_TRAIN_DIR, out: str | Path = DEFAULT_OUT):
    """Train on all rows with DEFAULTS and write the model file."""
    import sklearn

    rows = load_rows(train_dir)
    vocabulary, idf, coef, intercept = fit(rows, _feature_sets(rows, DEFAULTS["features"]), DEFAULTS["C"],
                                           DEFAULTS["class_weight"], DEFAULTS["min_df"], DEFAULTS["privacy_rows"])
    taught = {head: sum(head in r.labels for r in rows) for head in HEADS}
    positive = {head: sum(r.labels.get(head, 0) for r in rows) for head in HEADS}
    info = {"trainer": "bench/train.py", "scikit-learn": sklearn.__version__, "settings": DEFAULTS,
            "rows": {"privacyqa": sum(r.source == "privacyqa" for r in rows),
                     "policyqa": sum(r.source == "policyqa" for r in rows)},
            "taught": taught, "positive": positive}
    return write_topic_model(out, vocabulary, idf, coef, intercept, HEADS, info)


# ---- cross-validation -----------------------------------------------------------------------------------------

CANDIDATES = [
    {"features": features, "C": C, "class_weight": weight, "privacy_rows": privacy_rows}
    for features, C, weight, privacy_rows in [
        ("word", 1.0, "balanced", "all"),
        ("word", 10.0, "balanced", "all"),
        ("word+char", 1.0, None, "all"),
        ("word+char", 1.0, "balanced", "all"),
        ("word+char", 3.0, "balanced", "all"),
        ("word+char", 10.0, "balanced", "all"),
        ("word+char", 1.0, "balanced", "privacyqa"),
        ("word+char", 3.0, "balanced", "privacyqa"),
    ]
]


def cross_validate(rows: list[Row], settings: dict, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities (rows x heads), folds grouped by policy so no policy is in train and test."""
    from sklearn.model_selection import GroupKFold

    sets = _feature_sets(rows, settings["features"])
    probs = np.zeros((len(rows), len(HEADS)))
    groups = [r.group for r in rows]
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(rows, groups=groups):
        model = fit([rows[i] for i in train_idx], [sets[i] for i in train_idx], settings["C"],
                    settings["class_weight"], DEFAULTS["min_df"], settings["privacy_rows"])
        probs[test_idx] = _predict([sets[i] for i in test_idx], *model)
    return probs


def _prf(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float]:
    tp = int((y & p).sum())
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / y.sum() if y.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(rows: list[Row], probs: np.ndarray) -> dict:
    """Privacy-head precision/recall on PrivacyQA's real questions, and each topic's P/R/F1 at 0.5."""
    pq = np.array([r.source == "privacyqa" for r in rows])
    y = np.array([r.labels["privacy"] for r in rows], dtype=bool)
    said = probs[:, 0] >= 0.5
    result = {"privacy": _prf(y[pq], said[pq]), "not_privacy": _prf(~y[pq], ~said[pq]),
              "policyqa_recall": float(said[~pq].mean()), "topics": {}}
    for h, topic in enumerate(TOPICS, start=1):
        taught = np.array([topic in r.labels for r in rows])
        yt = np.array([r.labels.get(topic, 0) for r in rows], dtype=bool)[taught]
        result["topics"][topic] = (*_prf(yt, probs[taught, h] >= 0.5), int(yt.sum()), int(taught.sum()))
    result["macro_f1"] = float(np.mean([v[2] for v in result["topics"].values()]))
    # The privacy head must tell product questions apart (not-privacy F1 on real questions) and still know
    # practices PrivacyQA never asks about (policy changes, children, Do Not Track: PolicyQA recall).
    result["selection"] = (result["not_privacy"][2] + result["policyqa_recall"] + result["macro_f1"]) / 3
    return result


def _name(settings: dict) -> str:
    privacy = "privacy head: all rows" if settings["privacy_rows"] == "all" else "privacy head: PrivacyQA"
    return f"{settings['features']:<9} C={settings['C']:<3g} {settings['class_weight'] or 'unweighted':<10} {privacy}"


def report_cv(train_dir: str | Path = DEFAULT_TRAIN_DIR, out=sys.stdout) -> dict:
    """Print the comparison of CANDIDATES and the per-topic table of the best; returns the best settings."""
    rows = load_rows(train_dir)
    n_pq = sum(r.source == "privacyqa" for r in rows)
    print(f"Training rows: {n_pq} PrivacyQA questions ({sum(not r.labels['privacy'] for r in rows)} not about a "
          f"privacy practice), {len(rows) - n_pq} distinct PolicyQA questions.", file=out)
    print("5-fold cross-validation grouped by policy (PrivacyQA app / PolicyQA website); threshold 0.5.", file=out)
    print("Privacy and not-privacy are measured on the PrivacyQA questions (real visitors' wording), PolicyQA R is "
          "the privacy head's recall on\nPolicyQA's questions (all about a practice); topics on the rows that teach "
          "them.\n", file=out)
    print(f"{'settings':<52} {'privacy P':>9} {'R':>5} {'not-priv P':>10} {'R':>5} {'F1':>5} {'PolicyQA R':>10} "
          f"{'topic macro-F1':>14}", file=out)
    results = []
    for settings in CANDIDATES:
        res = score(rows, cross_validate(rows, settings))
        results.append((res["selection"], settings, res))
        p, np_ = res["privacy"], res["not_privacy"]
        print(f"{_name(settings):<52} {p[0]:>9.3f} {p[1]:>5.3f} {np_[0]:>10.3f} {np_[1]:>5.3f} {np_[2]:>5.3f} "
              f"{res['policyqa_recall']:>10.3f} {res['macro_f1']:>14.3f}", file=out)
    best_score, best, res = max(results, key=lambda t: t[0])
    print(f"\nChosen by the mean of not-privacy F1, PolicyQA R and topic macro-F1: {_name(best)}", file=out)
    print(f"  about a privacy practice: precision {res['privacy'][0]:.3f}, recall {res['privacy'][1]:.3f}; "
          f"not about one: precision {res['not_privacy'][0]:.3f}, recall {res['not_privacy'][1]:.3f}\n", file=out)
    print(f"{'topic':<34} {'P':>5} {'R':>5} {'F1':>5} {'positives':>9} {'rows':>5}", file=out)
    for topic, (p, r, f1, pos, n) in res["topics"].items():
        print(f"{topic:<34} {p:>5.3f} {r:>5.3f} {f1:>5.3f} {pos:>9} {n:>5}", file=out)
    print(f"{'macro average':<34} {'':>5} {'':>5} {res['macro_f1']:>5.3f}", file=out)
    return best


def chosen_cv(train_dir: str | Path = DEFAULT_TRAIN_DIR) -> dict:
    """The cross-validated figures of the committed settings (DEFAULTS), as `score` gives them."""
    rows = load_rows(train_dir)
    return score(rows, cross_validate(rows, DEFAULTS))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-dir", default=DEFAULT_TRAIN_DIR, type=Path)
    parser.add_argument("--out", default=DEFAULT_OUT, type=Path)
    parser.add_argument("--cv", action="store_true", help="compare settings by grouped cross-validation instead")
    args = parser.parse_args(argv)
    if args.cv:
        report_cv(args.train_dir)
        return 0
    model = train(args.train_dir, args.out)
    print(f"wrote {args.out}: {len(model.vocabulary)} features x {len(model.heads)} heads, "
          f"{args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
