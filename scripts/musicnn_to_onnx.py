#!/usr/bin/env python3
"""Converts a MusiCNN auto-tagger from its Keras HDF5 file (the ISC-licensed musicnn_keras release) to ONNX.

Build-time tool only: it needs Debian's python3-h5py, python3-onnx and python3-numpy, never at run time.

    /usr/bin/python3 scripts/musicnn_to_onnx.py ../shared/models/musicnn_isc/MSD_musicnn.h5 \\
        models/musicnn-msd/tags.txt models/musicnn-msd

writes two graphs and the tag list. The network is the Keras model op for op, in NCHW with H = time, W = mel band:
  input batch norm -> timbral convolutions 7x38 and 7x67 (time padded by 3), max over the bands left
  -> temporal convolutions 128x1, 64x1, 32x1 ('SAME' in time), max over the bands
  -> three 7-frame convolutions over the 561 front-end channels (second and third residual)
  -> max and mean over time, interleaved per channel -> batch norm -> dense 1506->200 + ReLU = "embedding"
  -> batch norm -> dense 200->50 -> sigmoid = "tags".
timbral.onnx is the timbral branch alone, run over runs of frames that several overlapping patches share;
model.onnx is the rest, per patch. Every batch norm follows a ReLU, so it stays a per-channel multiply and add
(folded from gamma, beta, mean and variance in float64 with Keras's epsilon 0.001). Dropout layers are no-ops.

The output is byte-for-byte reproducible: same HDF5 in, same ONNX out.
"""
import argparse
import hashlib
import json
import os
import sys

import h5py
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

PATCH_FRAMES, BANDS = 187, 96
OPSET = 13


