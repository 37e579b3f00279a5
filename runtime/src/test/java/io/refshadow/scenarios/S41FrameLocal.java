package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;
import static io.refshadow.twin.Py.ret;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s41_frame_local: an object held only by a local dies when its function returns. */
final class S41FrameLocal implements Twin {
  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return ret(n, f);
  }

  static void f() {
    Frame f = enter(1);
    Fin x = local(res(make("local"), f, 0), f, 0);
    line(f);
    print(f, "in_f");
    line(f);
    exit(f);
  }

  static void g() {
    Frame f = enter(1);
    Fin x = local(res(make("rebound"), f, 0), f, 0);
    line(f);
    print(f, "in_g_before_rebind");
    line(f);
    x = local(null, f, 0);
    line(f);
    print(f, "in_g_after_rebind");
    line(f);
    exit(f);
  }

  static Fin h() {
    Frame f = enter(2);
    Fin x = local(res(make("returned"), f, 0), f, 0);
    line(f);
    Fin y = local(res(make("dropped"), f, 0), f, 1);
    line(f);
    putField(y, y.ref = x, Fin.REF, f);
    line(f);
    return ret(x, f);
  }

  static void k() {
    Frame f = enter(1);
    Fin x = local(res(make("outer_local"), f, 0), f, 0);
    line(f);
    f();
    line(f);
    print(f, "in_k_after_f");
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    print(f, "call_f");
    line(f);
    f();
    line(f);
    print(f, "after_f");
    line(f);
    g();
    line(f);
    print(f, "after_g");
    line(f);
    Fin r = local(res(h(), f, 0), f, 1);
    line(f);
    print(f, "after_h " + r.name);
    line(f);
    r = local(null, f, 1);
    line(f);
    print(f, "after_r_cleared");
    line(f);
    k();
    line(f);
    print(f, "after_k");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
