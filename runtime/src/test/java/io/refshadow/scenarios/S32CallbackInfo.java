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

/** s32_callback_info: gc.callbacks get ("start", info) and ("stop", info), in list order. */
final class S32CallbackInfo implements Twin {
  static final GcCallback CB = S32CallbackInfo::cb;
  static final GcCallback CB2 = S32CallbackInfo::cb2;

  static void cb(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(
        f,
        "cb "
            + phase
            + " "
            + info.get("generation")
            + " "
            + info.get("collected")
            + " "
            + info.get("uncollectable"));
    line(f);
    exit(f);
  }

  static void cb2(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    print(f, "cb2 " + phase + " " + info.get("generation"));
    line(f);
    exit(f);
  }

  static final int A = 1, B = 2, C = 3, D = 4, E = 5, F = 6;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.callbacks(), f, 0).add(CB);
    called(f, 0);
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, C);
    line(f);
    putField(c, c.ref = c, Node.REF, f);
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
    res(Gc.callbacks(), f, 0).add(CB2);
    called(f, 0);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB);
    called(f, 0);
    line(f);
    Node d = local(alloc(new Node(), f, 0), f, D);
    line(f);
    Node e = local(alloc(new Node(), f, 0), f, E);
    line(f);
    Node ff = local(alloc(new Node(), f, 0), f, F);
    line(f);
    putField(d, d.ref = e, Node.REF, f);
    line(f);
    putField(e, e.ref = ff, Node.REF, f);
    line(f);
    putField(ff, ff.ref = d, Node.REF, f);
    line(f);
    d = local(null, f, D);
    line(f);
    e = local(null, f, E);
    line(f);
    ff = local(null, f, F);
    line(f);
    print(f, "collect2 " + Gc.collect(2));
    line(f);
    res(Gc.callbacks(), f, 0).remove(CB2);
    called(f, 0);
    line(f);
    print(f, "no_callbacks " + Gc.collect());
    line(f);
  }
}
