package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;
import static io.refshadow.twin.Py.ret;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s27_refcount_chain_order: refcount freeing finalizes depth first, slots in order. */
final class S27RefcountChainOrder implements Twin {
  static final int A = 1, R = 2, P = 3, Q = 4;

  /** {@code def make(name): n = Fin(); n.name = name; return n}. */
  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return ret(n, f);
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin a = local(res(make("a"), f, 0), f, A);
    line(f);
    putField(a, a.ref = res(make("b"), f, 1), Fin.REF, f);
    line(f);
    putField(a.ref, ((Fin) a.ref).ref = res(make("c"), f, 1), Fin.REF, f);
    line(f);
    print(f, "before_del_a");
    line(f);
    a = local(null, f, A);
    line(f);
    print(f, "after_del_a");
    line(f);
    Fin r = local(res(make("r"), f, 0), f, R);
    line(f);
    putField(r, r.ref = res(make("x"), f, 1), Fin.REF, f);
    line(f);
    putField(r.ref, ((Fin) r.ref).ref = res(make("x1"), f, 1), Fin.REF, f);
    line(f);
    putField(r.ref, ((Fin) r.ref).ref2 = res(make("x2"), f, 1), Fin.REF2, f);
    line(f);
    putField(r, r.ref2 = res(make("y"), f, 1), Fin.REF2, f);
    line(f);
    print(f, "before_del_r");
    line(f);
    r = local(null, f, R);
    line(f);
    print(f, "after_del_r");
    line(f);
    Fin p = local(res(make("p"), f, 0), f, P);
    line(f);
    Fin q = local(res(make("q"), f, 0), f, Q);
    line(f);
    putField(p, p.ref = q, Fin.REF, f);
    line(f);
    q = local(null, f, Q);
    line(f);
    print(f, "drop_p_keeps_nothing");
    line(f);
    p = local(null, f, P);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
