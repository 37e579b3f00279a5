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

import io.refshadow.Gc;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s33_weakref_refcount: a weakref callback runs inside the store that frees its referent. */
final class S33WeakrefRefcount implements Twin {
  /** The module global {@code w}, read by the callback. */
  static Weakref<Node> w;

  static final int W = fieldId(S33WeakrefRefcount.class, "w");

  /** {@code def cb(r): print("callback", r is w, r() is None)}. */
  static void cb(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "callback " + py(r == w) + " " + py(res(r.get(), f, 1) == null));
    line(f);
    exit(f);
  }

  static final int X = 1, PLAIN1 = 2, PLAIN2 = 3, W2 = 4, Y = 5, HOLDER = 6, WY = 7;

  @Override
  public void module(Frame f) {
    putStatic(w = null, W, f);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node x = local(alloc(new Node(), f, 0), f, X);
    line(f);
    putField(x, x.name = "x", Node.NAME, f);
    line(f);
    Weakref<Node> plain1 = local(res(Weakref.ref(x), f, 0), f, PLAIN1);
    line(f);
    Weakref<Node> plain2 = local(res(Weakref.ref(x), f, 0), f, PLAIN2);
    line(f);
    print(f, "plain_same " + py(plain1 == plain2));
    line(f);
    putStatic(w = res(Weakref.ref(x, fn(S33WeakrefRefcount::cb, f, 1)), f, 0), W, f);
    line(f);
    Weakref<Node> w2 = local(res(Weakref.ref(x, fn(S33WeakrefRefcount::cb, f, 1)), f, 0), f, W2);
    line(f);
    print(f, "callback_ref_new " + py(w == plain1) + " " + py(w == w2));
    line(f);
    print(f, "alive " + py(res(w.get(), f, 1) == x) + " " + res(plain1.get(), f, 1).name);
    line(f);
    w2 = local(null, f, W2);
    line(f);
    print(f, "before_del");
    line(f);
    x = local(null, f, X);
    line(f);
    print(
        f,
        "after_del " + py(res(w.get(), f, 1) == null) + " " + py(res(plain1.get(), f, 2) == null));
    line(f);
    Node y = local(alloc(new Node(), f, 0), f, Y);
    line(f);
    putField(y, y.name = "y", Node.NAME, f);
    line(f);
    Node holder = local(alloc(new Node(), f, 0), f, HOLDER);
    line(f);
    putField(holder, holder.ref = y, Node.REF, f);
    line(f);
    Weakref<Node> wy = local(res(Weakref.ref(y, fn(S33WeakrefRefcount::cb, f, 1)), f, 0), f, WY);
    line(f);
    y = local(null, f, Y);
    line(f);
    print(f, "still_held " + res(wy.get(), f, 1).name);
    line(f);
    holder = local(null, f, HOLDER);
    line(f);
    print(f, "after_holder " + py(res(wy.get(), f, 1) == null));
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
