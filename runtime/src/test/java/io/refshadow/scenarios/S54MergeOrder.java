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

/** s54_merge_order: collect(n) appends gen0 then gen1 to generation n's list. */
final class S54MergeOrder implements Twin {
  static Fin fin(Frame f, int slot, String name) {
    Fin n = local(alloc(new Fin(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return n;
  }

  static final int X = 1, Y = 2, Z = 3, P = 4, Q = 5;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin x = fin(f, X, "old2");
    Gc.collect(1);
    line(f);
    Fin y = fin(f, Y, "mid1");
    Gc.collect(0);
    line(f);
    Fin z = fin(f, Z, "young0");
    putField(x, x.ref = y, Fin.REF, f);
    line(f);
    putField(y, y.ref = z, Fin.REF, f);
    line(f);
    putField(z, z.ref = x, Fin.REF, f);
    line(f);
    x = local(null, f, X);
    line(f);
    y = local(null, f, Y);
    line(f);
    z = local(null, f, Z);
    line(f);
    print(f, "collect2 " + Gc.collect(2));
    line(f);
    Fin p = fin(f, P, "p_gen1");
    Gc.collect(0);
    line(f);
    Fin q = fin(f, Q, "q_gen0");
    putField(q, q.ref = p, Fin.REF, f);
    line(f);
    putField(p, p.ref = q, Fin.REF, f);
    line(f);
    p = local(null, f, P);
    line(f);
    q = local(null, f, Q);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
  }
}
