#!/usr/bin/python3
"""scikit-learn's accuracy on the repository's feature tables: the reference figures Genrify's learners are held to.

Generates: the figures quoted by tests/Genrify.Learning.Tests/ReferenceMeasurementTests.cs (and the scikit-learn
column of docs/results.md), printed one line per model and table, and the fold file
tests/data/tables/gtzan_sklearn_stratified10_seed0_folds.csv read by FoldSplitterTests (the clip's fold number in
scikit-learn's StratifiedKFold(10, shuffle=True, random_state=0)).
From: tests/data/tables/gtzan_features_30_sec.csv (the public GTZAN table, 1000 clips, 57 features) and
tests/data/tables/emotify_librosa_gtzan_features.csv with the `fold` column of tests/data/tables/emotify_manifest.csv
(240 Emotify clips, five artist-disjoint folds).
Every model sees standard-scaled features (StandardScaler fitted on the training fold).

Rerun (Debian 12's python3 with scikit-learn 1.2.1: apt-get install python3-sklearn; one OpenMP thread, because
HistGradientBoosting's threads spin for minutes on a busy machine):
    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/sklearn_reference_accuracy.py \
        [--folds-out tests/data/tables/gtzan_sklearn_stratified10_seed0_folds.csv]
It prints GTZAN: SVC 74.3% ± 3.3, LogisticRegression 72.5% ± 3.5, HistGradientBoosting 75.2% ± 2.5; Emotify: SVC
68.7% ± 4.0, LogisticRegression 60.4% ± 1.9, HistGradientBoosting 60.9% ± 1.4; and the fold file as committed.
"""
import argparse
import csv
import os

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

TABLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "tables")
NOT_FEATURES = {"filename", "length", "label", "id", "artist", "genre", "fold"}


def read_table(path):
    """Feature matrix, genre names per row, and the rows as dicts (for ids), in file order."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0] if c not in NOT_FEATURES]
    x = np.array([[float(r[c]) for c in columns] for r in rows])
    return x, [r["label"] for r in rows], rows


def models():
    return {
        "SVC(C=10, gamma='scale')": lambda: SVC(C=10, gamma="scale"),
        "LogisticRegression(C=1)": lambda: LogisticRegression(max_iter=5000),
        "HistGradientBoosting": lambda: HistGradientBoostingClassifier(random_state=0),
    }


def score(name, make, x, y, folds):
    accuracies = []
    for train, test in folds:
        model = make_pipeline(StandardScaler(), make()).fit(x[train], y[train])
        accuracies.append(float((model.predict(x[test]) == y[test]).mean()))
    accuracies = np.array(accuracies)
    print(f"  {name:28} {100 * accuracies.mean():.1f}% ± {100 * accuracies.std():.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds-out", help="also write each GTZAN clip's fold number to this CSV")
    args = parser.parse_args()
    print(f"scikit-learn {sklearn.__version__}")

    x, labels, rows = read_table(os.path.join(TABLES, "gtzan_features_30_sec.csv"))
    y = np.array(labels)
    folds = list(StratifiedKFold(n_splits=10, shuffle=True, random_state=0).split(x, y))
    print("GTZAN table, StratifiedKFold(10, shuffle=True, random_state=0):")
    for name, make in models().items():
        score(name, make, x, y, folds)
    if args.folds_out:
        fold_of = {int(i): k for k, (_, test) in enumerate(folds) for i in test}
        with open(args.folds_out, "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["filename", "fold"])
            out.writerows([r["filename"], fold_of[i]] for i, r in enumerate(rows))
        print("wrote", args.folds_out)

    x, labels, rows = read_table(os.path.join(TABLES, "emotify_librosa_gtzan_features.csv"))
    with open(os.path.join(TABLES, "emotify_manifest.csv"), newline="") as f:
        fold_by_id = {r["id"]: int(r["fold"]) for r in csv.DictReader(f)}
    y = np.array(labels)
    fold = np.array([fold_by_id[r["id"]] for r in rows])
    predefined = [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in sorted(set(fold))]
    print("Emotify, librosa's gtzan features, the manifest's artist-disjoint folds:")
    for name, make in models().items():
        score(name, make, x, y, predefined)


if __name__ == "__main__":
    main()
