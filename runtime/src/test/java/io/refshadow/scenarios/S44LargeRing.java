package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s44_large_ring: a 1000-node ring is one cycle (1000 collected); a 1000-node chain is not. */
final class S44LargeRing implements Twin {
  static final int FIRST = 1, PREV = 2, N = 3, W = 4;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node first = local(alloc(new Node(), f, 0), f, FIRST);
    line(f);
    Node prev = local(first, f, PREV);
    line(f);
    Node n = null;
    for (int i = 0; i < 999; i++) {
      n = local(alloc(new Node(), f, 0), f, N);
      line(f);
      putField(prev, prev.ref = n, Node.REF, f);
      line(f);
      prev = local(n, f, PREV);
      line(f);
    }
    putField(prev, prev.ref = first, Node.REF, f);
    line(f);
    Weakref<Node> w = local(res(Weakref.ref(first), f, 0), f, W);
    line(f);
    n = local(null, f, N);
    line(f);
    prev = local(null, f, PREV);
    line(f);
    first = local(null, f, FIRST);
    line(f);
    print(f, "alive_after_drop " + py(res(w.get(), f, 1) != null));
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "alive_after_collect " + py(res(w.get(), f, 1) != null));
    line(f);
    first = local(alloc(new Node(), f, 0), f, FIRST);
    line(f);
    prev = local(first, f, PREV);
    line(f);
    for (int i = 0; i < 999; i++) {
      n = local(alloc(new Node(), f, 0), f, N);
      line(f);
      putField(prev, prev.ref = n, Node.REF, f);
      line(f);
      prev = local(n, f, PREV);
      line(f);
    }
    n = local(null, f, N);
    line(f);
    prev = local(null, f, PREV);
    line(f);
    w = local(res(Weakref.ref(first), f, 0), f, W);
    line(f);
    first = local(null, f, FIRST);
    line(f);
    print(f, "chain_alive_after_drop " + py(res(w.get(), f, 1) != null));
    line(f);
    print(f, "collect_chain " + Gc.collect());
    line(f);
  }
}
