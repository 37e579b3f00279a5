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

/** s50_resurrect_weakref_cleared: gc clears weakrefs before finalizers; refcount after them. */
final class S50ResurrectWeakrefCleared implements Twin {
  /** The module global {@code saved}. */
  static Fin50 saved;

  static final int SAVED = fieldId(S50ResurrectWeakrefCleared.class, "saved");

  /** {@code __del__}: prints and stores itself in {@code saved}. */
  static final class Fin50 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name);
      line(f);
      putStatic(saved = this, SAVED, f);
      line(f);
      exit(f);
    }
  }

  static void cb(Weakref<Fin50> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "weakref_callback");
    line(f);
    exit(f);
  }

  static final int A = 1, W = 2, W2 = 3, X = 4;

  @Override
  public void module(Frame f) {
    putStatic(saved = null, SAVED, f);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin50 a = local(alloc(new Fin50(), f, 0), f, A);
    line(f);
    putField(a, a.name = "cyclic", Node.NAME, f);
    line(f);
    putField(a, a.ref = a, Node.REF, f);
    line(f);
    Weakref<Fin50> w =
        local(res(Weakref.ref(a, fn(S50ResurrectWeakrefCleared::cb, f, 1)), f, 0), f, W);
    line(f);
    a = local(null, f, A);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "saved " + saved.name + " old_weakref_dead " + py(res(w.get(), f, 1) == null));
    line(f);
    Weakref<Fin50> w2 = local(res(Weakref.ref(saved), f, 0), f, W2);
    line(f);
    print(f, "new_weakref_alive " + py(res(w2.get(), f, 1) == saved));
    line(f);
    putStatic(saved = null, SAVED, f);
    line(f);
    print(f, "collect_again " + Gc.collect());
    line(f);
    print(f, "new_weakref_dead " + py(res(w2.get(), f, 1) == null));
    line(f);
    print(f, "---");
    line(f);
    Fin50 x = local(alloc(new Fin50(), f, 0), f, X);
    line(f);
    putField(x, x.name = "refcounted", Node.NAME, f);
    line(f);
    w = local(res(Weakref.ref(x, fn(S50ResurrectWeakrefCleared::cb, f, 1)), f, 0), f, W);
    line(f);
    x = local(null, f, X);
    line(f);
    print(f, "saved " + saved.name + " weakref_alive " + py(res(w.get(), f, 1) == saved));
    line(f);
    putStatic(saved = null, SAVED, f);
    line(f);
    print(f, "dropped");
    line(f);
    print(f, "weakref_dead " + py(res(w.get(), f, 1) == null));
    line(f);
  }
}
