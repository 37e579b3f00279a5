package io.refshadow.scenarios;

import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s45_many_small_cycles: 100 two-node cycles count 200; half kept by a list. */
final class S45ManySmallCycles implements Twin {
  static final int KEEP = 1, A = 2, B = 3;

  @Override
  public void module(Frame f) {
    Object[] keep = local(alloc(new Object[50], f, 0), f, KEEP);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node a = null;
    Node b = null;
    for (int i = 0; i < 100; i++) {
      a = local(alloc(new Node(), f, 0), f, A);
      line(f);
      b = local(alloc(new Node(), f, 0), f, B);
      line(f);
      putField(a, a.ref = b, Node.REF, f);
      line(f);
      putField(b, b.ref = a, Node.REF, f);
      line(f);
    }
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    for (int i = 0; i < 100; i++) {
      a = local(alloc(new Node(), f, 0), f, A);
      line(f);
      b = local(alloc(new Node(), f, 0), f, B);
      line(f);
      putField(a, a.ref = b, Node.REF, f);
      line(f);
      putField(b, b.ref = a, Node.REF, f);
      line(f);
      if (i % 2 == 0) {
        arrayStore(keep, i / 2, a, f);
        line(f);
      }
    }
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect_half_kept " + Gc.collect());
    line(f);
    for (int i = 0; i < 50; i++) {
      arrayStore(keep, i, null, f);
      line(f);
    }
    print(f, "collect_rest " + Gc.collect());
    line(f);
  }
}
