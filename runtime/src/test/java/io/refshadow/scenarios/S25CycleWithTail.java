package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s25_cycle_with_tail: what only an unreachable cycle reaches is unreachable too. */
final class S25CycleWithTail implements Twin {
  static final int A = 1, B = 2, T1 = 3, T2 = 4, T3 = 5, KEEP = 6;

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
    Node t1 = local(alloc(new Node(), f, 0), f, T1);
    line(f);
    Node t2 = local(alloc(new Node(), f, 0), f, T2);
    line(f);
    Node t3 = local(alloc(new Node(), f, 0), f, T3);
    line(f);
    putField(a, a.ref2 = t1, Node.REF2, f);
    line(f);
    putField(t1, t1.ref = t2, Node.REF, f);
    line(f);
    putField(t2, t2.ref = t3, Node.REF, f);
    line(f);
    t1 = local(null, f, T1);
    line(f);
    t2 = local(null, f, T2);
    line(f);
    t3 = local(null, f, T3);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    t1 = local(alloc(new Node(), f, 0), f, T1);
    line(f);
    t2 = local(alloc(new Node(), f, 0), f, T2);
    line(f);
    t3 = local(alloc(new Node(), f, 0), f, T3);
    line(f);
    putField(a, a.ref2 = t1, Node.REF2, f);
    line(f);
    putField(t1, t1.ref = t2, Node.REF, f);
    line(f);
    putField(t2, t2.ref = t3, Node.REF, f);
    line(f);
    Node keep = local(t2, f, KEEP);
    line(f);
    t1 = local(null, f, T1);
    line(f);
    t2 = local(null, f, T2);
    line(f);
    t3 = local(null, f, T3);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect_with_live_t2 " + Gc.collect());
    line(f);
    print(f, "kept_t3 " + py(keep.ref != null));
    line(f);
    keep = local(null, f, KEEP);
    line(f);
    print(f, "collect_after " + Gc.collect());
    line(f);
  }
}