class Builder:
    def __init__(self, weights):
        self.w = weights
        self.nodes, self.inits = [], []
        self.counter = 0

    def name(self, prefix):
        self.counter += 1
        return f"{prefix}_{self.counter}"

    def const(self, name, array):
        # A layer used in several places (the timbral filters) shares one initializer.
        if not any(init.name == name for init in self.inits):
            self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name))
        return name

    def int_const(self, name, values):
        if not any(init.name == name for init in self.inits):
            self.inits.append(numpy_helper.from_array(np.asarray(values, dtype=np.int64), name))
        return name

    def op(self, op_type, inputs, out=None, **attrs):
        out = out or self.name(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out

    def tensor(self, layer, name):
        group = self.w[layer][layer]
        # The Keras port stores some tensors as "kernel_1:0", others as "kernel:0".
        for key in (f"{name}_1:0", f"{name}:0"):
            if key in group:
                return np.asarray(group[key], dtype=np.float64)
        raise KeyError(f"{layer}/{name} not in the HDF5 file")

    def batch_norm(self, x, layer, shape):
        gamma, beta = self.tensor(layer, "gamma"), self.tensor(layer, "beta")
        mean, var = self.tensor(layer, "moving_mean"), self.tensor(layer, "moving_variance")
        scale = gamma / np.sqrt(var + 1e-3)
        offset = beta - mean * scale
        x = self.op("Mul", [x, self.const(f"{layer}/scale", scale.reshape(shape))])
        return self.op("Add", [x, self.const(f"{layer}/offset", offset.reshape(shape))])

    def conv2d(self, x, layer, bn, pads):
        kernel = self.tensor(layer, "kernel").transpose(3, 2, 0, 1)  # [kh, kw, in, out] -> [out, in, kh, kw]
        bias = self.tensor(layer, "bias")
        y = self.op("Conv", [x, self.const(f"{layer}/W", kernel), self.const(f"{layer}/B", bias)],
                    kernel_shape=list(kernel.shape[2:]), pads=pads)
        y = self.op("Relu", [y])
        return self.batch_norm(y, bn, (1, -1, 1, 1))

    def conv2d_band_max(self, x, layer, bn, pads):
        """conv2d followed by the max over the band axis, [n, 1, time, bands] -> [n, filters, time].

        The max is taken before the ReLU and the batch norm, on a tensor as many times smaller as there are bands:
        ReLU and a multiply-add are monotonic, so max(ReLU(y) * s + o) = ReLU(max y) * s + o where s >= 0, and
        ReLU(min y) * s + o where s < 0. Same values, without the elementwise passes over the full conv output."""
        kernel = self.tensor(layer, "kernel").transpose(3, 2, 0, 1)
        y = self.op("Conv", [x, self.const(f"{layer}/W", kernel), self.const(f"{layer}/B", self.tensor(layer, "bias"))],
                    kernel_shape=list(kernel.shape[2:]), pads=pads)
        gamma, var = self.tensor(bn, "gamma"), self.tensor(bn, "moving_variance")
        increasing = (gamma / np.sqrt(var + 1e-3)) >= 0
        cond = f"{bn}/increasing"
        if not any(init.name == cond for init in self.inits):
            self.inits.append(numpy_helper.from_array(increasing.reshape(1, -1, 1), cond))
        extreme = self.op("Where", [cond, self.op("ReduceMax", [y], axes=[3], keepdims=0),
                                    self.op("ReduceMin", [y], axes=[3], keepdims=0)])
        return self.batch_norm(self.op("Relu", [extreme]), bn, (1, -1, 1))

    def conv1d(self, x, layer, bn):
        # A Keras kernel [k, channels, 1, out] sliding over an image [time, channels, 1] is a 1-D convolution.
        kernel = self.tensor(layer, "kernel")[:, :, 0, :].transpose(2, 1, 0)  # -> [out, channels, k]
        bias = self.tensor(layer, "bias")
        y = self.op("Conv", [x, self.const(f"{layer}/W", kernel), self.const(f"{layer}/B", bias)],
                    kernel_shape=[kernel.shape[2]], pads=[3, 3])
        y = self.op("Relu", [y])
        return self.batch_norm(y, bn, (1, -1, 1))

    def dense(self, x, layer):
        y = self.op("MatMul", [x, self.const(f"{layer}/W", self.tensor(layer, "kernel"))])
        return self.op("Add", [y, self.const(f"{layer}/B", self.tensor(layer, "bias"))])


def timbral_branch(b, image):
    """Both timbral filters over [n, 1, time, 96], time zero-padded by 3: [n, 408, time]."""
    t1 = b.conv2d_band_max(image, "conv2d", "batch_normalization_1", [3, 0, 3, 0])
    t2 = b.conv2d_band_max(image, "conv2d_1", "batch_normalization_2", [3, 0, 3, 0])
    return b.op("Concat", [t1, t2], axis=1)


def build_timbral(weights):
    """The timbral graph: "frames" [n, time, 96] -> "timbral" [n, 408, time].

    Patches overlap by half and a timbral filter reaches only 3 frames either side, so every timbral output more than
    3 frames from a patch edge is the same over a run of frames as within the patch: the caller runs this graph once
    over the frames of several patches, and again over each patch's first and last 6 frames for the 3 outputs at each
    edge, where the patch's own zero padding matters. Each patch then gets exactly its own timbral features, for
    about half the work."""
    b = Builder(weights)
    x = b.op("Unsqueeze", ["frames", b.int_const("axis1", [1])])  # [n, 1, time, 96]
    x = b.batch_norm(x, "batch_normalization", (1, -1, 1, 1))
    b.op("Identity", [timbral_branch(b, x)], out="timbral")
    return b, [helper.make_tensor_value_info("frames", TensorProto.FLOAT, ["N", "T", BANDS])], \
        [helper.make_tensor_value_info("timbral", TensorProto.FLOAT, ["N", 408, "T"])]


def build_patches(weights, tags):
    """The rest of the network: "patches" [N, 187, 96] and their "timbral" features [N, 408, 187] -> "embedding"
    [N, 200] and "tags" [N, len(tags)]."""
    b = Builder(weights)
    x = b.op("Unsqueeze", ["patches", b.int_const("axis1", [1])])  # [N, 1, 187, 96]
    x = b.batch_norm(x, "batch_normalization", (1, -1, 1, 1))
    # The temporal filters (up to 128 frames, 'SAME' in time: TensorFlow puts the odd pad at the end) see most of a
    # patch, so they run patch by patch.
    temporal1 = b.conv2d_band_max(x, "conv2d_2", "batch_normalization_3", [63, 0, 64, 0])
    temporal2 = b.conv2d_band_max(x, "conv2d_3", "batch_normalization_4", [31, 0, 32, 0])
    temporal3 = b.conv2d_band_max(x, "conv2d_4", "batch_normalization_5", [15, 0, 16, 0])
    front = b.op("Concat", ["timbral", temporal1, temporal2, temporal3], axis=1)  # [N, 561, 187]

    m1 = b.conv1d(front, "midend_conv1", "bn_midend_conv1")
    a1 = b.op("Add", [m1, b.conv1d(m1, "midend_conv2", "bn_midend_conv2")])
    a2 = b.op("Add", [a1, b.conv1d(a1, "midend_conv3", "bn_midend_conv3")])
    everything = b.op("Concat", [front, m1, a1, a2], axis=1)  # [N, 753, 187]

    # Max and mean over time, interleaved per channel as TensorFlow flattens [N, 753, 2].
    pooled = b.op("Concat", [b.op("ReduceMax", [everything], axes=[2], keepdims=1),
                             b.op("ReduceMean", [everything], axes=[2], keepdims=1)], axis=2)
    pooled = b.op("Flatten", [pooled], axis=1)  # [N, 1506]
    pooled = b.batch_norm(pooled, "bn_flatpool", (1, -1))
    embedding = b.op("Relu", [b.dense(pooled, "dense")], out="embedding")
    logits = b.dense(b.batch_norm(embedding, "bn_dense", (1, -1)), "dense_1")
    b.op("Sigmoid", [logits], out="tags")
    return b, [helper.make_tensor_value_info("patches", TensorProto.FLOAT, ["N", PATCH_FRAMES, BANDS]),
               helper.make_tensor_value_info("timbral", TensorProto.FLOAT, ["N", 408, PATCH_FRAMES])], \
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["N", 200]),
         helper.make_tensor_value_info("tags", TensorProto.FLOAT, ["N", len(tags)])]


