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

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s62_refcount_garbage_no_auto_gc: refcount frees give gen0's count back. */
final class S62RefcountGarbageNoAutoGc implements Twin {
  /** The module global {@code collections}. */
  static int collections;

  static final GcCallback CB = S62RefcountGarbageNoAutoGc::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    if (phase.equals("stop")) {
      collections += 1;
      line(f);
    }
    exit(f);
  }

  @Override
  public void module(Frame f) {
    collections = 0;
    Gc.disable();
    line(f);
    Gc.setThreshold(10);
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Gc.enable();
    line(f);
    Node n = null;
    for (int i = 0; i < 1000; i++) {
      n = local(alloc(new Node(), f, 0), f, 1);
      line(f);
      putField(n, n.ref = alloc(new Node(), f, 1), Node.REF, f);
      line(f);
      putField(n.ref, ((Node) n.ref).ref = alloc(new Node(), f, 1), Node.REF, f);
      line(f);
    }
    n = local(null, f, 1);
    line(f);
    Gc.disable();
    line(f);
    print(f, "acyclic_loop_collections " + collections);
    line(f);
    Gc.enable();
    line(f);
    for (int i = 0; i < 115; i++) {
      n = local(alloc(new Node(), f, 0), f, 1);
      line(f);
      putField(n, n.ref = n, Node.REF, f);
      line(f);
    }
    n = local(null, f, 1);
    line(f);
    Gc.disable();
    line(f);
    print(f, "cyclic_loop_collections " + collections);
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    Gc.setThreshold(700, 10, 10);
    line(f);
  }
}
