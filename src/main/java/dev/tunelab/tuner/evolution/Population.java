package dev.tunelab.tuner.evolution;

import dev.tunelab.tuner.SeededRandom;
import dev.tunelab.tuner.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * NNI's population, rebuilt from the history. NNI starts with {@code population_size} random
 * individuals and hands them out first; a trial that fails without a value earns one more random
 * individual; every completed trial joins the population; every later proposal is a tournament of
 * two members that removes the worse. The history does not say when each result arrived, so the
 * rebuild assumes every result arrived before the next trial was proposed: trial i replays its
 * tournament, drawn from {@code forDraw(seed, i)}, on the members completed before it.
 */
final class Population {

  private final List<Member> members = new ArrayList<>();
  private int randomLeft;

  /** A completed trial in the population: its internal form and its loss. */
  record Member(double[] point, double loss) {}

  private Population(int size) {
    this.randomLeft = size;
  }

  /**
   * Replays {@code history}.
   *
   * @param points each record's parameters in internal form, null when not in the space
   * @param losses each record's loss, NaN without a value
   */
  static Population replay(
      int size, List<TrialRecord> history, List<double[]> points, double[] losses, long seed) {
    Population population = new Population(size);
    for (int i = 0; i < history.size(); i++) {
      TrialRecord record = history.get(i);
      boolean imported = record.sequenceId() < 0;
      if (!imported) {
        if (population.randomLeft > 0) {
          population.randomLeft--;
        } else if (!population.members.isEmpty()) {
          select(population.members, SeededRandom.forDraw(seed, i));
        }
      }
      if (points.get(i) == null) {
        continue;
      }
      if (!Double.isNaN(losses[i])) {
        population.members.add(new Member(points.get(i), losses[i]));
      } else if (record.state() != TrialRecord.State.PENDING && !imported) {
        population.randomLeft++;
      }
    }
    return population;
  }

  /** Whether the next proposal is one of the random individuals NNI hands out first. */
  boolean takeRandom() {
    if (randomLeft > 0) {
      randomLeft--;
      return true;
    }
    return false;
  }

  List<Member> members() {
    return members;
  }

  /**
   * NNI's generation step: picks two members with {@code rng}, removes the worse (of equals, the
   * second) and returns the better.
   */
  static Member select(List<Member> members, RandomGenerator rng) {
    if (members.size() == 1) {
      return members.get(0);
    }
    int first = rng.nextInt(members.size());
    int second = rng.nextInt(members.size() - 1);
    second = second >= first ? second + 1 : second;
    Member a = members.get(first);
    Member b = members.get(second);
    Member winner = b.loss() < a.loss() ? b : a;
    members.remove(winner == a ? second : first);
    return winner;
  }
}
