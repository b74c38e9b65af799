"""(b) of bench/embed_trial.py: dense question-clause similarity as an extra ranking signal and as calibration
features, with the gates chosen by bench.calibrate's own search on the team's tables (gap topics off)."""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import numpy as np

from app.engine.answering import load_assistant
from app.engine.retrieval import Hit, SearchResult, clause_context
from bench import calibrate as C
from bench.quality import assistant_predictor, read_questions, score

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PRIORS = [0.5, 1.0]
SETS = ["retrieval_cases", "visitor_cases", "visitor_cases_fresh", "request_cases"]


class Dense:
    """Similarity of a question to every clause: the best of its text (with context) and its phrasings."""

    def __init__(self, index, embedder):
        self.index, self.embedder = index, embedder
        self.pos = {c.id: i for i, c in enumerate(index.clauses)}
        texts, owner = [], []
        for i, clause in enumerate(index.clauses):
            texts.append(f"{clause_context(clause)} {clause.text}")
            owner.append(i)
            for phrasing in index.phrasings.get(clause.id, ()):
                texts.append(phrasing)
                owner.append(i)
        self.matrix = embedder.many(texts)
        self.owner = np.array(owner)
        self.cache = {}

    def sims(self, query) -> np.ndarray:
        key = " ".join(query.words)
        out = self.cache.get(key)
        if out is None:
            raw = self.matrix @ self.embedder.one(key)
            out = np.full(len(self.index.clauses), -1.0)
            np.maximum.at(out, self.owner, raw)
            self.cache[key] = out
        return out


def install(assistant, dense: Dense | None, state: dict):
    """Wrap the assistant's search and features with the dense signal (weight state["w"])."""
    index = assistant.index
    original_search = type(index).search
    original_features = type(assistant).features
    n = len(index.clauses)

    def search(query, k=10, prior=None):
        if isinstance(query, str):
            query = index.analyse(query)
        result = original_search(index, query, k=n, prior=prior)
        if dense is None or not state["w"]:
            return SearchResult(result.question, result.hits[:k], result.confidence, result.gap, result.terms,
                                result.unexplained)
        scores = np.zeros(n)
        for hit in result.hits:
            scores[dense.pos[hit.clause.id]] = hit.score
        sims = dense.sims(query)
        top = scores.max() if scores.max() > 0 else state["scale"]
        floor = state["floor"]
        scores = scores + state["w"] * top * np.maximum(sims - floor, 0) / (1 - floor)
        order = np.argsort(-scores, kind="stable")[:k]
        hits = [Hit(index.clauses[i], float(scores[i])) for i in order if scores[i] > 0]
        terms, support, _ = index.weigh_terms(query)
        confidence, unexplained = index._confidence(terms, support, order[0] if hits else None)
        return SearchResult(result.question, hits, confidence, result.gap, terms, unexplained)

    def features(self, query, result, prediction, prior=None):
        base = original_features(self, query, result, prediction, prior)
        if dense is None or not state["features"]:
            return base
        sims = dense.sims(query)
        return base + (float(sims[dense.pos[result.best.clause.id]]), float(sims.max()))

    index.search = search
    assistant.features = features.__get__(assistant)


def figures_line(name: str, assistant, cal_rows, sets, gaps) -> str:
    cal = C.evaluate(assistant, cal_rows)
    index = assistant.index
    index.gaps, index._gaps_by_first = gaps
    parts = [f"cal(gaps off) {cal['top1']:.3f}/{cal['top3']:.3f}/{cal['abstention']:.3f}"]
    for set_name, rows in sets.items():
        f = score(set_name, rows, assistant_predictor(assistant)).figures()
        parts.append(f"{set_name} " + "/".join("-" if f[k] is None else f"{f[k]:.3f}"
                                                for k in ("top1", "top3", "abstention", "handoff_recall",
                                                          "false_handoffs")))
    index.gaps, index._gaps_by_first = [], {}
    return f"{name:<34} " + "  ".join(parts)


