#!/usr/bin/env python3
"""Reference features computed with librosa (the anchor), for parity fixtures and timing.

Imported by librosa_make_ref.py (which writes tests/data/librosa); also a program of its own.
Usage: librosa_ref.py OUT.json AUDIO...   (Debian's python3; librosa 0.11 on PYTHONPATH, e.g.
    NUMBA_CACHE_DIR=$(mktemp -d) PYTHONPATH=../shared/anchor/pylib /usr/bin/python3 -B scripts/librosa_ref.py OUT.json CLIP...)
Writes, per file: the clip's summary features in the two presets the project defines
(the seed's 512/256/12 recipe and librosa's defaults), plus a few raw frames of each
frame-level feature so a port can be checked value by value.
"""
import json, sys, time
import numpy as np
import librosa

SR = 22050
FRAMES = [0, 1, 2, 100, 500]  # frames written out raw, per frame-level feature


def raw(m):
    m = np.atleast_2d(m)
    cols = [f for f in FRAMES if f < m.shape[1]]
    return {str(f): [float(v) for v in m[:, f]] for f in cols}


def stats(m):
    m = np.atleast_2d(m)
    return {"mean": m.mean(axis=1).tolist(), "var": m.var(axis=1).tolist(),
            "std": m.std(axis=1).tolist(), "min": m.min(axis=1).tolist(),
            "max": m.max(axis=1).tolist(), "median": np.median(m, axis=1).tolist(),
            "frames": int(m.shape[1])}


def seed_preset(y):
    # frame_length 512, hop_length 256, 12 MFCCs: the seed's recipe
    n, h = 512, 256
    energy = np.array([np.sum(np.abs(y[i:i + n] ** 2)) for i in range(0, len(y), h)])
    rms = librosa.feature.rms(y=y, frame_length=n, hop_length=h)
    mfcc = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=12, n_fft=n, hop_length=h)
    return {"energy": {"stats": stats(energy), "raw": raw(energy[None, :])},
            "rms": {"stats": stats(rms), "raw": raw(rms)},
            "mfcc": {"stats": stats(mfcc), "raw": raw(mfcc)}}


def default_preset(y):
    S = np.abs(librosa.stft(y)) # n_fft 2048, hop 512, hann, centred
    mel = librosa.feature.melspectrogram(y=y, sr=SR)
    feats = {
        "stft_mag": librosa.stft(y)[:, :3].__abs__(),
        "mel_power": mel,
        "mel_db": librosa.power_to_db(mel, ref=np.max),
        "mfcc": librosa.feature.mfcc(y=y, sr=SR, n_mfcc=20),
        "rms": librosa.feature.rms(y=y),
        "zcr": librosa.feature.zero_crossing_rate(y),
        "centroid": librosa.feature.spectral_centroid(S=S, sr=SR),
        "bandwidth": librosa.feature.spectral_bandwidth(S=S, sr=SR),
        "rolloff": librosa.feature.spectral_rolloff(S=S, sr=SR),
        "contrast": librosa.feature.spectral_contrast(S=S, sr=SR),
        "flatness": librosa.feature.spectral_flatness(S=S),
        "chroma_stft": librosa.feature.chroma_stft(S=S ** 2, sr=SR),
        "onset_strength": librosa.onset.onset_strength(y=y, sr=SR)[None, :],
    }
    out = {k: {"stats": stats(v), "raw": raw(v)} for k, v in feats.items() if k != "stft_mag"}
    out["stft_mag"] = {"raw": {str(i): feats["stft_mag"][:, i].tolist()[:64] for i in range(3)}}
    tempo, beats = librosa.beat.beat_track(y=y, sr=SR)
    out["tempo"] = float(np.atleast_1d(tempo)[0])
    out["beats"] = [int(b) for b in beats[:32]]
    return out


def main():
    out_path, files = sys.argv[1], sys.argv[2:]
    result = {"librosa": librosa.__version__, "sr": SR, "files": {}}
    for path in files:
        t0 = time.perf_counter()
        y, _ = librosa.load(path, sr=SR, mono=True)
        t1 = time.perf_counter()
        entry = {"samples": int(len(y)), "seed": seed_preset(y)}
        t2 = time.perf_counter()
        entry["default"] = default_preset(y)
        t3 = time.perf_counter()
        entry["seconds"] = {"load": t1 - t0, "seed": t2 - t1, "default": t3 - t2}
        result["files"][path.rsplit("/", 1)[-1]] = entry
    with open(out_path, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
