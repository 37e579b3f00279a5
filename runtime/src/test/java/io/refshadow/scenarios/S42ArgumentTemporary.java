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
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;
import static io.refshadow.twin.Py.ret;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/** s42_argument_temporary: a temporary passed as an argument dies right after the call. */
final class S42ArgumentTemporary implements Twin {
  /** The module global {@code kept}. */
  static Fin kept;

  static final int KEPT = fieldId(S42ArgumentTemporary.class, "kept");

  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return ret(n, f);
  }

  static void f(Fin p) {
    Frame f = enter(1);
    arg(p, f, 0);
    print(f, "in_f " + p.name);
    line(f);
    exit(f);
  }

  static void rebind(Fin p) {
    Frame f = enter(1);
    arg(p, f, 0);
    print(f, "in_rebind " + p.name);
    line(f);
    p = local(null, f, 0);
    line(f);
    print(f, "in_rebind_after_param_cleared");
    line(f);
    exit(f);
  }

  static void keep(Fin p) {
    Frame f = enter(1);
    arg(p, f, 0);
    putStatic(kept = p, KEPT, f);
    line(f);
    exit(f);
  }

  static String nameOf(Fin p) {
    Frame f = enter(1);
    arg(p, f, 0);
    return ret(p.name, f);
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    putStatic(kept = null, KEPT, f);
    line(f);
    f(res(make("arg"), f, 0));
    called(f, 0);
    line(f);
    print(f, "after_f");
    line(f);
    print(f, "builtin " + res(nameOf(res(make("nested"), f, 1)), f, 1));
    line(f);
    print(f, "after_builtin");
    line(f);
    // isinstance(x, Fin) is a call: Class.isInstance, not the instanceof opcode
    print(f, "isinstance " + py(called(Fin.class.isInstance(res(make("to_builtin"), f, 2)), f, 1)));
    line(f);
    print(f, "after_isinstance");
    line(f);
    rebind(res(make("rebound_arg"), f, 0));
    called(f, 0);
    line(f);
    print(f, "after_rebind");
    line(f);
    keep(res(make("kept_arg"), f, 0));
    called(f, 0);
    line(f);
    print(f, "after_keep " + kept.name);
    line(f);
    putStatic(kept = null, KEPT, f);
    line(f);
    print(f, "after_kept_cleared");
    line(f);
    res(make("discarded"), f, 0);
    line(f);
    print(f, "after_discarded_statement");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
