package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.putStatic;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.fieldId;
import static io.refshadow.twin.Py.fn;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s49_weakref_vs_del_order: refcount runs __del__ then callbacks; gc runs callbacks first. */
final class S49WeakrefVsDelOrder implements Twin {
  /** The module global {@code w}, read by the finalizer. */
  static Weakref<Fin49> w;

  static final int W = fieldId(S49WeakrefVsDelOrder.class, "w");

  /** {@code __del__}: {@code print("del", self.name, "weakref_dead", w() is None)}. */
  static final class Fin49 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name + " weakref_dead " + py(res(w.get(), f, 1) == null));
      line(f);
      exit(f);
    }
  }

  static void cb(Weakref<Fin49> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "weakref_callback");
    line(f);
    exit(f);
  }

  static final int X = 1, A = 2, B = 3;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin49 x = local(alloc(new Fin49(), f, 0), f, X);
    line(f);
    putField(x, x.name = "refcounted", Node.NAME, f);
    line(f);
    putStatic(w = res(Weakref.ref(x, fn(S49WeakrefVsDelOrder::cb, f, 1)), f, 0), W, f);
    line(f);
    x = local(null, f, X);
    line(f);
    print(f, "---");
    line(f);
    Fin49 a = local(alloc(new Fin49(), f, 0), f, A);
    line(f);
    putField(a, a.name = "a", Node.NAME, f);
    line(f);
    Fin49 b = local(alloc(new Fin49(), f, 0), f, B);
    line(f);
    putField(b, b.name = "b", Node.NAME, f);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    putStatic(w = res(Weakref.ref(a, fn(S49WeakrefVsDelOrder::cb, f, 1)), f, 0), W, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
