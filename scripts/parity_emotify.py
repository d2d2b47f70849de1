#!/usr/bin/env python3
"""Compares a gtzan/full feature table extracted by genrify with librosa's own features of the same clips.

Usage: python3 scripts/parity_emotify.py OURS.csv [../shared/data/emotify/librosa_gtzan_features.csv]
Prints, per column, the worst relative difference over all clips, and how many tempos equal librosa's.
Only the standard library: runs on any python3.
"""
import csv
import sys

ours_path = sys.argv[1]
ref_path = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/emotify/librosa_gtzan_features.csv"
ours = {r["id"]: r for r in csv.DictReader(open(ours_path))}
ref = list(csv.DictReader(open(ref_path)))
columns = [c for c in ref[0] if c not in ("id", "artist", "label", "genre", "filename", "length")]
worst = {c: (0.0, "") for c in columns}
tempo_equal = tempo_same_lag = 0
for row in ref:
    mine = ours[row["id"]]
    for c in columns:
        a, b = float(mine[c]), float(row[c])
        if c == "tempo":
            tempo_equal += a == b
            tempo_same_lag += abs(a - b) <= 1e-12 * max(abs(b), 1.0)
            continue
        d = abs(a - b) / max(abs(b), 1e-300)
        if d > worst[c][0]:
            worst[c] = (d, row["id"])
print(f"clips: {len(ref)}; tempo bit-equal: {tempo_equal}; tempo at the same lag (within 1e-12): {tempo_same_lag}")
for c, (d, clip) in sorted(worst.items(), key=lambda kv: -kv[1][0]):
    print(f"{c:28s} {d:.1e}  {clip}")
