#!/usr/bin/python3
"""Reference nearest neighbours for Genrify.Explore's NearestSongIndex tests.

Standardises the Emotify GTZAN-style feature table (scikit-learn's StandardScaler) and writes each song's five
nearest other songs by Euclidean distance (scikit-learn's exact NearestNeighbors, brute force, in float64) to
tests/data/explore/emotify_knn_sklearn.json.

Usage (Debian's python3 with python3-sklearn): scripts/explore_knn_sklearn.py
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "tests", "data", "tables", "emotify_librosa_gtzan_features_with_folds.csv")
OUT = os.path.join(ROOT, "tests", "data", "explore", "emotify_knn_sklearn.json")
KEYS = {"id", "file", "label", "genres", "artist", "fold"}
K = 5

with open(TABLE, newline="") as f:
    rows = list(csv.DictReader(f))
features = [c for c in rows[0].keys() if c not in KEYS]
ids = [r["id"] for r in rows]
x = StandardScaler().fit_transform(np.array([[float(r[c]) for c in features] for r in rows]))

# K + 1 because each song finds itself first; drop it (no two songs share a vector in this table).
distances, indices = NearestNeighbors(n_neighbors=K + 1, algorithm="brute").fit(x).kneighbors(x)
assert all(indices[i, 0] == i for i in range(len(ids)))

with open(OUT, "w") as f:
    json.dump({
        "sklearn_version": sklearn.__version__,
        "table": os.path.relpath(TABLE, ROOT),
        "k": K,
        "ids": ids,
        "neighbours": indices[:, 1:].tolist(),
        "distances": [[round(float(d), 10) for d in row] for row in distances[:, 1:]],
    }, f)
    f.write("\n")
print(f"wrote {OUT}: {len(ids)} songs x {len(features)} features, k={K}")
