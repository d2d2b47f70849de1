#!/usr/bin/env python3
"""librosa 0.11 reference values for the fixture clips: the parity anchor of Genrify's decoding and features.

Generates: tests/data/librosa/<clip file name>.json for every good clip (e.g. clip09_edm_128.wav.json: decoded
samples, the seed, default and gtzan presets' summaries with raw frames, tempo, beats, hpss and more), and
tests/data/librosa/index.json (the environment, a one-line summary per clip, what librosa does with each input of
tests/data/audio/bad, and the comparison with the published GTZAN rows).
From: the clips in tests/data/audio (copies of ../shared/fixtures/audio), and
tests/data/librosa/features_30_sec_published_rows.csv (the public GTZAN table's rows of the GTZAN clips).
Read by: tests/Shared/TestData.cs (LibrosaReference) and the parity tests of tests/Genrify.Audio.Tests,
tests/Genrify.Dsp.Tests and tests/Genrify.Features.Tests; tolerances and fields: ../shared/fixtures/README.md.
The seed and default presets come from librosa_ref.py beside this file.

The whole run is done twice in one process; the values and timings written are those of the second (warm) pass,
and "deterministic" says whether pass 1 gave identical values.

Rerun with librosa 0.11.0 and python-soxr 0.2.4 from ../shared/anchor (its README lists the Debian packages):
    export NUMBA_CACHE_DIR=$(mktemp -d)
    PYTHONPATH=../shared/anchor/pylib /usr/bin/python3 -B scripts/librosa_make_ref.py [AUDIO_DIR [OUT_DIR]]
Defaults: AUDIO_DIR = tests/data/audio, OUT_DIR = tests/data/librosa.
"""
import glob
import json
import os
import platform
import subprocess
import sys
import time
import warnings

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import soundfile as sf  # noqa: E402
import soxr  # noqa: E402
import numba  # noqa: E402
import audioread  # noqa: E402
import librosa  # noqa: E402

import librosa_ref as ref  # noqa: E402  (seed_preset, default_preset, stats, raw; SR = 22050)

SR = 22050
HEAD = 2048                 # decode: first HEAD samples and HEAD samples from AT
AT = 100000
NATIVE_HEAD = 1024          # native-rate decode samples written (head and from AT)
HPSS_AT, HPSS_LEN = 100000, 256
EXTRA_FRAMES = [0, 1, 2, 3, 4, 5, 10, 50, 100, 200, 500, 1000]   # plus the last frame
AUDIO_EXT = (".wav", ".mp3", ".flac", ".ogg", ".opus", ".m4a")

GTZAN_COLUMNS = (
    ["chroma_stft_mean", "chroma_stft_var", "rms_mean", "rms_var",
     "spectral_centroid_mean", "spectral_centroid_var", "spectral_bandwidth_mean",
     "spectral_bandwidth_var", "rolloff_mean", "rolloff_var", "zero_crossing_rate_mean",
     "zero_crossing_rate_var", "harmony_mean", "harmony_var", "perceptr_mean", "perceptr_var",
     "tempo"]
    + [f"mfcc{i}_{s}" for i in range(1, 21) for s in ("mean", "var")]
)
assert len(GTZAN_COLUMNS) == 57


def flist(a):
    return [float(v) for v in np.asarray(a).ravel()]


def summary(y):
    y64 = np.asarray(y, dtype=np.float64)
    return {"samples": int(y64.size), "sum": float(y64.sum()), "sum_sq": float(np.sum(y64 * y64)),
            "max_abs": float(np.abs(y64).max()) if y64.size else 0.0}


def backend_of(path):
    try:
        sf.info(path)
        return "soundfile"
    except Exception:
        return "audioread"


def native_info(path):
    try:
        i = sf.info(path)
        return {"sr": int(i.samplerate), "channels": int(i.channels), "frames": int(i.frames),
                "format": i.format, "subtype": i.subtype}
    except Exception:
        with audioread.audio_open(path) as f:
            return {"sr": int(f.samplerate), "channels": int(f.channels), "duration": float(f.duration),
                    "format": "audioread:" + type(f).__name__}


def load(path, sr):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        y, sr_out = librosa.load(path, sr=sr, mono=True)
    keep = (UserWarning, FutureWarning)  # drop interpreter noise (Deprecation/ResourceWarning)
    msgs = {f"{x.category.__name__}: {x.message}" for x in w
            if issubclass(x.category, keep) and not issubclass(x.category, DeprecationWarning)}
    return y, sr_out, sorted(msgs)


def decode_block(path):
    y, sr, warns = load(path, SR)
    assert sr == SR and y.dtype == np.float32
    d = summary(y)
    d.update({"sr": SR, "dtype": "float32", "backend": backend_of(path), "warnings": warns,
              "head": flist(y[:HEAD]), "at_100000": flist(y[AT:AT + HEAD])})
    return y, d


