package io.refshadow.scenarios;

import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s38_is_tracked: Node instances and lists are tracked; ints and strs are not. */
final class S38IsTracked implements Twin {
  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node n = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    print(f, "node " + py(Gc.isTracked(n)));
    line(f);
    print(f, "fresh_node " + py(called(Gc.isTracked(alloc(new Node(), f, 1)), f, 1)));
    line(f);
    print(f, "list " + py(called(Gc.isTracked(alloc(new Object[1], f, 1)), f, 1)));
    line(f);
    print(f, "int " + py(called(Gc.isTracked(res(Integer.valueOf(42), f, 1)), f, 1)));
    line(f);
    print(f, "str " + py(Gc.isTracked("hello")));
    line(f);
    putField(n, n.name = res("x".repeat(3), f, 1), Node.NAME, f);
    line(f);
    print(f, "str_in_slot " + py(Gc.isTracked(n.name)));
    line(f);
    print(f, "node_with_str_slot " + py(Gc.isTracked(n)));
    line(f);
  }
}
