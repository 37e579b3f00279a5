package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.GcStats;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;
import java.util.List;

/** s31_get_stats_deltas: get_stats() per generation, as differences between two snapshots. */
final class S31GetStatsDeltas implements Twin {
  static final int S0 = 1,
      A = 2,
      B = 3,
      C = 4,
      D = 5,
      E = 6,
      F = 7,
      G = 8,
      S1 = 9,
      NOW = 10,
      BEFORE = 11;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    List<GcStats> s0 = local(res(Gc.getStats(), f, 0), f, S0);
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, C);
    line(f);
    putField(c, c.ref = c, Node.REF, f);
    line(f);
    print(f, "collect0_live " + Gc.collect(0));
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    Node d = local(alloc(new Node(), f, 0), f, D);
    line(f);
    Node e = local(alloc(new Node(), f, 0), f, E);
    line(f);
    Node ff = local(alloc(new Node(), f, 0), f, F);
    line(f);
    putField(d, d.ref = e, Node.REF, f);
    line(f);
    putField(e, e.ref = ff, Node.REF, f);
    line(f);
    putField(ff, ff.ref = d, Node.REF, f);
    line(f);
    d = local(null, f, D);
    line(f);
    e = local(null, f, E);
    line(f);
    ff = local(null, f, F);
    line(f);
    print(f, "collect2 " + Gc.collect(2));
    line(f);
    print(f, "collect0_empty " + Gc.collect(0));
    line(f);
    Node g = local(alloc(new Node(), f, 0), f, G);
    line(f);
    putField(g, g.ref = g, Node.REF, f);
    line(f);
    g = local(null, f, G);
    line(f);
    print(f, "collect1_young " + Gc.collect(1));
    line(f);
    List<GcStats> s1 = local(res(Gc.getStats(), f, 0), f, S1);
    line(f);
    for (int gen = 0; gen < 3; gen++) {
      GcStats now = local(res(s1.get(gen), f, 0), f, NOW);
      line(f);
      GcStats before = local(res(s0.get(gen), f, 0), f, BEFORE);
      line(f);
      print(
          f,
          "gen "
              + gen
              + " collections "
              + (now.get("collections") - before.get("collections"))
              + " collected "
              + (now.get("collected") - before.get("collected"))
              + " uncollectable "
              + (now.get("uncollectable") - before.get("uncollectable")));
      line(f);
    }
  }
}
