package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.unwind;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s64_del_raises: an exception in a finalizer is reported and ignored. */
final class S64DelRaises implements Twin {
  /** {@code __del__}: prints; "a" and "solo" then raise. */
  static final class Fin64 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      try {
        arg(this, f, 0);
        print(f, "del " + name);
        line(f);
        if (name.equals("a") || name.equals("solo")) {
          throw alloc(new IllegalStateException("boom in " + name), f, 0);
        }
        exit(f);
      } catch (RuntimeException e) {
        unwind(f);
        throw e;
      }
    }
  }

  static Fin64 fin(Frame f, int slot, String name) {
    Fin64 n = local(alloc(new Fin64(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2, C = 3, X = 4;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin64 a = fin(f, A, "a");
    Fin64 b = fin(f, B, "b");
    Fin64 c = fin(f, C, "c");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = c, Node.REF, f);
    line(f);
    putField(c, c.ref = a, Node.REF, f);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    c = local(null, f, C);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    Fin64 x = fin(f, X, "solo");
    x = local(null, f, X);
    line(f);
    print(f, "after_refcount_free");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
