package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
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

/**
 * s22_auto_gen2_long_lived: an automatic gen2 collection also needs long_lived_pending >=
 * long_lived_total / 4.
 */
final class S22AutoGen2LongLived implements Twin {
  static final GcCallback CB = S22AutoGen2LongLived::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    if (phase.equals("stop")) {
      print(f, "auto gen " + info.get("generation"));
      line(f);
    }
    exit(f);
  }

  @Override
  public void module(Frame f) {
    Object[] a = local(alloc(new Object[500], f, 0), f, 1);
    line(f);
    Object[] keep = local(alloc(new Object[800], f, 0), f, 2);
    line(f);
    Gc.disable();
    line(f);
    Gc.setThreshold(10, 2, 2);
    line(f);
    Gc.collect();
    line(f);
    Gc.freeze();
    line(f);
    for (int i = 0; i < 800; i++) {
      arrayStore(keep, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Gc.enable();
    line(f);
    for (int i = 0; i < 500; i++) {
      arrayStore(a, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    Gc.disable();
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    Gc.unfreeze();
    line(f);
  }
}