def finish(built, title, sha256, tags):
    b, inputs, outputs = built
    graph = helper.make_graph(b.nodes, title, inputs, outputs, b.inits)
    model = helper.make_model(graph, producer_name="genrify scripts/musicnn_to_onnx.py", producer_version="2",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 7
    model.doc_string = ("MusiCNN (J. Pons and X. Serra, MTG, Universitat Pompeu Fabra, 2019), converted from the "
                        "ISC-licensed Keras port musicnn_keras (E. Quinton, 2020). ISC licence; see THIRD-PARTY-NOTICES.")
    helper.set_model_props(model, {"source_hdf5_sha256": sha256, "tags": json.dumps(tags)})
    onnx.checker.check_model(model)
    return model.SerializeToString()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("h5", help="MSD_musicnn.h5 or MTT_musicnn.h5")
    parser.add_argument("tags", help="a file with the network's tags, one per line, in output order")
    parser.add_argument("out", help="the directory to write timbral.onnx, model.onnx and tags.txt to")
    args = parser.parse_args()
    tags = [t for t in open(args.tags, encoding="utf-8").read().splitlines() if t]
    with open(args.h5, "rb") as f:
        sha256 = hashlib.sha256(f.read()).hexdigest()
    os.makedirs(args.out, exist_ok=True)
    with h5py.File(args.h5, "r") as f:
        weights = f["model_weights"]
        if weights["dense_1/dense_1/bias_1:0"].shape[0] != len(tags):
            sys.exit(f"{args.tags}: {len(tags)} tags, but the network has another number of outputs")
        files = {"timbral.onnx": finish(build_timbral(weights), "musicnn timbral", sha256, tags),
                 "model.onnx": finish(build_patches(weights, tags), "musicnn", sha256, tags),
                 "tags.txt": ("\n".join(tags) + "\n").encode("utf-8")}
    for name, data in files.items():
        path = os.path.join(args.out, name)
        if os.path.abspath(path) != os.path.abspath(args.tags):
            with open(path, "wb") as f:
                f.write(data)
        print(f"{path}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
