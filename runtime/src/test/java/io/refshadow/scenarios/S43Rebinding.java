package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
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

/** s43_rebinding: rebinding frees the old object at the store, after the new one was made. */
final class S43Rebinding implements Twin {
  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    print(f, "made " + name);
    line(f);
    return ret(n, f);
  }

  static void localRebind() {
    Frame f = enter(1);
    Fin y = local(res(make("local1"), f, 0), f, 0);
    line(f);
    y = local(res(make("local2"), f, 0), f, 0);
    line(f);
    print(f, "rebound_local");
    line(f);
    exit(f);
  }

  static final int X = 1, HOLDER = 2, LST = 3;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin x = local(res(make("first"), f, 0), f, X);
    line(f);
    x = local(res(make("second"), f, 0), f, X);
    line(f);
    print(f, "rebound_global");
    line(f);
    Fin holder = local(res(make("holder"), f, 0), f, HOLDER);
    line(f);
    putField(holder, holder.ref = res(make("slot1"), f, 1), Fin.REF, f);
    line(f);
    putField(holder, holder.ref = res(make("slot2"), f, 1), Fin.REF, f);
    line(f);
    print(f, "rebound_slot");
    line(f);
    Object[] lst = local(alloc(new Object[1], f, 0), f, LST);
    line(f);
    arrayStore(lst, 0, res(make("elem1"), f, 2), f);
    line(f);
    arrayStore(lst, 0, res(make("elem2"), f, 2), f);
    line(f);
    print(f, "rebound_element");
    line(f);
    localRebind();
    line(f);
    print(f, "after_local_rebind");
    line(f);
    x = local(x, f, X);
    line(f);
    print(f, "self_assign_keeps " + x.name);
    line(f);
    x = local(null, f, X);
    line(f);
    holder = local(null, f, HOLDER);
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
