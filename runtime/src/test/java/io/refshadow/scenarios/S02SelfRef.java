package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s02_self_ref: a self-referencing object is freed only by the cycle detector. */
final class S02SelfRef implements Twin {
  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node x = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    putField(x, x.ref = x, Node.REF, f);
    line(f);
    x = local(null, f, 1);
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
