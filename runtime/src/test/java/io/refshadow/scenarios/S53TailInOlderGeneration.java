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

/** s53_tail_in_older_generation: a tail promoted earlier dies by refcount, uncounted. */
final class S53TailInOlderGeneration implements Twin {
  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return ret(n, f);
  }

  static final int TAIL = 1, A = 2, B = 3;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    for (int round = 0; round < 2; round++) {
      String p = round == 0 ? "t" : "u";
      Fin tail = local(res(make(p + "1"), f, 0), f, TAIL);
      line(f);
      putField(tail, tail.ref = res(make(p + "2"), f, 1), Fin.REF, f);
      line(f);
      putField(tail.ref, ((Fin) tail.ref).ref = res(make(p + "3"), f, 1), Fin.REF, f);
      line(f);
      if (round == 0) {
        Gc.collect(0);
        line(f);
      }
      Fin a = local(res(make("a"), f, 0), f, A);
      line(f);
      Fin b = local(res(make("b"), f, 0), f, B);
      line(f);
      putField(a, a.ref = b, Fin.REF, f);
      line(f);
      putField(b, b.ref = a, Fin.REF, f);
      line(f);
      putField(a, a.ref2 = tail, Fin.REF2, f);
      line(f);
      tail = local(null, f, TAIL);
      line(f);
      a = local(null, f, A);
      line(f);
      b = local(null, f, B);
      line(f);
      if (round == 0) {
        print(f, "collect0 " + Gc.collect(0));
        line(f);
        print(f, "collect " + Gc.collect());
        line(f);
        print(f, "---");
        line(f);
      } else {
        print(f, "collect0_all_young " + Gc.collect(0));
        line(f);
      }
    }
  }
}
