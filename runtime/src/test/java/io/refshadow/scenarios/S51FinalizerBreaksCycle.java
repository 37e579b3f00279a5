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
import static io.refshadow.twin.Py.res;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s51_finalizer_breaks_cycle: objects freed by refcount during finalization are not counted. */
final class S51FinalizerBreaksCycle implements Twin {
  /** {@code __del__}: prints; "a" also breaks the cycle ({@code self.ref = None}). */
  static final class Fin51 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name);
      line(f);
      if (name.equals("a")) {
        putField(this, this.ref = null, Node.REF, f);
        line(f);
        print(f, "a_broke_cycle");
        line(f);
      }
      exit(f);
    }
  }

  static final GcCallback CB = S51FinalizerBreaksCycle::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(f, "cb " + phase + " " + info.get("collected"));
    line(f);
    exit(f);
  }

  static final int A = 1, B = 2, C = 3, D = 4;

  static Fin51 fin(Frame f, int slot, String name) {
    Fin51 n = local(alloc(new Fin51(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    // a = Fin(); a.name = "a" (fin() is these two statements, inlined), and so on
    Fin51 a = fin(f, A, "a");
    Fin51 b = fin(f, B, "b");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    Fin51 c = fin(f, C, "c");
    Fin51 d = fin(f, D, "d");
    putField(c, c.ref = d, Node.REF, f);
    line(f);
    putField(d, d.ref = c, Node.REF, f);
    line(f);
    a = fin(f, A, "a");
    b = fin(f, B, "b");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect_mixed " + Gc.collect());
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
  }
}
