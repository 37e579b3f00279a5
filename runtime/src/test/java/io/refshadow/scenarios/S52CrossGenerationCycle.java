package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;
import java.util.List;

/** s52_cross_generation_cycle: a garbage cycle spanning gen1 and gen0 survives collect(0). */
final class S52CrossGenerationCycle implements Twin {
  /** {@code def gen_of(name)}: the generation holding the Fin called {@code name}, or -1. */
  static int genOf(String name) {
    Frame f = enter(3);
    arg(name, f, 0);
    for (int g = 0; g < 3; g++) {
      List<Object> objs = local(res(Gc.getObjects(g), f, 0), f, 1);
      line(f);
      for (int i = 0; i < objs.size(); i++) {
        Object o = local(res(objs.get(i), f, 0), f, 2);
        line(f);
        if (o instanceof Fin && ((Fin) o).name.equals(name)) {
          exit(f);
          return g;
        }
      }
    }
    exit(f);
    return -1;
  }

  static Fin fin(Frame f, int slot, String name) {
    Fin n = local(alloc(new Fin(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2, C = 3, D = 4;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin a = fin(f, A, "a");
    Gc.collect(0);
    line(f);
    Fin b = fin(f, B, "b");
    putField(a, a.ref = b, Fin.REF, f);
    line(f);
    putField(b, b.ref = a, Fin.REF, f);
    line(f);
    print(f, "gens " + genOf("a") + " " + genOf("b"));
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
    Fin c = fin(f, C, "c");
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    putField(c, c.ref = c, Fin.REF, f);
    line(f);
    Gc.collect(1);
    line(f);
    Fin d = fin(f, D, "d");
    putField(d, d.ref = c, Fin.REF, f);
    line(f);
    putField(c, c.ref2 = d, Fin.REF2, f);
    line(f);
    Gc.collect(0);
    line(f);
    print(f, "gens " + genOf("c") + " " + genOf("d"));
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    print(f, "collect2 " + Gc.collect(2));
    line(f);
  }
}
