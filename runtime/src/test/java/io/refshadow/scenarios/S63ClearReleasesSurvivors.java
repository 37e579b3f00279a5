package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.Sys;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s63_clear_releases_survivors: clearing garbage releases its references to live objects. */
final class S63ClearReleasesSurvivors implements Twin {
  static final int X = 1, A = 2, B = 3;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node x = local(alloc(new Node(), f, 0), f, X);
    line(f);
    putField(x, x.name = "x", Node.NAME, f);
    line(f);
    print(f, "refcount_x " + Sys.getRefcount(x));
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    putField(a, a.ref2 = x, Node.REF2, f);
    line(f);
    putField(b, b.ref2 = x, Node.REF2, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "refcount_x_held_by_garbage " + Sys.getRefcount(x));
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "refcount_x_after_collect " + Sys.getRefcount(x));
    line(f);
  }
}