def rank_trial(embedders, configs=None):
    """Each (embedder, weight of the dense signal in ranking, dense calibration features?) with the gates chosen
    by bench.calibrate's search (priors PRIORS), then every table scored with the gap topics back on."""
    cal_rows = C.table_rows()
    sets = {name: read_questions(DATA / f"{name}.yaml") for name in SETS}
    if os.environ.get("EMBED_TRIAL_EVAL"):  # measuring only, after the choice: the gates never see these
        for name in ("privacyqa-blue", "requests-dev"):
            sets[name] = read_questions(ROOT.parent / "shared" / "eval" / f"{name}.jsonl")
    full, static = embedders
    configs = configs or [(full, 0.5, True), (full, 1.0, True), (full, 0.0, True), (full, 0.5, False),
                          (static, 0.5, True), (static, 1.0, True), (static, 0.0, True)]
    for emb, w, feats in configs:
        t = time.time()
        assistant = load_assistant(ROOT / "corpus")
        gaps = (assistant.index.gaps, assistant.index._gaps_by_first)
        dense = Dense(assistant.index, emb) if emb else None
        if dense:  # embed every question once, batched
            all_q = [r["question"] for rows in sets.values() for r in rows]
            emb.many([" ".join(assistant.analyse(q).words) for q in all_q])
        state = {"w": w, "features": feats, "floor": 0.2, "scale": 10.0}
        install(assistant, dense, state)
        assistant.index.gaps, assistant.index._gaps_by_first = [], {}
        log = io.StringIO()
        C.PRIORS = PRIORS  # the committed prior (0.5) and one above: the full search takes 7 min a run here
        chosen = C.choose(assistant, cal_rows, 2, out=log)
        name = "current" if emb is None else f"{emb.name} w={w}{' +feat' if feats else ''}"
        print(figures_line(name, assistant, cal_rows, sets, gaps), f"[{time.time() - t:.0f}s]", flush=True)
        print("    chosen:", {k: v for k, v in chosen.items() if k != "calibration"}, flush=True)


class DenseTopics:
    """The topic model refitted on the training rows with alpha x the question's sentence embedding appended to
    its n-gram features (as in embed_trial.cv_topics), used by answering in place of corpus/topic-model.bin."""

    def __init__(self, base, embedder, alpha: float):
        from collections import defaultdict

        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        from app.engine.topics import HEADS, TopicModel
        from bench import train as T

        rows = T.load_rows(T.DEFAULT_TRAIN_DIR)
        sets = T._feature_sets(rows, T.DEFAULTS["features"])
        df = defaultdict(int)
        for feats in sets:
            for f in feats:
                df[f] += 1
        vocab = sorted(f for f, c in df.items() if c >= T.DEFAULTS["min_df"])
        idf = np.round((np.log((1 + len(sets)) / (1 + np.array([df[f] for f in vocab], dtype=np.float64))) + 1)
                       / 1e-3) * 1e-3
        self.embedder, self.alpha = embedder, alpha
        dense = alpha * embedder.many([" ".join(r.words) for r in rows])
        X = hstack([T._matrix(sets, {f: i for i, f in enumerate(vocab)}, idf, csr_matrix),
                    csr_matrix(dense)]).tocsr()
        coef = np.zeros((X.shape[1], len(HEADS)))
        intercept = np.zeros(len(HEADS))
        for h, head in enumerate(HEADS):
            taught = [i for i, r in enumerate(rows) if head in r.labels]
            y = np.array([rows[i].labels[head] for i in taught])
            if len(set(y.tolist())) < 2:
                intercept[h] = 10.0 if (len(y) and y[0] == 1) else -10.0
                continue
            clf = LogisticRegression(C=T.DEFAULTS["C"], class_weight="balanced", solver="lbfgs", max_iter=5000,
                                     tol=1e-8).fit(X[taught], y)
            coef[:, h], intercept[h] = clf.coef_[0], clf.intercept_[0]
        self.sparse = TopicModel(vocab, idf, coef[:len(vocab)], intercept, HEADS)
        self.dense_coef = coef[len(vocab):]
        self.topics, self.heads, self.base = self.sparse.topics, self.sparse.heads, base

    def knows(self, term):
        return self.base.knows(term)

    def predict(self, words):
        from app.engine.topics import TopicPrediction, extract_features, vectorize

        index, values = vectorize(extract_features(list(words)), self.sparse.vocabulary, self.sparse.idf)
        scores = values @ self.sparse.coef[index] + self.sparse.intercept
        scores = scores + self.alpha * self.embedder.one(" ".join(words)) @ self.dense_coef
        probs = 1.0 / (1.0 + np.exp(-scores))
        return TopicPrediction(privacy=float(probs[0]), topics=dict(zip(self.topics, probs[1:].tolist())))


def topic_trial(embedders, alpha: float = 1.0):
    """Answering with the embedding-augmented topic model (no dense ranking), gates chosen as above."""
    cal_rows = C.table_rows()
    sets = {name: read_questions(DATA / f"{name}.yaml") for name in SETS}
    for emb in embedders:
        t = time.time()
        assistant = load_assistant(ROOT / "corpus")
        assistant.topics = DenseTopics(assistant.topics, emb, alpha)
        gaps = (assistant.index.gaps, assistant.index._gaps_by_first)
        assistant.index.gaps, assistant.index._gaps_by_first = [], {}
        C.PRIORS = PRIORS
        chosen = C.choose(assistant, cal_rows, 2, out=io.StringIO())
        print(figures_line(f"topics +{emb.name} a={alpha}", assistant, cal_rows, sets, gaps),
              f"[{time.time() - t:.0f}s]", flush=True)
        print("    chosen:", {k: v for k, v in chosen.items() if k != "calibration"}, flush=True)
