#!/usr/bin/python3
"""Speed reference for Genrify's SVM: scikit-learn's SVC fit time on a 5000-row GTZAN-like table.

    /usr/bin/python3 scripts/svm_sklearn_bench.py [features_30_sec.csv] [out_dir] [repeats]

Builds the table once (if out_dir/svm_bench_5000.csv is missing): the GTZAN table (1000 rows x 57
features) five times over, every copy jittered by multiplicative 1% Gaussian noise
(value * (1 + 0.01 * N(0,1)), numpy default_rng(0)), then standard-scaled over all 5000 rows;
written with repr precision, label index in the last column, so both sides fit identical numbers.
Then times SVC(C=10, gamma='scale') fit with probability=False and =True (best of `repeats`),
and prints one JSON line: {"rows":..., "fit_s":..., "fit_proba_s":..., ...}.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.svm import SVC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from svm_sklearn_compare import DEFAULT_CSV, load_table  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_table(csv, path):
    X, y, _ = load_table(csv)
    rng = np.random.default_rng(0)
    Xs = np.vstack([X * (1.0 + 0.01 * rng.standard_normal(X.shape)) for _ in range(5)])
    ys = np.tile(y, 5)
    Xs = (Xs - Xs.mean(axis=0)) / Xs.std(axis=0)
    with open(path, "w") as f:
        for row, label in zip(Xs, ys):
            f.write(",".join(repr(float(v)) for v in row) + "," + str(int(label)) + "\n")


def read_table(path):
    data = np.loadtxt(path, delimiter=",")
    return data[:, :-1], data[:, -1].astype(int)


def best_fit_time(X, y, repeats, **kw):
    best = float("inf")
    clf = None
    for _ in range(repeats):
        t = time.perf_counter()
        clf = SVC(C=10, gamma="scale", **kw).fit(X, y)
        best = min(best, time.perf_counter() - t)
    return best, clf


def main():
    csv = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else DEFAULT_CSV
    out_dir = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else os.path.join(ROOT, "artifacts", "svm")
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "svm_bench_5000.csv")
    if not os.path.exists(path):
        make_table(csv, path)
    X, y = read_table(path)
    fit_s, clf = best_fit_time(X, y, repeats)
    fit_proba_s, _ = best_fit_time(X, y, repeats, probability=True, random_state=0)
    print(json.dumps({
        "table": path, "rows": int(X.shape[0]), "features": int(X.shape[1]),
        "sklearn_version": sklearn.__version__, "repeats": repeats,
        "fit_s": fit_s, "fit_proba_s": fit_proba_s, "n_support": int(clf.n_support_.sum()),
    }))


if __name__ == "__main__":
    main()
