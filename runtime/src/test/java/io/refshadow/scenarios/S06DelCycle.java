package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.pyList;
import static io.refshadow.twin.Py.res;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** s06_del_cycle: a 2-cycle with finalizers is collected, both finalizers run, no gc.garbage. */
final class S06DelCycle implements Twin {
  /** The module global {@code order = []} (a list of strings). */
  static final List<String> ORDER = Collections.synchronizedList(new ArrayList<>());

  /** {@code class Fin} whose {@code __del__} appends its name to {@code order}. */
  static final class Fin06 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      ORDER.add(name);
      called(f, 0);
      line(f);
      exit(f);
    }
  }

  @Override
  public void module(Frame f) {
    ORDER.clear();
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin06 a = local(alloc(new Fin06(), f, 0), f, 1);
    line(f);
    putField(a, a.name = "a", Node.NAME, f);
    line(f);
    Fin06 b = local(alloc(new Fin06(), f, 0), f, 2);
    line(f);
    putField(b, b.name = "b", Node.NAME, f);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, 1);
    line(f);
    b = local(null, f, 2);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    List<String> sorted = new ArrayList<>(ORDER);
    Collections.sort(sorted);
    print(f, "finalized " + pyList(sorted));
    line(f);
    print(f, "garbage " + res(Gc.garbage(), f, 1).size());
    line(f);
  }
}
