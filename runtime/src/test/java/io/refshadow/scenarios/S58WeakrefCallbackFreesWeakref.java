package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.putStatic;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.fieldId;
import static io.refshadow.twin.Py.fn;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s58_weakref_callback_frees_weakref: a weakref that dies in its own callback is counted. */
final class S58WeakrefCallbackFreesWeakref implements Twin {
  /** The module global {@code w}. */
  static Weakref<Node> w;

  static final int W = fieldId(S58WeakrefCallbackFreesWeakref.class, "w");

  /** {@code def cb_drop(r): global w; print("callback_drops_weakref"); w = None}. */
  static void cbDrop(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "callback_drops_weakref");
    line(f);
    putStatic(w = null, W, f);
    line(f);
    exit(f);
  }

  static void cbKeep(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "callback_keeps_weakref");
    line(f);
    exit(f);
  }

  static final GcCallback INFO = S58WeakrefCallbackFreesWeakref::info;

  static void info(String phase, GcInfo i) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(i, f, 1);
    print(f, "cb " + phase + " " + i.get("collected"));
    line(f);
    exit(f);
  }

  static final int A = 1, B = 2;

  @Override
  public void module(Frame f) {
    putStatic(w = null, W, f);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(INFO);
    called(f, 0);
    line(f);
    for (int round = 0; round < 2; round++) {
      Node a = local(alloc(new Node(), f, 0), f, A);
      line(f);
      Node b = local(alloc(new Node(), f, 0), f, B);
      line(f);
      putField(a, a.ref = b, Node.REF, f);
      line(f);
      putField(b, b.ref = a, Node.REF, f);
      line(f);
      if (round == 0) {
        putStatic(
            w = res(Weakref.ref(a, fn(S58WeakrefCallbackFreesWeakref::cbDrop, f, 1)), f, 0), W, f);
      } else {
        putStatic(
            w = res(Weakref.ref(a, fn(S58WeakrefCallbackFreesWeakref::cbKeep, f, 1)), f, 0), W, f);
      }
      line(f);
      a = local(null, f, A);
      line(f);
      b = local(null, f, B);
      line(f);
      print(f, "collect " + Gc.collect());
      line(f);
    }
    res(Gc.callbacks(), f, 0).remove(INFO);
    called(f, 0);
    line(f);
  }
}
