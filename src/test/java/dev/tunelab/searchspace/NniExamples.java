package dev.tunelab.searchspace;

import java.util.Map;

/** Search spaces from NNI's documentation and examples, as users bring them. */
public final class NniExamples {

  /** docs/source/hpo/search_space.rst, the overview example. */
  public static final String DOCS =
      """
      {
        "dropout_rate": {"_type": "uniform", "_value": [0.1, 0.5]},
        "conv_size": {"_type": "choice", "_value": [2, 3, 5, 7]},
        "hidden_size": {"_type": "choice", "_value": [124, 512, 1024]},
        "batch_size": {"_type": "choice", "_value": [50, 250, 500]},
        "learning_rate": {"_type": "uniform", "_value": [0.0001, 0.1]}
      }""";

  /** examples/trials/mnist-nested-search-space/search_space.json, two of its four layers. */
  public static final String NESTED =
      """
      {
        "layer0": {"_type": "choice", "_value": [
          {"_name": "Empty"},
          {"_name": "Conv", "kernel_size": {"_type": "choice", "_value": [1, 2, 3, 5]}},
          {"_name": "Max_pool", "pooling_size": {"_type": "choice", "_value": [2, 3, 5]}},
          {"_name": "Avg_pool", "pooling_size": {"_type": "choice", "_value": [2, 3, 5]}}]},
        "layer1": {"_type": "choice", "_value": [
          {"_name": "Empty"},
          {"_name": "Conv", "kernel_size": {"_type": "choice", "_value": [1, 2, 3, 5]}},
          {"_name": "Max_pool", "pooling_size": {"_type": "choice", "_value": [2, 3, 5]}},
          {"_name": "Avg_pool", "pooling_size": {"_type": "choice", "_value": [2, 3, 5]}}]}
      }""";

  /** examples/trials/mnist-batch-tune-keras/search_space.json. */
  public static final String BATCH =
      """
      {
        "combine_params": {"_type": "choice", "_value": [
          {"optimizer": "Adam", "learning_rate": 0.00001},
          {"optimizer": "Adam", "learning_rate": 0.0001},
          {"optimizer": "Adam", "learning_rate": 0.001},
          {"optimizer": "SGD", "learning_rate": 0.01},
          {"optimizer": "SGD", "learning_rate": 0.005},
          {"optimizer": "SGD", "learning_rate": 0.0002}]}
      }""";

  /** examples/trials/auto-gbdt/search_space.json. */
  public static final String AUTO_GBDT =
      """
      {
        "num_leaves": {"_type": "randint", "_value": [20, 31]},
        "learning_rate": {"_type": "choice", "_value": [0.01, 0.05, 0.1, 0.2]},
        "bagging_fraction": {"_type": "uniform", "_value": [0.7, 1.0]},
        "bagging_freq": {"_type": "choice", "_value": [1, 2, 4, 8, 10]}
      }""";

  /** test/ut/sdk/test_hpo_formatting.py: every type, nested choices and a choice of dicts. */
  public static final String EVERY_TYPE =
      """
      {
        "pool": {"_type": "choice", "_value": ["max", "min", "avg"]},
        "kernel": {"_type": "randint", "_value": [2, 8]},
        "D": {"_type": "choice", "_value": [
          {"_name": "UNIFORM",
           "dropout": {"_type": "uniform", "_value": [0.5, 0.9]},
           "hidden": {"_type": "quniform", "_value": [100, 1000, 3]},
           "U_lr": {"_type": "loguniform", "_value": [0.0001, 0.1]},
           "U_batch": {"_type": "qloguniform", "_value": [16.0, 128.0, 0.725]}},
          {"_name": "NORMAL",
           "dropout": {"_type": "normal", "_value": [0.7, 0.2]},
           "hidden": {"_type": "qnormal", "_value": [500, 200, 3]},
           "N_lr": {"_type": "lognormal", "_value": [-6, 3]},
           "N_batch": {"_type": "qlognormal", "_value": [3.5, 1.2, 0.725]}},
          {"_name": "EMPTY"}]},
        "not_nested": {"_type": "choice", "_value": [{"x": 0, "y": 0}, {"x": 1, "y": 2}]}
      }""";

  private NniExamples() {}

  public static SearchSpace space(String json) {
    return SearchSpace.parse(Json.object(json));
  }

  public static Map<String, Object> json(String json) {
    return Json.object(json);
  }
}
