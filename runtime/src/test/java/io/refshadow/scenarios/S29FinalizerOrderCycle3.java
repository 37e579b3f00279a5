package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s29_finalizer_order_cycle3: finalizers of a fresh cycle run in allocation order. */
final class S29FinalizerOrderCycle3 implements Twin {
  static final int X0 = 1, X1 = 2, X2 = 3;

  static Fin fin(Frame f, int slot, String name) {
    Fin n = local(alloc(new Fin(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return n;
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    // n2 = Fin(); n2.name = "n2"; n0 = ...; n1 = ... (fin() is the two statements, inlined)
    Fin n2 = fin(f, X2, "n2");
    Fin n0 = fin(f, X0, "n0");
    Fin n1 = fin(f, X1, "n1");
    putField(n0, n0.ref = n1, Fin.REF, f);
    line(f);
    putField(n1, n1.ref = n2, Fin.REF, f);
    line(f);
    putField(n2, n2.ref = n0, Fin.REF, f);
    line(f);
    n0 = local(null, f, X0);
    line(f);
    n1 = local(null, f, X1);
    line(f);
    n2 = local(null, f, X2);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    Fin m2 = fin(f, X2, "m2");
    Fin m0 = fin(f, X0, "m0");
    Fin m1 = fin(f, X1, "m1");
    putField(m0, m0.ref = m2, Fin.REF, f);
    line(f);
    putField(m2, m2.ref = m1, Fin.REF, f);
    line(f);
    putField(m1, m1.ref = m0, Fin.REF, f);
    line(f);
    m1 = local(null, f, X1);
    line(f);
    m0 = local(null, f, X0);
    line(f);
    m2 = local(null, f, X2);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
