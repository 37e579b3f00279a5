package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s37_freeze: frozen garbage is ignored by collect() until unfreeze(). */
final class S37Freeze implements Twin {
  static final int A = 1, B = 2, C = 3, D = 4;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
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
    Fin c = local(alloc(new Fin(), f, 0), f, C);
    line(f);
    putField(c, c.name = "c", Fin.NAME, f);
    line(f);
    Gc.freeze();
    line(f);
    print(f, "frozen " + py(Gc.getFreezeCount() > 0));
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect_frozen " + Gc.collect());
    line(f);
    print(f, "collect0_frozen " + Gc.collect(0));
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "refcount_freed_frozen");
    line(f);
    Fin d = local(alloc(new Fin(), f, 0), f, D);
    line(f);
    putField(d, d.name = "d", Fin.NAME, f);
    line(f);
    putField(d, d.ref = d, Fin.REF, f);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect_unfrozen_new " + Gc.collect());
    line(f);
    Gc.unfreeze();
    line(f);
    print(f, "freeze_count " + Gc.getFreezeCount());
    line(f);
    print(f, "collect0_after_unfreeze " + Gc.collect(0));
    line(f);
    print(f, "collect_after_unfreeze " + Gc.collect());
    line(f);
  }
}
