package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s65_finalizers_see_intact_cycle: every finalizer runs before anything is cleared. */
final class S65FinalizersSeeIntactCycle implements Twin {
  /** {@code __del__}: prints its two successors' names. */
  static final class Fin65 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(
          f,
          "del "
              + name
              + " next "
              + ((Node) ref).name
              + " next_next "
              + ((Node) ((Node) ref).ref).name);
      line(f);
      exit(f);
    }
  }

  static Fin65 fin(Frame f, int slot, String name) {
    Fin65 n = local(alloc(new Fin65(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2, C = 3;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin65 a = fin(f, A, "a");
    Fin65 b = fin(f, B, "b");
    Fin65 c = fin(f, C, "c");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = c, Node.REF, f);
    line(f);
    putField(c, c.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
