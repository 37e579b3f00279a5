package io.refshadow.scenarios;

import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s46_list_cycle: cycles through a list (a Java reference array). */
final class S46ListCycle implements Twin {
  static final int NODE = 1, LST = 2, X = 3, Y = 4, Z = 5;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node node = local(alloc(new Node(), f, 0), f, NODE);
    line(f);
    Object[] lst = local(alloc(new Object[1], f, 0), f, LST);
    line(f);
    putField(node, node.ref = lst, Node.REF, f);
    line(f);
    arrayStore(lst, 0, node, f);
    line(f);
    node = local(null, f, NODE);
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    lst = local(alloc(new Object[1], f, 0), f, LST);
    line(f);
    arrayStore(lst, 0, lst, f);
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "collect_self_list " + Gc.collect());
    line(f);
    lst = local(alloc(new Object[2], f, 0), f, LST);
    line(f);
    Node x = local(alloc(new Node(), f, 0), f, X);
    line(f);
    Node y = local(alloc(new Node(), f, 0), f, Y);
    line(f);
    arrayStore(lst, 0, x, f);
    line(f);
    arrayStore(lst, 1, y, f);
    line(f);
    putField(x, x.ref = lst, Node.REF, f);
    line(f);
    putField(y, y.ref2 = lst, Node.REF2, f);
    line(f);
    x = local(null, f, X);
    line(f);
    y = local(null, f, Y);
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "collect_list_two_nodes " + Gc.collect());
    line(f);
    lst = local(alloc(new Object[1], f, 0), f, LST);
    line(f);
    Node z = local(alloc(new Node(), f, 0), f, Z);
    line(f);
    arrayStore(lst, 0, z, f);
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "acyclic_list_collect " + Gc.collect());
    line(f);
  }
}
