#!/usr/bin/env python3
"""Top-genre accuracy of `genrify predict --json` lines over clips filed in one folder per genre.

    ./genrify predict ../shared/data/emotify --json --top 20 > /tmp/default.jsonl
    /usr/bin/python3 scripts/default_model_accuracy.py /tmp/default.jsonl

A clip's genre is the name of the folder it is in; its answer is the JSON line's "top" (the top genre).
"""
import collections
import json
import sys

right, total, confusions = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    answer = json.loads(line)
    genre = answer["file"].replace("\\", "/").split("/")[-2]
    top = answer.get("top") or answer["genres"][0]["genre"]
    total[genre] += 1
    right[genre] += top == genre
    confusions[(genre, top)] += 1
n = sum(total.values())
print(f"top genre right: {sum(right.values())} of {n} ({100 * sum(right.values()) / n:.1f}%)")
for genre in sorted(total):
    print(f"  {genre}: {right[genre]} of {total[genre]}")
print("most frequent errors:", ", ".join(f"{g} as {t}: {c}" for (g, t), c in confusions.most_common() if g != t)[:400])
