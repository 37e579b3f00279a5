package io.refshadow.samples;

import io.refshadow.Gc;
import java.util.Arrays;

/**
 * Sample 08: generations and thresholds.
 *
 * <p>CPython's cycle detector sorts container objects into three generations. Each new container
 * counts toward generation 0; when the count passes threshold 0 (700 by default) generation 0 is
 * collected and its survivors move to generation 1; every 10 such collections generation 1 is
 * collected, and so on. {@code gc.get_threshold()} shows (700, 10, 10). With {@code
 * gc.set_threshold(10, 2, 2)} collections happen often enough to watch through a callback.
 *
 * <p>Run: {@code ./samples/run 08}
 */
public class Sample_08_Generations {
  static final class Node {
    Object ref;
  }

  public static void main(String[] args) {
    System.out.println("default thresholds: " + Arrays.toString(Gc.getThreshold()));
    Gc.setThreshold(7777, 11, 11);
    System.out.println("after setThreshold(7777, 11, 11): " + Arrays.toString(Gc.getThreshold()));

    Node[] keep = new Node[40]; // the list exists before counting starts, as in the Python twin
    Gc.setThreshold(10, 2, 2);
    Gc.collect();
    Gc.callbacks()
        .add(
            (phase, info) -> {
              if (phase.equals("start")) {
                System.out.println("  automatic collection of generation " + info.generation());
              }
            });
    for (int i = 0; i < keep.length; i++) {
      keep[i] = new Node();
    }
    System.out.println("after 40 new nodes, getCount() = " + Arrays.toString(Gc.getCount()));
  }
}
