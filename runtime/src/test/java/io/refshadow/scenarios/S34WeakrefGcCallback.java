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

/** s34_weakref_gc_callback: gc calls back only weakrefs that are themselves reachable. */
final class S34WeakrefGcCallback implements Twin {
  /** The module global {@code reachable_w}, read by the callback. */
  static Weakref<Node> reachableW;

  static final int REACHABLE_W = fieldId(S34WeakrefGcCallback.class, "reachableW");

  /** {@code def cb(r): print("callback", r is reachable_w)}. */
  static void cb(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "callback " + py(r == reachableW));
    line(f);
    exit(f);
  }

  static final int A = 1, B = 2, C = 3, KEEP = 4, D = 5;

  @Override
  public void module(Frame f) {
    putStatic(reachableW = null, REACHABLE_W, f);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    putField(a, a.name = "a", Node.NAME, f);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(b, b.name = "b", Node.NAME, f);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    putStatic(
        reachableW = res(Weakref.ref(a, fn(S34WeakrefGcCallback::cb, f, 1)), f, 0), REACHABLE_W, f);
    line(f);
    putField(
        a, a.ref2 = res(Weakref.ref(b, fn(S34WeakrefGcCallback::cb, f, 2)), f, 1), Node.REF2, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "before_collect " + py(res(reachableW.get(), f, 1) != null));
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "after_collect " + py(res(reachableW.get(), f, 1) == null));
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, C);
    line(f);
    putField(c, c.name = "c", Node.NAME, f);
    line(f);
    putField(c, c.ref = c, Node.REF, f);
    line(f);
    Weakref<Node> keep = local(res(Weakref.ref(c), f, 0), f, KEEP);
    line(f);
    Node d = local(alloc(new Node(), f, 0), f, D);
    line(f);
    putField(d, d.name = "d", Node.NAME, f);
    line(f);
    putField(d, d.ref = d, Node.REF, f);
    line(f);
    putField(
        d, d.ref2 = res(Weakref.ref(c, fn(S34WeakrefGcCallback::cb, f, 2)), f, 1), Node.REF2, f);
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "keep_cleared " + py(res(keep.get(), f, 1) == null));
    line(f);
  }
}
