#!/usr/bin/python3
"""Reference values for Genrify.Explore from scikit-learn (Debian's python3-sklearn, 1.2).

Writes tests/data/explore/blobs.json (three seeded Gaussian blobs) and tests/data/explore/emotify.json (the 240
Emotify clips' 57 librosa features, standardised): silhouette, NMI, ARI, purity, PCA, Ward labels, the genres'
centroid distances (numpy) and the trustworthiness of PCA and t-SNE maps. Run from the repository root:

    /usr/bin/python3 scripts/sklearn_explore_reference.py
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE, trustworthiness
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score
from sklearn.metrics.cluster import contingency_matrix
from sklearn.preprocessing import StandardScaler

OUT = os.path.join("tests", "data", "explore")
TABLE = os.path.join("tests", "data", "tables", "emotify_librosa_gtzan_features_with_folds.csv")


def purity(truth, clusters):
    return float(contingency_matrix(truth, clusters).max(axis=0).sum() / len(truth))


def agreement(truth, clusters):
    return {
        "nmi": float(normalized_mutual_info_score(truth, clusters)),
        "ari": float(adjusted_rand_score(truth, clusters)),
        "purity": purity(truth, clusters),
    }


def pca_reference(x):
    pca = PCA(n_components=2, svd_solver="full").fit(x)
    return pca, {
        "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
        "components": pca.components_.tolist(),
    }


def ward(x, k):
    return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x).tolist()


def blobs():
    x, truth = make_blobs(n_samples=60, centers=3, n_features=4, cluster_std=1.5, random_state=0)
    kmeans4 = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(x)
    rng = np.random.RandomState(0)
    random_labels = rng.randint(0, 3, size=len(truth))
    _, pca = pca_reference(x)
    return {
        "rows": x.tolist(),
        "truth": truth.tolist(),
        "kmeans4": kmeans4.tolist(),
        "random3": random_labels.tolist(),
        "silhouette_truth": float(silhouette_score(x, truth)),
        "silhouette_kmeans4": float(silhouette_score(x, kmeans4)),
        "silhouette_random3": float(silhouette_score(x, random_labels)),
        "truth_vs_kmeans4": agreement(truth, kmeans4),
        "truth_vs_random3": agreement(truth, random_labels),
        "pca": pca,
        "ward3": ward(x, 3),
        "ward5": ward(x, 5),
    }


def emotify():
    with open(TABLE, newline="") as f:
        reader = csv.DictReader(f)
        names = [c for c in reader.fieldnames if c not in ("id", "artist", "label", "fold")]
        records = list(reader)
    x = np.array([[float(r[c]) for c in names] for r in records])
    genres = sorted({r["label"] for r in records})
    truth = np.array([genres.index(r["label"]) for r in records])
    z = StandardScaler().fit_transform(x)
    pca_model, pca = pca_reference(z)
    ward4 = np.array(ward(z, 4))
    centroids = np.array([z[truth == g].mean(axis=0) for g in range(len(genres))])
    centroid_distances = np.sqrt(((centroids[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    spread = np.sqrt(((z - centroids[truth]) ** 2).sum(axis=1).mean())
    tsne = {}
    for method in ("exact", "barnes_hut"):
        y = TSNE(n_components=2, perplexity=30.0, n_iter=1000, init="pca", learning_rate="auto",
                 method=method, random_state=0).fit_transform(z)
        tsne[method] = float(trustworthiness(z, y, n_neighbors=5))
    return {
        "columns": names,
        "genres": genres,
        "standardised_row0": z[0].tolist(),
        "silhouette_genres": float(silhouette_score(z, truth)),
        "pca": pca,
        "pca_trustworthiness_k5": float(trustworthiness(z, pca_model.transform(z), n_neighbors=5)),
        "ward4": ward4.tolist(),
        "centroid_distances": centroid_distances.tolist(),
        "centroid_distances_normalised": (centroid_distances / spread).tolist(),
        "genres_vs_ward4": agreement(truth, ward4),
        "tsne_trustworthiness_k5": tsne,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, make in (("blobs", blobs), ("emotify", emotify)):
        data = make()
        data["sklearn"] = sklearn.__version__
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        print("wrote", os.path.join(OUT, name + ".json"))


if __name__ == "__main__":
    main()