def native_block(path):
    # librosa.load(sr=None): decoder + channel mean only, no resampling (to debug decoders apart)
    yn, srn, _ = load(path, None)
    d = summary(yn)
    d.update({"sr": int(srn), "head": flist(yn[:NATIVE_HEAD]), "at_100000": flist(yn[AT:AT + NATIVE_HEAD])})
    return d


def gtzan_block(y, sr=SR):
    """The 57 feature columns of GTZAN features_30_sec.csv (librosa defaults), plus 'length'."""
    chroma = librosa.feature.chroma_stft(y=y, sr=sr)
    rms = librosa.feature.rms(y=y)
    cent = librosa.feature.spectral_centroid(y=y, sr=sr)
    bw = librosa.feature.spectral_bandwidth(y=y, sr=sr)
    roll = librosa.feature.spectral_rolloff(y=y, sr=sr)
    zcr = librosa.feature.zero_crossing_rate(y)
    harm, perc = librosa.effects.hpss(y)
    tempo = librosa.feature.tempo(y=y, sr=sr)[0]
    mfcc = librosa.feature.mfcc(y=y, sr=sr)
    g = {}
    for name, m in [("chroma_stft", chroma), ("rms", rms), ("spectral_centroid", cent),
                    ("spectral_bandwidth", bw), ("rolloff", roll), ("zero_crossing_rate", zcr),
                    ("harmony", harm), ("perceptr", perc)]:
        g[name + "_mean"] = float(np.mean(m))
        g[name + "_var"] = float(np.var(m))
    g["tempo"] = float(tempo)
    for i in range(20):
        g[f"mfcc{i + 1}_mean"] = float(np.mean(mfcc[i]))
        g[f"mfcc{i + 1}_var"] = float(np.var(mfcc[i]))
    out = {"length": int(len(y))}
    out.update({k: g[k] for k in GTZAN_COLUMNS})
    return out, harm, perc


def frames_raw(m):
    m = np.atleast_2d(m)
    n = m.shape[1]
    idx = sorted({f for f in EXTRA_FRAMES if f < n} | {n - 1})
    return {str(f): flist(m[:, f]) for f in idx}


def extras_block(y, harm, perc, sr=SR):
    t = {}
    out = {}
    t0 = time.perf_counter()
    contrast = librosa.feature.spectral_contrast(y=y, sr=sr)
    t["contrast"] = time.perf_counter() - t0
    out["spectral_contrast"] = {"shape": list(contrast.shape), "stats": ref.stats(contrast),
                                "raw": frames_raw(contrast)}
    S2 = np.abs(librosa.stft(y)) ** 2
    out["chroma_tuning"] = float(librosa.estimate_tuning(S=S2, sr=sr, bins_per_octave=12))
    out["hpss"] = {"start": HPSS_AT,
                   "harmonic": flist(harm[HPSS_AT:HPSS_AT + HPSS_LEN]),
                   "percussive": flist(perc[HPSS_AT:HPSS_AT + HPSS_LEN]),
                   "harmonic_summary": summary(harm), "percussive_summary": summary(perc)}
    t0 = time.perf_counter()
    tempo, beats = librosa.beat.beat_track(y=y, sr=sr)
    t["beat_track"] = time.perf_counter() - t0
    out["beats_all"] = [int(b) for b in beats]
    out["beat_track_tempo"] = float(np.atleast_1d(tempo)[0])
    t0 = time.perf_counter()
    try:
        tonnetz = librosa.feature.tonnetz(y=y, sr=sr)
        out["tonnetz"] = {"shape": list(tonnetz.shape), "stats": ref.stats(tonnetz), "raw": frames_raw(tonnetz)}
    except Exception as e:  # optional feature
        out["tonnetz"] = {"error": f"{type(e).__name__}: {e}"}
    t["tonnetz"] = time.perf_counter() - t0
    return out, t


def clip_entry(path):
    t0 = time.perf_counter()
    y, dec = decode_block(path)
    t1 = time.perf_counter()
    seed = ref.seed_preset(y)
    t2 = time.perf_counter()
    default = ref.default_preset(y)
    t3 = time.perf_counter()
    gtzan, harm, perc = gtzan_block(y)
    t4 = time.perf_counter()
    extras, tex = extras_block(y, harm, perc)
    t5 = time.perf_counter()
    native = native_block(path)
    entry = {"file": os.path.basename(path), "file_bytes": os.path.getsize(path),
             "native_info": native_info(path), "decode": dec, "native_decode": native,
             "seed": seed, "default": default, "gtzan": gtzan, "extras": extras,
             "seconds": {"load": t1 - t0, "seed": t2 - t1, "default": t3 - t2, "gtzan": t4 - t3,
                         "extras": t5 - t4, "extras_detail": tex}}
    return entry


def strip_seconds(e):
    return {k: v for k, v in e.items() if k != "seconds"}


