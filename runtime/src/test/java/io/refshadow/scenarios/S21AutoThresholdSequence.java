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
import java.util.List;

/**
 * s21_auto_threshold_sequence: with thresholds (10, 2, 2) automatic collections run at nodes 10,
 * 21, 32 (gen0), 43 (gen1) and 54 (gen0).
 */
final class S21AutoThresholdSequence implements Twin {
  /** The module global {@code i} (the loop variable), read by the callback. */
  static int i = -1;

  static final GcCallback CB = S21AutoThresholdSequence::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(f, "cb " + phase + " gen " + info.get("generation") + " at_node " + i);
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    i = -1;
    Object[] a = local(alloc(new Object[60], f, 0), f, 1);
    line(f);
    Gc.disable();
    line(f);
    Gc.setThreshold(10, 2, 2);
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Gc.enable();
    line(f);
    for (i = 0; i < 60; i++) {
      arrayStore(a, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    i = 59; // Python's loop variable keeps its last value
    Gc.disable();
    line(f);
    int[] c = local(res(Gc.getCount(), f, 0), f, 2);
    line(f);
    print(f, "count " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    for (int gen = 0; gen < 3; gen++) {
      // n = 0; for o in gc.get_objects(gen): if isinstance(o, Node): n += 1
      int n = 0;
      List<Object> objs = local(res(Gc.getObjects(gen), f, 0), f, 3);
      line(f);
      for (int k = 0; k < objs.size(); k++) {
        Object o = local(res(objs.get(k), f, 0), f, 4);
        line(f);
        if (o instanceof Node) {
          n += 1;
        }
      }
      objs = local(null, f, 3); // the loop's iterator released the list
      line(f);
      print(f, "gen" + gen + "_nodes " + n);
      line(f);
    }
  }
}
