package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s23_collect_generations: collect(n) examines generations 0..n only. */
final class S23CollectGenerations implements Twin {
  /** Slots of the module frame for a..i. */
  static final int A = 1, B = 2, C = 3, D = 4, E = 5, F = 6, G = 7, H = 8, I = 9;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
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
    print(f, "young_garbage collect0 " + Gc.collect(0));
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, C);
    line(f);
    Node d = local(alloc(new Node(), f, 0), f, D);
    line(f);
    putField(c, c.ref = d, Node.REF, f);
    line(f);
    putField(d, d.ref = c, Node.REF, f);
    line(f);
    print(f, "live collect0 " + Gc.collect(0));
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "gen1_garbage collect0 " + Gc.collect(0));
    line(f);
    print(f, "gen1_garbage collect1 " + Gc.collect(1));
    line(f);
    Node e = local(alloc(new Node(), f, 0), f, E);
    line(f);
    Node ff = local(alloc(new Node(), f, 0), f, F);
    line(f);
    putField(e, e.ref = ff, Node.REF, f);
    line(f);
    putField(ff, ff.ref = e, Node.REF, f);
    line(f);
    print(f, "live collect1 " + Gc.collect(1));
    line(f);
    e = local(null, f, E);
    line(f);
    ff = local(null, f, F);
    line(f);
    print(f, "gen2_garbage collect0 " + Gc.collect(0));
    line(f);
    print(f, "gen2_garbage collect1 " + Gc.collect(1));
    line(f);
    print(f, "gen2_garbage collect2 " + Gc.collect(2));
    line(f);
    Node g = local(alloc(new Node(), f, 0), f, G);
    line(f);
    Node h = local(alloc(new Node(), f, 0), f, H);
    line(f);
    putField(g, g.ref = h, Node.REF, f);
    line(f);
    putField(h, h.ref = g, Node.REF, f);
    line(f);
    print(f, "live collect " + Gc.collect());
    line(f);
    g = local(null, f, G);
    line(f);
    h = local(null, f, H);
    line(f);
    print(f, "gen2_garbage collect " + Gc.collect());
    line(f);
    Node i = local(alloc(new Node(), f, 0), f, I);
    line(f);
    putField(i, i.ref = i, Node.REF, f);
    line(f);
    print(f, "live kw_collect1 " + Gc.collect(1));
    line(f);
    i = local(null, f, I);
    line(f);
    print(f, "gen2_garbage kw_collect1 " + Gc.collect(1));
    line(f);
    print(f, "nothing_left " + Gc.collect());
    line(f);
  }
}
