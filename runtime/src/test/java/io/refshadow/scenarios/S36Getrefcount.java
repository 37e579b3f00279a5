package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.arrayStore;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.called;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Sys;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s36_getrefcount: sys.getrefcount counts locals, globals, list items, slots and parameters. */
final class S36Getrefcount implements Twin {
  /** {@code def local_only(): ...}. */
  static void localOnly() {
    Frame f = enter(2);
    Node x = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    print(f, "local " + Sys.getRefcount(x));
    line(f);
    Node y = local(x, f, 1);
    line(f);
    print(f, "two_locals " + Sys.getRefcount(x));
    line(f);
    y = local(null, f, 1);
    line(f);
    print(f, "after_del_alias " + Sys.getRefcount(x));
    line(f);
    exit(f);
  }

  /** {@code def param(p): return sys.getrefcount(p)}. */
  static long param(Node p) {
    Frame f = enter(1);
    arg(p, f, 0);
    long count = Sys.getRefcount(p);
    exit(f);
    return count;
  }

  static final int G = 1, LST = 2, H = 3, A = 4;

  @Override
  public void module(Frame f) {
    localOnly();
    line(f);
    print(f, "temporary " + called(Sys.getRefcount(alloc(new Node(), f, 1)), f, 1));
    line(f);
    print(f, "temporary_as_parameter " + called(param(alloc(new Node(), f, 1)), f, 1));
    line(f);
    Node g = local(alloc(new Node(), f, 0), f, G);
    line(f);
    print(f, "global " + Sys.getRefcount(g));
    line(f);
    Object[] lst = local(alloc(new Object[2], f, 0), f, LST);
    line(f);
    arrayStore(lst, 0, g, f);
    line(f);
    print(f, "plus_list_element " + Sys.getRefcount(g));
    line(f);
    arrayStore(lst, 1, g, f);
    line(f);
    print(f, "plus_second_element " + Sys.getRefcount(g));
    line(f);
    Node h = local(alloc(new Node(), f, 0), f, H);
    line(f);
    putField(h, h.ref = g, Node.REF, f);
    line(f);
    print(f, "plus_slot " + Sys.getRefcount(g));
    line(f);
    putField(h, h.ref2 = g, Node.REF2, f);
    line(f);
    print(f, "plus_second_slot " + Sys.getRefcount(g));
    line(f);
    print(f, "as_parameter " + param(g));
    line(f);
    h = local(null, f, H);
    line(f);
    print(f, "after_del_holder " + Sys.getRefcount(g));
    line(f);
    lst = local(null, f, LST);
    line(f);
    print(f, "after_del_list " + Sys.getRefcount(g));
    line(f);
    Node a = local(g, f, A);
    line(f);
    print(f, "alias " + Sys.getRefcount(g));
    line(f);
    a = local(null, f, A);
    line(f);
    print(f, "after_del " + Sys.getRefcount(g));
    line(f);
  }
}
