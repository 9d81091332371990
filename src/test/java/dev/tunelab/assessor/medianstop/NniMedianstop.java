package dev.tunelab.assessor.medianstop;

import dev.tunelab.assessor.Assessor.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A line-by-line port of NNI's {@code MedianstopAssessor} (finite results only), the oracle that
 * {@link MedianStopAssessor} must agree with.
 */
final class NniMedianstop {

  private final boolean highBetter;
  private final int startStep;
  private final Map<Integer, List<Double>> runningHistory = new HashMap<>();
  private final Map<Integer, List<Double>> completedAvgHistory = new HashMap<>();

  NniMedianstop(boolean highBetter, int startStep) {
    this.highBetter = highBetter;
    this.startStep = startStep;
  }

  void trialEnd(int trialJobId, boolean success) {
    List<Double> history = runningHistory.remove(trialJobId);
    if (history != null && success) {
      List<Double> averages = new ArrayList<>();
      double sum = 0;
      for (int count = 1; count <= history.size(); count++) {
        sum += history.get(count - 1);
        averages.add(sum / count);
      }
      completedAvgHistory.put(trialJobId, averages);
    }
  }

  Verdict assessTrial(int trialJobId, List<Double> trialHistory) {
    int currStep = trialHistory.size();
    if (currStep < startStep) {
      return Verdict.GOOD;
    }
    List<Double> running = runningHistory.computeIfAbsent(trialJobId, id -> new ArrayList<>());
    running.addAll(trialHistory.subList(running.size(), trialHistory.size()));
    double best = highBetter ? Collections.max(trialHistory) : Collections.min(trialHistory);
    List<Double> avgArray = new ArrayList<>();
    for (List<Double> averages : completedAvgHistory.values()) {
      if (averages.size() >= currStep) {
        avgArray.add(averages.get(currStep - 1));
      }
    }
    if (avgArray.isEmpty()) {
      return Verdict.GOOD;
    }
    Collections.sort(avgArray);
    if (highBetter) {
      double median = avgArray.get((avgArray.size() - 1) / 2);
      return best < median ? Verdict.BAD : Verdict.GOOD;
    }
    double median = avgArray.get(avgArray.size() / 2);
    return best > median ? Verdict.BAD : Verdict.GOOD;
  }
}
