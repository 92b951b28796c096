"""Builds tiny_cnn.onnx and its reference outputs for the cv::dnn test.

Run by hand (needs `pip install onnx numpy`; the product never needs Python):
    python3 make_tiny_cnn.py
The model is Conv(1->4, 3x3, pad 1) + Relu + MaxPool(2x2) + Flatten + Gemm(64->7) + Softmax
on a [N, 1, 8, 8] input. Reference outputs are computed here with plain numpy loops,
independently of any ONNX runtime, and stored in tiny_cnn.json.
"""
import json

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(20240607)
conv_weight = rng.normal(0, 0.5, size=(4, 1, 3, 3)).astype(np.float32)
conv_bias = rng.normal(0, 0.1, size=(4,)).astype(np.float32)
dense_weight = rng.normal(0, 0.3, size=(7, 64)).astype(np.float32)  # Gemm with transB=1
dense_bias = rng.normal(0, 0.1, size=(7,)).astype(np.float32)

nodes = [
    helper.make_node("Conv", ["input", "conv_weight", "conv_bias"], ["conv"], kernel_shape=[3, 3],
                     pads=[1, 1, 1, 1], strides=[1, 1]),
    helper.make_node("Relu", ["conv"], ["relu"]),
    helper.make_node("MaxPool", ["relu"], ["pool"], kernel_shape=[2, 2], strides=[2, 2]),
    helper.make_node("Flatten", ["pool"], ["flat"], axis=1),
    helper.make_node("Gemm", ["flat", "dense_weight", "dense_bias"], ["logits"], transB=1),
    helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
]
graph = helper.make_graph(
    nodes, "tiny_cnn",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 1, 8, 8])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 7])],
    initializer=[numpy_helper.from_array(conv_weight, "conv_weight"),
                 numpy_helper.from_array(conv_bias, "conv_bias"),
                 numpy_helper.from_array(dense_weight, "dense_weight"),
                 numpy_helper.from_array(dense_bias, "dense_bias")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)], producer_name="fer-tests")
model.ir_version = 6
onnx.checker.check_model(model)
onnx.save(model, "tiny_cnn.onnx")


def reference(x):
    """The same network with explicit loops in float64."""
    n = x.shape[0]
    padded = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (1, 1), (1, 1)))
    conv = np.zeros((n, 4, 8, 8))
    for b in range(n):
        for o in range(4):
            for i in range(8):
                for j in range(8):
                    conv[b, o, i, j] = np.sum(padded[b, 0, i:i + 3, j:j + 3] * conv_weight[o, 0]) + conv_bias[o]
    relu = np.maximum(conv, 0)
    pool = relu.reshape(n, 4, 4, 2, 4, 2).max(axis=(3, 5))
    logits = pool.reshape(n, 64) @ dense_weight.astype(np.float64).T + dense_bias
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


inputs = rng.uniform(-1, 1, size=(2, 1, 8, 8)).astype(np.float32)
outputs = reference(inputs)
with open("tiny_cnn.json", "w") as file:
    json.dump({"inputShape": list(inputs.shape), "input": [float(v) for v in inputs.ravel()],
               "outputShape": list(outputs.shape), "output": [float(v) for v in outputs.ravel()]},
              file, indent=1)
print("wrote tiny_cnn.onnx and tiny_cnn.json; outputs:\n", outputs)
