package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Sys;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s13_getrefcount: three module globals plus getrefcount's own argument. */
final class S13Getrefcount implements Twin {
  @Override
  public void module(Frame f) {
    Node a = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    Node b = local(a, f, 2);
    line(f);
    Node c = local(a, f, 3);
    line(f);
    print(f, "refcount " + Sys.getRefcount(a));
    line(f);
  }
}
