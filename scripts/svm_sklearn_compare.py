#!/usr/bin/python3
"""scikit-learn reference for Genrify's SVM (SvmTrainer) on the GTZAN feature table.

Run with Debian's python (it has scikit-learn 1.2):
    /usr/bin/python3 scripts/svm_sklearn_compare.py [path/to/features_30_sec.csv] [out.json]

Stratified 10-fold CV (shuffle, random_state=0), StandardScaler fitted on each train fold,
SVC(C=10, gamma='scale'). Writes the fold test indices (so the C# side uses the SAME folds),
sklearn's per-fold accuracy and support-vector counts, and for fold 0 the one-vs-one decision
values (libsvm's pair order: (0,1), (0,2), ..., (8,9); positive = first class), intercepts,
gamma and predict_proba (probability=True, whose internal 5-fold CV uses sklearn's own RNG).
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = "/work/shared/data/gtzan/features_30_sec.csv"


def load_table(path):
    """57 feature columns (drop filename, length), labels as indices of the sorted class names."""
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    label_col = header.index("label")
    feat_cols = [i for i, h in enumerate(header) if h not in ("filename", "length", "label")]
    X = np.array([[float(r[i]) for i in feat_cols] for r in rows], dtype=np.float64)
    names = sorted({r[label_col] for r in rows})
    y = np.array([names.index(r[label_col]) for r in rows])
    return X, y, names


def main():
    csv = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "tests", "data", "svm", "gtzan_sklearn_svc.json")
    X, y, names = load_table(csv)
    skf = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
    folds = []
    fold0 = None
    for k, (train, test) in enumerate(skf.split(X, y)):
        scaler = StandardScaler().fit(X[train])
        Xtr, Xte = scaler.transform(X[train]), scaler.transform(X[test])
        clf = SVC(C=10, gamma="scale", decision_function_shape="ovo").fit(Xtr, y[train])
        acc = float((clf.predict(Xte) == y[test]).mean())
        folds.append({"test": test.tolist(), "accuracy": acc, "n_support": clf.n_support_.tolist()})
        if k == 0:
            proba = SVC(C=10, gamma="scale", probability=True, random_state=0).fit(Xtr, y[train])
            fold0 = {
                "gamma": float(1.0 / (Xtr.shape[1] * Xtr.var())),
                "intercept": clf.intercept_.tolist(),
                "decision_values": clf.decision_function(Xte).tolist(),
                "predict_proba": proba.predict_proba(Xte).tolist(),
                "proba_accuracy": float((proba.predict(Xte) == y[test]).mean()),
            }
        print(f"fold {k}: accuracy {acc:.4f}, support vectors {int(clf.n_support_.sum())}")
    accs = np.array([f["accuracy"] for f in folds])
    print(f"mean accuracy {accs.mean():.4f} +- {accs.std():.4f}")
    result = {
        "source": "scripts/svm_sklearn_compare.py on shared/data/gtzan/features_30_sec.csv",
        "sklearn_version": sklearn.__version__,
        "model": "StandardScaler (train fold) + SVC(C=10, gamma='scale', tol=1e-3, shrinking=True)",
        "cv": "StratifiedKFold(n_splits=10, shuffle=True, random_state=0)",
        "classes": names,
        "mean_accuracy": float(accs.mean()),
        "std_accuracy": float(accs.std()),
        "folds": folds,
        "fold0": fold0,
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(result, f, separators=(",", ":"))
    print("wrote", out)


if __name__ == "__main__":
    main()
