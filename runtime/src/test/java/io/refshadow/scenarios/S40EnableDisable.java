package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putStatic;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.fieldId;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s40_enable_disable: no automatic collection while disabled; enable() itself collects nothing. */
final class S40EnableDisable implements Twin {
  /** The module global {@code step}, read by the callback. */
  static String step = "";

  static final int STEP = fieldId(S40EnableDisable.class, "step");

  static final GcCallback CB = S40EnableDisable::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(f, "cb " + phase + " " + info.get("generation") + " during " + step);
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    putStatic(step = "", STEP, f);
    line(f);
    Object[] a = local(alloc(new Object[40], f, 0), f, 1);
    line(f);
    Gc.disable();
    line(f);
    Gc.setThreshold(5);
    line(f);
    Gc.collect();
    line(f);
    print(f, "enabled " + py(Gc.isEnabled()));
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    putStatic(step = "disabled_allocations", STEP, f);
    line(f);
    for (int i = 0; i < 20; i++) {
      arrayStore(a, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    putStatic(step = "enable", STEP, f);
    line(f);
    Gc.enable();
    line(f);
    putStatic(step = "first_allocation_after_enable", STEP, f);
    line(f);
    arrayStore(a, 20, alloc(new Node(), f, 2), f);
    line(f);
    putStatic(step = "after", STEP, f);
    line(f);
    print(f, "enabled " + py(Gc.isEnabled()));
    line(f);
    Gc.disable();
    line(f);
    print(f, "enabled " + py(Gc.isEnabled()));
    line(f);
    putStatic(step = "manual_collect_while_disabled", STEP, f);
    line(f);
    print(f, "collect " + Gc.collect(0));
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    Gc.setThreshold(0);
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Gc.enable();
    line(f);
    putStatic(step = "threshold0_zero", STEP, f);
    line(f);
    for (int i = 21; i < 40; i++) {
      arrayStore(a, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    putStatic(step = "end", STEP, f);
    line(f);
    print(f, "enabled " + py(Gc.isEnabled()) + " threshold0 " + res(Gc.getThreshold(), f, 1)[0]);
    line(f);
    Gc.disable();
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
  }
}
