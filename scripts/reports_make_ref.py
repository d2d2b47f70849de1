"""Reference values for Genrify.Reports' statistics, from numpy/scipy, on the committed Emotify feature table.

Writes tests/data/reports/emotify_statistics_reference.json:
- numpy.corrcoef (Pearson) of the first 8 feature columns and tempo;
- scipy.stats.gaussian_kde of each genre's tempo (Scott and Silverman bandwidths) at 5 points.
Run with Debian's python3 (apt-get install python3-numpy python3-scipy) from the repository root.
"""
import csv
import json

import numpy as np
from scipy.stats import gaussian_kde

TABLE = "tests/data/tables/emotify_librosa_gtzan_features_with_folds.csv"
OUT = "tests/data/reports/emotify_statistics_reference.json"

with open(TABLE, newline="") as f:
    rows = list(csv.DictReader(f))
features = ["chroma_stft_mean", "chroma_stft_var", "rms_mean", "rms_var", "spectral_centroid_mean",
            "spectral_centroid_var", "spectral_bandwidth_mean", "spectral_bandwidth_var", "tempo"]
x = np.array([[float(r[c]) for c in features] for r in rows])
correlation = np.corrcoef(x, rowvar=False)

points = [80.0, 100.0, 120.0, 140.0, 170.0]
kde = {}
for genre in sorted({r["label"] for r in rows}):
    tempo = np.array([float(r["tempo"]) for r in rows if r["label"] == genre])
    kde[genre] = {}
    for rule in ("scott", "silverman"):
        k = gaussian_kde(tempo, bw_method=rule)
        kde[genre][rule] = {
            "bandwidth": float(np.sqrt(k.covariance[0, 0])),
            "density": [float(v) for v in k(points)],
        }

with open(OUT, "w") as f:
    json.dump({"features": features, "correlation": correlation.tolist(), "kde_points": points, "kde": kde}, f, indent=1)
    f.write("\n")
print("wrote", OUT)
