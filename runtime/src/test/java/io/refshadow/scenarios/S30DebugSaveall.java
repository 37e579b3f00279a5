package io.refshadow.scenarios;

import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;
import java.util.List;

/** s30_debug_saveall: DEBUG_SAVEALL keeps the garbage in gc.garbage instead of clearing it. */
final class S30DebugSaveall implements Twin {
  static final int A = 1, B = 2, C = 3, GARBAGE = 4, O = 5;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Gc.setDebug(Gc.DEBUG_SAVEALL);
    line(f);
    print(f, "debug " + py(Gc.getDebug() == Gc.DEBUG_SAVEALL));
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
    putField(c, c.ref = c, Fin.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "garbage_len " + res(Gc.garbage(), f, 1).size());
    line(f);
    // for o in gc.garbage: print("garbage", o.name, o.ref.name)
    List<Object> garbage = local(res(Gc.garbage(), f, 0), f, GARBAGE);
    line(f);
    Fin o = null;
    for (int i = 0; i < garbage.size(); i++) {
      o = local((Fin) res(garbage.get(i), f, 0), f, O);
      line(f);
      print(f, "garbage " + o.name + " " + ((Fin) o.ref).name);
      line(f);
    }
    garbage = local(null, f, GARBAGE); // the loop's iterator is gone
    line(f);
    o = local(null, f, O);
    line(f);
    print(f, "collect_again " + Gc.collect());
    line(f);
    print(f, "garbage_len " + res(Gc.garbage(), f, 1).size());
    line(f);
    Gc.setDebug(0);
    line(f);
    res(Gc.garbage(), f, 0).clear();
    called(f, 0);
    line(f);
    print(f, "cleared");
    line(f);
    print(f, "collect_after_clear " + Gc.collect());
    line(f);
    print(f, "garbage_len " + res(Gc.garbage(), f, 1).size());
    line(f);
  }
}
