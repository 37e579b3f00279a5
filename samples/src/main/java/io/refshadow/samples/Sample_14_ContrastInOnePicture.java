package io.refshadow.samples;

import io.refshadow.Gc;

/**
 * Sample 14: the contrast in one picture: record a run, then read the report.
 *
 * <p>The other samples show one rule at a time. This one is a small workload to record: in each of
 * 40 rounds it makes 5,000 short-lived objects (Python frees each by refcount at once), 100
 * two-object cycles (only the cycle detector frees them), and keeps 500 objects in a list that
 * grows until the end; at the end it asks the JVM to collect ({@code System.gc()}), so that the
 * JVM's reclaim of the sampled objects is in the recording too. Record it and turn the recording
 * into a report:
 *
 * <pre>
 * ./samples/run 14 jfr=rec.jfr
 * java -jar agent/target/refshadow-agent.jar report rec.jfr -o rec.html
 * </pre>
 *
 * <p>What the report shows. <b>Summary</b>: about 220,000 objects freed by refcount, 8,000 by the
 * cycle detector, precision 100%. <b>Shadow live bytes vs JVM heap used</b>: the bytes Python would
 * hold rise slowly (the kept list grows by 500 objects a round; dead objects never pile up), while
 * the JVM's used heap, read after each of its collections, stands megabytes higher: it also holds
 * the JVM's and refshadow's own objects, so compare how the two lines move more than their heights.
 * <b>Bytes a pymalloc process would hold</b>: a whole 1 MiB arena from the first small object on,
 * above the live bytes (sample 11). <b>Lifetimes</b> and <b>drag</b>: most sampled objects live
 * microseconds under Python's rules, yet the JVM reclaims them up to seconds later, at its next
 * collection; that delay is the drag. <b>Top cycle-forming types</b>: {@code Pair.partner -> Pair},
 * 8,000 objects in 4,000 cycles, one of them drawn. <b>Cycle detector runs</b>: the automatic
 * collections of generation 0, each finding about 350 cycles.
 *
 * <p>Run: {@code ./samples/run 14 jfr=rec.jfr}
 */
public class Sample_14_ContrastInOnePicture {
  static final int ROUNDS = 40;
  static final int SHORT_LIVED = 5_000;
  static final int CYCLES = 100;
  static final int KEPT = 500;

  /** An object of a two-object cycle. */
  static final class Pair {
    Pair partner;
  }

  /** A short-lived or kept object. */
  static final class Item {
    final int value;

    Item(int value) {
      this.value = value;
    }
  }

  static long shortLived(int n) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      Item item = new Item(i); // freed by refcount when the next one takes its name
      total += item.value;
    }
    return total;
  }

  static void makeCycle() {
    Pair a = new Pair();
    Pair b = new Pair();
    a.partner = b;
    b.partner = a;
  }

  public static void main(String[] args) throws InterruptedException {
    Item[] kept = new Item[ROUNDS * KEPT];
    for (int round = 0; round < ROUNDS; round++) {
      shortLived(SHORT_LIVED);
      for (int i = 0; i < CYCLES; i++) {
        makeCycle();
      }
      for (int i = 0; i < KEPT; i++) {
        kept[round * KEPT + i] = new Item(i);
      }
      Thread.sleep(25); // time for the periodic summaries to draw the lines
    }
    Gc.collect();
    for (int i = 0; i < 3; i++) {
      System.gc(); // the JVM's own collections: when it reclaims what Python freed long before
      Thread.sleep(100);
    }
    System.out.println(
        "made "
            + ROUNDS * SHORT_LIVED
            + " short-lived objects, "
            + ROUNDS * CYCLES
            + " two-object cycles, and kept "
            + kept.length
            + " objects");
  }
}
