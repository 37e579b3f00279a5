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

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s61_finalizer_allocates: what a finalizer allocates during a collection lands in gen0. */
final class S61FinalizerAllocates implements Twin {
  /** {@code __del__}: prints; "a" builds a new unreachable 3-cycle of Nodes. */
  static final class Fin61 extends Node {
    @Del
    void del() {
      Frame f = enter(4);
      arg(this, f, 0);
      print(f, "del " + name);
      line(f);
      if (name.equals("a")) {
        Node n1 = local(alloc(new Node(), f, 0), f, 1);
        line(f);
        Node n2 = local(alloc(new Node(), f, 0), f, 2);
        line(f);
        Node n3 = local(alloc(new Node(), f, 0), f, 3);
        line(f);
        putField(n1, n1.ref = n2, Node.REF, f);
        line(f);
        putField(n2, n2.ref = n3, Node.REF, f);
        line(f);
        putField(n3, n3.ref = n1, Node.REF, f);
        line(f);
      }
      exit(f);
    }
  }

  static void show(String label) {
    Frame f = enter(2);
    arg(label, f, 0);
    int[] c = local(res(Gc.getCount(), f, 0), f, 1);
    line(f);
    print(f, label + " " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    exit(f);
  }

  static Fin61 fin(Frame f, int slot, String name) {
    Fin61 n = local(alloc(new Fin61(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  static final int A = 1, B = 2;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin61 a = fin(f, A, "a");
    Fin61 b = fin(f, B, "b");
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
    show("count_after_collect");
    line(f);
    print(f, "collect_again " + Gc.collect());
    line(f);
    a = fin(f, A, "a");
    b = fin(f, B, "b");
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    Gc.collect(0);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "collect1 " + Gc.collect(1));
    line(f);
    show("count_after_collect1");
    line(f);
    print(f, "collect0 " + Gc.collect(0));
    line(f);
  }
}
