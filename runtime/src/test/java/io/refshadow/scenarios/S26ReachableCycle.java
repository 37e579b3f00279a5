package io.refshadow.scenarios;

import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s26_reachable_cycle: a cycle reachable from a live holder or list element survives collect(). */
final class S26ReachableCycle implements Twin {
  static final int HOLDER = 1, A = 2, B = 3, LST = 4, C = 5, D = 6;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin holder = local(alloc(new Fin(), f, 0), f, HOLDER);
    line(f);
    putField(holder, holder.name = "holder", Fin.NAME, f);
    line(f);
    Fin a = local(alloc(new Fin(), f, 0), f, A);
    line(f);
    putField(a, a.name = "a", Fin.NAME, f);
    line(f);
    Fin b = local(alloc(new Fin(), f, 0), f, B);
    line(f);
    putField(b, b.name = "b", Fin.NAME, f);
    line(f);
    putField(a, a.ref = b, Fin.REF, f);
    line(f);
    putField(b, b.ref = a, Fin.REF, f);
    line(f);
    putField(holder, holder.ref = a, Fin.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect_reachable " + Gc.collect());
    line(f);
    print(f, "collect_again " + Gc.collect());
    line(f);
    putField(holder, holder.ref = null, Fin.REF, f);
    line(f);
    print(f, "collect_unlinked " + Gc.collect());
    line(f);
    Object[] lst = local(alloc(new Object[1], f, 0), f, LST);
    line(f);
    Fin c = local(alloc(new Fin(), f, 0), f, C);
    line(f);
    putField(c, c.name = "c", Fin.NAME, f);
    line(f);
    Fin d = local(alloc(new Fin(), f, 0), f, D);
    line(f);
    putField(d, d.name = "d", Fin.NAME, f);
    line(f);
    putField(c, c.ref = d, Fin.REF, f);
    line(f);
    putField(d, d.ref = c, Fin.REF, f);
    line(f);
    arrayStore(lst, 0, d, f);
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect_in_list " + Gc.collect());
    line(f);
    arrayStore(lst, 0, null, f);
    line(f);
    print(f, "collect_list_cleared " + Gc.collect());
    line(f);
    holder = local(null, f, HOLDER);
    line(f);
    print(f, "end");
    line(f);
  }
}
