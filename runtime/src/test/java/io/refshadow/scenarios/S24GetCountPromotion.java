package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s24_get_count_promotion: get_count() after allocations and collect(0/1/2). */
final class S24GetCountPromotion implements Twin {
  /** {@code def show(label): c = gc.get_count(); out(f"{label} {c[0]} {c[1]} {c[2]}")}. */
  static void show(String label) {
    Frame f = enter(2);
    arg(label, f, 0);
    int[] c = local(res(Gc.getCount(), f, 0), f, 1);
    line(f);
    print(f, label + " " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    Node spare = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.getCount(), f, 0);
    line(f);
    spare = local(null, f, 1);
    line(f);
    show("after_collect");
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, 2);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, 3);
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, 4);
    line(f);
    show("three_nodes");
    line(f);
    Gc.collect(0);
    line(f);
    show("after_collect0");
    line(f);
    Node d = local(alloc(new Node(), f, 0), f, 5);
    line(f);
    Node e = local(alloc(new Node(), f, 0), f, 6);
    line(f);
    show("two_more");
    line(f);
    Gc.collect(0);
    line(f);
    show("after_collect0_again");
    line(f);
    Gc.collect(1);
    line(f);
    show("after_collect1");
    line(f);
    Node ff = local(alloc(new Node(), f, 0), f, 7);
    line(f);
    show("one_more");
    line(f);
    Gc.collect(1);
    line(f);
    show("after_collect1_again");
    line(f);
    Gc.collect(0);
    line(f);
    show("after_collect0_third");
    line(f);
    Gc.collect(2);
    line(f);
    show("after_collect2");
    line(f);
  }
}
