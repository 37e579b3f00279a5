package io.refshadow.scenarios;

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
import java.util.List;

/** s55_move_unreachable_reorder: a rescued object moves to the end of the young list. */
final class S55MoveUnreachableReorder implements Twin {
  /** {@code def names(gen)}: the names of the Fin objects in generation {@code gen}. */
  static String names(int gen) {
    Frame f = enter(4);
    String s = local("", f, 0);
    line(f);
    List<Object> objs = local(res(Gc.getObjects(gen), f, 0), f, 1);
    line(f);
    for (int i = 0; i < objs.size(); i++) {
      Object o = local(res(objs.get(i), f, 0), f, 2);
      line(f);
      if (o instanceof Fin) {
        s = local(s + " " + ((Fin) o).name, f, 0);
        line(f);
      }
    }
    return ret(s, f);
  }

  static Fin fin(Frame f, int slot, String name) {
    Fin n = local(alloc(new Fin(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2, C = 3, X = 4, Y = 5;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin a = fin(f, A, "a");
    Fin b = fin(f, B, "b");
    Fin c = fin(f, C, "c");
    putField(b, b.ref = c, Fin.REF, f);
    line(f);
    putField(c, c.ref = a, Fin.REF, f);
    line(f);
    putField(a, a.ref = b, Fin.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "gen0" + res(names(0), f, 1));
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
    print(f, "gen1" + res(names(1), f, 1));
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    print(f, "---");
    line(f);
    Fin x = fin(f, X, "x");
    Fin y = fin(f, Y, "y");
    putField(x, x.ref = y, Fin.REF, f);
    line(f);
    putField(y, y.ref = x, Fin.REF, f);
    line(f);
    y = local(null, f, Y);
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
    print(f, "gen1" + res(names(1), f, 1));
    line(f);
    x = local(null, f, X);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
  }
}