def non_finite(o):
    if isinstance(o, float):
        return 0 if np.isfinite(o) else 1
    if isinstance(o, dict):
        return sum(non_finite(v) for v in o.values())
    if isinstance(o, list):
        return sum(non_finite(v) for v in o)
    return 0


def sanitize(o):
    if isinstance(o, float):
        return o if np.isfinite(o) else None
    if isinstance(o, dict):
        return {k: sanitize(v) for k, v in o.items()}
    if isinstance(o, list):
        return [sanitize(v) for v in o]
    return o


def bad_behaviour(path):
    r = {"file": os.path.basename(path), "bytes": os.path.getsize(path)}
    try:
        y, sr, warns = load(path, SR)
        r.update({"load": "ok", "warnings": warns, **summary(y),
                  "finite": bool(np.all(np.isfinite(y)))})
        try:
            librosa.feature.mfcc(y=y, sr=SR)
            r["mfcc"] = "ok"
        except Exception as e:
            r["mfcc"] = f"{type(e).__name__}: {e}"
        try:
            tempo, beats = librosa.beat.beat_track(y=y, sr=SR)
            r["beat_track"] = {"tempo": float(np.atleast_1d(tempo)[0]), "beats": len(beats)}
        except Exception as e:
            r["beat_track"] = f"{type(e).__name__}: {e}"
    except Exception as e:
        r["load"] = f"{type(e).__name__}: {e}"
    return sanitize(r)


def compare_published(entries, out_dir):
    """Compare our gtzan block with rows of the public features_30_sec.csv kept in out_dir
    (features_30_sec_published_rows.csv); rows are matched on the file stem (blues.00099.au ~ blues.00099.mp3)."""
    import csv
    p = os.path.join(out_dir, "features_30_sec_published_rows.csv")
    if not os.path.exists(p):
        return {}
    out = {}
    with open(p) as f:
        for row in csv.DictReader(f):
            stem = row["filename"].rsplit(".", 1)[0]
            for name, e in entries.items():
                if name.rsplit(".", 1)[0] == stem:
                    ours = e["gtzan"]
                    rel = {k: abs(ours[k] - float(row[k])) / max(abs(float(row[k])), 1e-12) for k in GTZAN_COLUMNS}
                    worst = max(rel, key=rel.get)
                    out[name] = {"published_filename": row["filename"], "published_length": int(row["length"]),
                                 "our_length": ours["length"], "tempo_published": float(row["tempo"]),
                                 "tempo_ours": ours["tempo"], "max_rel_diff": rel[worst], "max_rel_diff_column": worst,
                                 "median_rel_diff": float(np.median(list(rel.values()))), "rel_diff": rel}
    return out


def env():
    try:
        ff = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.split("\n")[0]
    except Exception:
        ff = None
    return {"librosa": librosa.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
            "soxr": soxr.__version__, "soundfile": sf.__version__, "libsndfile": sf.__libsndfile_version__,
            "numba": numba.__version__, "audioread": audioread.__version__, "python": platform.python_version(),
            "platform": platform.platform(), "cpu_count": os.cpu_count(), "ffmpeg": ff}


def main():
    audio_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPOSITORY, "tests", "data", "audio")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPOSITORY, "tests", "data", "librosa")
    files = sorted(p for p in glob.glob(os.path.join(audio_dir, "*")) if p.lower().endswith(AUDIO_EXT))
    passes = []
    for k in range(2):
        res = {}
        for p in files:
            print(f"pass {k + 1}: {os.path.basename(p)}", flush=True)
            res[os.path.basename(p)] = clip_entry(p)
        passes.append(res)
    e = env()
    index = {"env": e, "sr": SR, "clips": {}, "bad": {}}
    for name, entry in passes[1].items():
        entry["deterministic"] = json.dumps(strip_seconds(entry)) == json.dumps(strip_seconds(passes[0][name]))
        entry["seconds_note"] = ("wall seconds of the 2nd (warm) pass in one process; seconds_cold = 1st pass "
                                 "(includes numba JIT / import costs); 2-core VM")
        entry["env"] = e
        entry["non_finite_count"] = non_finite(entry)
        entry["seconds_cold"] = passes[0][name]["seconds"]
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(sanitize(entry), f, allow_nan=False)
        index["clips"][name] = {"samples": entry["decode"]["samples"], "backend": entry["decode"]["backend"],
                                "native": entry["native_info"], "tempo": entry["gtzan"]["tempo"],
                                "beat_track_tempo": entry["default"]["tempo"],
                                "deterministic": entry["deterministic"],
                                "non_finite_count": entry["non_finite_count"], "seconds": entry["seconds"]}
    for p in sorted(glob.glob(os.path.join(audio_dir, "bad", "*"))):
        index["bad"][os.path.basename(p)] = bad_behaviour(p)
    index["gtzan_vs_published"] = compare_published(passes[1], out_dir)
    with open(os.path.join(out_dir, "index.json"), "w") as f:
        json.dump(index, f, indent=1, allow_nan=False)


if __name__ == "__main__":
    main()
