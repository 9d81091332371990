package dev.tunelab.assessor.medianstop;

import java.util.Arrays;

/**
 * A multiset of numbers that answers its lower and upper median in constant time and takes a new
 * number in logarithmic time: the classic pair of heaps, on primitive arrays so that a hundred
 * thousand entries cost no boxing. Holds only finite numbers. Not thread-safe.
 */
final class RunningMedian {

  // lower holds the smaller half negated (a max-heap as a min-heap); it is never smaller than
  // upper and at most one larger, so its top is element (n - 1) / 2 in sorted order.
  private final MinHeap lower = new MinHeap();
  private final MinHeap upper = new MinHeap();

  void add(double value) {
    if (lower.size() == 0 || value <= -lower.peek()) {
      lower.push(-value);
    } else {
      upper.push(value);
    }
    if (lower.size() > upper.size() + 1) {
      upper.push(-lower.pop());
    } else if (upper.size() > lower.size()) {
      lower.push(-upper.pop());
    }
  }

  int size() {
    return lower.size() + upper.size();
  }

  /** Element {@code (n - 1) / 2} of the sorted numbers; the multiset must not be empty. */
  double lowerMedian() {
    return -lower.peek();
  }

  /** Element {@code n / 2} of the sorted numbers; the multiset must not be empty. */
  double upperMedian() {
    return upper.size() == lower.size() ? upper.peek() : -lower.peek();
  }

  /** A binary min-heap of doubles. */
  private static final class MinHeap {

    private double[] items = new double[4];
    private int size;

    int size() {
      return size;
    }

    double peek() {
      return items[0];
    }

    void push(double value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      int child = size++;
      while (child > 0) {
        int parent = (child - 1) / 2;
        if (items[parent] <= value) {
          break;
        }
        items[child] = items[parent];
        child = parent;
      }
      items[child] = value;
    }

    double pop() {
      double top = items[0];
      double last = items[--size];
      int parent = 0;
      while (2 * parent + 1 < size) {
        int child = 2 * parent + 1;
        if (child + 1 < size && items[child + 1] < items[child]) {
          child++;
        }
        if (last <= items[child]) {
          break;
        }
        items[parent] = items[child];
        parent = child;
      }
      items[parent] = last;
      return top;
    }
  }
}
