package twins;

import io.refshadow.Gc;
import io.refshadow.GcStats;
import java.util.List;

/** Twin of s31_get_stats_deltas.py: get_stats() per generation, as deltas. */
public class S31GetStatsDeltas {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static List<GcStats> s0, s1;
  static Node a, b, c, d, e, f, g;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    s0 = Gc.getStats();
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("collect0 " + Gc.collect(0));
    c = new Node();
    c.ref = c;
    System.out.println("collect0_live " + Gc.collect(0));
    c = null;
    System.out.println("collect1 " + Gc.collect(1));
    d = new Node();
    e = new Node();
    f = new Node();
    d.ref = e;
    e.ref = f;
    f.ref = d;
    d = null;
    e = null;
    f = null;
    System.out.println("collect2 " + Gc.collect(2));
    System.out.println("collect0_empty " + Gc.collect(0));
    g = new Node();
    g.ref = g;
    g = null;
    System.out.println("collect1_young " + Gc.collect(1));
    s1 = Gc.getStats();
    for (int gen = 0; gen < 3; gen++) {
      System.out.println(
          "gen "
              + gen
              + " collections "
              + (s1.get(gen).collections() - s0.get(gen).collections())
              + " collected "
              + (s1.get(gen).collected() - s0.get(gen).collected())
              + " uncollectable "
              + (s1.get(gen).uncollectable() - s0.get(gen).uncollectable()));
    }
  }
}
