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

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s57_collect_reentrant: gc.collect() inside a running collection returns 0. */
final class S57CollectReentrant implements Twin {
  /** {@code __del__}: {@code print("del", self.name, "inner_collect", gc.collect())}. */
  static final class Fin57 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name + " inner_collect " + Gc.collect());
      line(f);
      exit(f);
    }
  }

  static final GcCallback CB = S57CollectReentrant::cb;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(f, "cb " + phase + " " + info.get("generation") + " " + info.get("collected"));
    line(f);
    exit(f);
  }

  static Fin57 fin(Frame f, int slot, String name) {
    Fin57 n = local(alloc(new Fin57(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2, P = 3, X = 4;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Fin57 a = fin(f, A, "a");
    Fin57 b = fin(f, B, "b");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    long s0 = res(res(Gc.getStats(), f, 0).get(2), f, 0).get("collections");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(
        f,
        "gen2_collections_delta "
            + (res(res(Gc.getStats(), f, 1).get(2), f, 1).get("collections") - s0));
    line(f);
    print(f, "---");
    line(f);
    Fin57 p = fin(f, P, "p");
    putField(p, p.ref = p, Node.REF, f);
    line(f);
    p = local(null, f, P);
    line(f);
    Fin57 x = fin(f, X, "refcounted");
    x = local(null, f, X);
    line(f);
    print(f, "end");
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
  }
}
