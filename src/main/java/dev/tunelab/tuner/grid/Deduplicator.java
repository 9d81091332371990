package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.SearchSpace;
import dev.tunelab.tuner.TrialRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a tuner from proposing a parameter set twice, with NNI's grid order as the fallback when
 * the tuner's own proposals keep repeating (as NNI's {@code hpo_utils/dedup.py}, which also falls
 * back to grid search).
 *
 * <p>It reads the seen parameter sets from the history at the start of every call, so its answers
 * depend only on the history and the proposals of the current call: the cache it keeps (the seen
 * set and the grid cursor) is dropped whenever the history is not an extension of the one before or
 * lacks a proposal of the last call. Two parameter sets are the same when their {@link
 * SearchSpace#canonicalKey}s are. Not thread-safe, like the tuners that own one.
 */
public final class Deduplicator {

  private final SearchSpace space;
  private final List<Map<String, Object>> synced = new ArrayList<>();
  private final List<String> syncedKeys = new ArrayList<>();
  private final Set<String> historyKeys = new HashSet<>();
  private final Set<String> batchKeys = new HashSet<>();
  // Invariant: every grid point the cursor has passed, except the lookahead, is seen.
  private Grid grid;
  private Map<String, Object> lookahead;

  public Deduplicator(SearchSpace space) {
    this.space = space;
  }

  /** Starts a call of {@code suggest}: everything in {@code history} counts as seen. */
  public void startBatch(List<TrialRecord> history) {
    if (!extendsSynced(history)) {
      synced.clear();
      syncedKeys.clear();
      historyKeys.clear();
      grid = null;
    }
    for (int i = synced.size(); i < history.size(); i++) {
      Map<String, Object> parameters = history.get(i).parameters();
      String key = SearchSpace.canonicalKey(parameters);
      synced.add(parameters);
      syncedKeys.add(key);
      historyKeys.add(key);
    }
    if (!historyKeys.containsAll(batchKeys)) {
      grid = null;
    }
    batchKeys.clear();
    if (grid == null) {
      lookahead = null;
    }
  }

  // The records may be new objects each call, with numbers of other classes after a round trip
  // through the database; the canonical key decides when equals does not.
  private boolean extendsSynced(List<TrialRecord> history) {
    if (history.size() < synced.size()) {
      return false;
    }
    for (int i = 0; i < synced.size(); i++) {
      Map<String, Object> parameters = history.get(i).parameters();
      if (parameters != synced.get(i)
          && !parameters.equals(synced.get(i))
          && !SearchSpace.canonicalKey(parameters).equals(syncedKeys.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code parameters} is neither in the history nor proposed in this call. */
  public boolean isNew(Map<String, ?> parameters) {
    String key = SearchSpace.canonicalKey(parameters);
    return !historyKeys.contains(key) && !batchKeys.contains(key);
  }

  /** Records {@code parameters} as proposed in this call when it is new; says whether it was. */
  public boolean propose(Map<String, ?> parameters) {
    String key = SearchSpace.canonicalKey(parameters);
    return !historyKeys.contains(key) && batchKeys.add(key);
  }

  /** Proposes the first unseen parameter set in NNI's grid order; empty when there is none. */
  public Optional<Map<String, Object>> proposeFromGrid() {
    Map<String, Object> next = nextUnseen();
    lookahead = null;
    if (next != null) {
      propose(next);
    }
    return Optional.ofNullable(next);
  }

  /** Whether every parameter set of the grid has been seen (finite spaces only ever get there). */
  public boolean gridExhausted() {
    lookahead = nextUnseen();
    return lookahead == null;
  }

  private Map<String, Object> nextUnseen() {
    if (grid == null) {
      grid = new Grid(space);
      lookahead = null;
    }
    Map<String, Object> next = lookahead;
    while (next == null || !isNew(next)) {
      next = grid.next();
      if (next == null) {
        return null;
      }
    }
    return next;
  }
}
