package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s04_refcount_only: acyclic pairs are freed by refcount; nothing is left for collect(). */
final class S04RefcountOnly implements Twin {
  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node n = null;
    for (int i = 0; i < 100; i++) {
      n = local(alloc(new Node(), f, 0), f, 1);
      line(f);
      putField(n, n.ref = alloc(new Node(), f, 1), Node.REF, f);
      line(f);
    }
    n = local(null, f, 1);
    line(f);
    print(f, "count " + res(Gc.getCount(), f, 1)[0]);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
