#!/usr/bin/env python3
"""The vgg network of `fer --preset vgg` in Keras, timed side by side with `fer bench`.

Runs `fer bench --preset vgg --json` first, then the same network, batch and optimizer in
TensorFlow/Keras on the same synthetic 48x48 inputs, and prints both and their ratios:

    pip install tensorflow-cpu      # not needed by fer itself
    python3 Assets/scripts/keras_vgg_bench.py --fer .build/release/fer

The network: per stage (32, 64, 128, 256 filters) two 3x3 'same' convolutions without bias,
each with BatchNorm and ReLU, a 2x2 max-pool, dropout 0.2 from the third stage; then Dense 256,
BatchNorm, ReLU, dropout 0.5 and Dense 7. AdamW (lr 1e-3, weight decay 0.01), label smoothing
0.1, batch 64: the vgg recipe's training step.
"""
import argparse
import json
import os
import subprocess
import time


def build_model(tf):
    layers = tf.keras.layers
    model = tf.keras.Sequential([tf.keras.Input((48, 48, 1))])
    for stage, filters in enumerate([32, 64, 128, 256]):
        for _ in range(2):
            model.add(layers.Conv2D(filters, 3, padding="same", use_bias=False))
            model.add(layers.BatchNormalization())
            model.add(layers.ReLU())
        model.add(layers.MaxPooling2D(2))
        if stage >= 2:
            model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(256))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(7))
    model.compile(
        optimizer=tf.keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.01),
        loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1),
    )
    return model


def keras_rates(batch, seconds):
    import numpy as np
    import tensorflow as tf

    rng = np.random.default_rng(2)
    count = batch * 16
    images = rng.random((count, 48, 48, 1), dtype=np.float32)
    labels = tf.keras.utils.to_categorical(np.arange(count) % 7, 7)
    model = build_model(tf)
    model.fit(images, labels, batch_size=batch, epochs=1, verbose=0)  # warm-up and graph build
    trained, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        model.fit(images, labels, batch_size=batch, epochs=1, verbose=0)
        trained += count
    train = trained / (time.perf_counter() - start)
    model.predict(images, batch_size=batch, verbose=0)
    predicted, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        model.predict(images, batch_size=batch, verbose=0)
        predicted += count
    infer = predicted / (time.perf_counter() - start)
    return {"tensorflow": tf.__version__, "train_images_per_second": train,
            "infer_images_per_second": infer, "parameter_count": model.count_params()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fer", default="fer", help="the fer binary (a release build)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20)
    options = parser.parse_args()

    fer = json.loads(subprocess.run(
        [options.fer, "bench", "--preset", "vgg", "--json", "--batch-size", str(options.batch_size),
         "--seconds", str(options.seconds / 2)], check=True, capture_output=True, text=True).stdout)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    keras = keras_rates(options.batch_size, options.seconds)
    result = {
        "fer": fer, "keras": keras,
        "train_fer_to_keras": fer["train_images_per_second"] / keras["train_images_per_second"],
        "infer_fer_to_keras": fer["infer_images_per_second"] / keras["infer_images_per_second"],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
