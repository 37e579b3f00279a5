package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
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

/** s56_gen0_count_decrement: every tracked deallocation lowers gen0's count, floored at 0. */
final class S56Gen0CountDecrement implements Twin {
  static void show(String label) {
    Frame f = enter(2);
    arg(label, f, 0);
    int[] c = local(res(Gc.getCount(), f, 0), f, 1);
    line(f);
    print(f, label + " " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    exit(f);
  }

  static final int OLD = 1, SPARE = 2, N1 = 3, N2 = 4, N3 = 5, N4 = 6, N5 = 7, N6 = 8, N7 = 9;

  @Override
  public void module(Frame f) {
    Object[] old = local(alloc(new Object[6], f, 0), f, OLD);
    line(f);
    for (int i = 0; i < 6; i++) {
      arrayStore(old, i, alloc(new Node(), f, 2), f);
      line(f);
    }
    Node spare = local(alloc(new Node(), f, 0), f, SPARE);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.getCount(), f, 0);
    line(f);
    spare = local(null, f, SPARE);
    line(f);
    show("start");
    line(f);
    Node n1 = local(alloc(new Node(), f, 0), f, N1);
    line(f);
    Node n2 = local(alloc(new Node(), f, 0), f, N2);
    line(f);
    Node n3 = local(alloc(new Node(), f, 0), f, N3);
    line(f);
    show("three_new");
    line(f);
    arrayStore(old, 0, null, f);
    line(f);
    show("freed_one_gen2_object");
    line(f);
    arrayStore(old, 1, null, f);
    line(f);
    arrayStore(old, 2, null, f);
    line(f);
    arrayStore(old, 3, null, f);
    line(f);
    show("freed_three_more_floor_at_0");
    line(f);
    Node n4 = local(alloc(new Node(), f, 0), f, N4);
    line(f);
    show("one_new");
    line(f);
    arrayStore(old, 4, null, f);
    line(f);
    n1 = local(null, f, N1);
    line(f);
    show("freed_gen2_and_young");
    line(f);
    Node n5 = local(alloc(new Node(), f, 0), f, N5);
    line(f);
    Node n6 = local(alloc(new Node(), f, 0), f, N6);
    line(f);
    show("two_new");
    line(f);
    Gc.collect(0);
    line(f);
    show("after_collect0");
    line(f);
    n2 = local(null, f, N2);
    line(f);
    show("freed_gen1_object");
    line(f);
    Node n7 = local(alloc(new Node(), f, 0), f, N7);
    line(f);
    n3 = local(null, f, N3);
    line(f);
    show("new_then_freed_gen1");
    line(f);
  }
}
