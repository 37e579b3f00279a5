package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
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

/** s60_auto_collect_garbage: each automatic collection frees exactly one round's garbage. */
final class S60AutoCollectGarbage implements Twin {
  /** The module global {@code r} (the round), read by the callback. */
  static int r = -1;

  static final GcCallback CB = S60AutoCollectGarbage::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(
        f,
        "cb "
            + phase
            + " gen "
            + info.get("generation")
            + " collected "
            + info.get("collected")
            + " round "
            + r);
    line(f);
    exit(f);
  }

  /** {@code def garbage(): x = Node(); x.ref = x}. */
  static void garbage() {
    Frame f = enter(1);
    Node x = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    putField(x, x.ref = x, Node.REF, f);
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    Object[] keep = local(alloc(new Object[50], f, 0), f, 1);
    line(f);
    Gc.disable();
    line(f);
    Gc.setThreshold(10, 3, 1000);
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    r = -1;
    int k = 0;
    Gc.enable();
    line(f);
    for (r = 0; r < 8; r++) {
      for (int j = 0; j < 6; j++) {
        garbage();
        line(f);
      }
      for (int j = 0; j < 5; j++) {
        arrayStore(keep, k, alloc(new Node(), f, 2), f);
        line(f);
        k += 1;
      }
    }
    r = 7; // Python's loop variable keeps its last value
    Gc.disable();
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    int[] c = local(res(Gc.getCount(), f, 0), f, 2);
    line(f);
    print(f, "count " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
