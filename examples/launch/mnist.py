"""The trial that the seed's launch.py runs: handwritten digits, with scikit-learn only.

The seed's trial trains a CNN on MNIST with TensorFlow (and downloads MNIST). This one keeps the
seed's trial command and reads the seed's search space, but needs nothing beyond scikit-learn:
the 8x8 digits of ``load_digits`` ship with it. Each parameter has a job:

- ``conv_size``: the width of a box filter convolved with each image before training (a fixed
  convolution; wide filters blur the digits, so the tuner should learn to keep it small);
- ``hidden_size``: neurons in the hidden layer of scikit-learn's MLPClassifier;
- ``batch_size`` and ``learning_rate``: as named (Adam's ``learning_rate_init``);
- ``dropout_rate``: MLPClassifier has no dropout, so the rate sets the L2 penalty instead
  (``alpha = dropout_rate / 100``), the regularisation dropout would give.

It reports the test accuracy after each of 6 epochs and the last one as the final result.
"""
import os
import warnings

# Trials run side by side: one BLAS thread each, or they fight over the cores (10 times slower).
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import numpy as np
from scipy.ndimage import uniform_filter
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

import tunelab

EPOCHS = 6

params = {"dropout_rate": 0.5, "conv_size": 3, "hidden_size": 124, "batch_size": 32, "learning_rate": 0.001,
          **tunelab.get_next_parameter()}

images, labels = load_digits(return_X_y=True)
images = uniform_filter(images.reshape(-1, 8, 8) / 16.0, size=(1, params["conv_size"], params["conv_size"]),
                        mode="nearest").reshape(len(images), -1)
x_train, x_test, y_train, y_test = train_test_split(images, labels, test_size=0.25, random_state=0)

model = MLPClassifier(hidden_layer_sizes=(params["hidden_size"],), batch_size=params["batch_size"],
                      learning_rate_init=params["learning_rate"], alpha=params["dropout_rate"] / 100,
                      random_state=0)
accuracy = 0.0
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # a large learning rate may overflow; the accuracy shows it
    for epoch in range(EPOCHS):
        model.partial_fit(x_train, y_train, classes=np.arange(10))
        accuracy = float(model.score(x_test, y_test))
        tunelab.report_intermediate_result(accuracy)
tunelab.report_final_result(accuracy)
print(f"accuracy {accuracy:.4f} with {params}")
