package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.fn;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.pyList;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** s09_weakref: weakref callback at refcount free, and at the collection of a cycle. */
final class S09Weakref implements Twin {
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  /** {@code lambda r: events.append("w1")}. */
  static void w1Callback(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    EVENTS.add("w1");
    exit(f);
  }

  /** {@code lambda r: events.append("w2")}. */
  static void w2Callback(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    EVENTS.add("w2");
    exit(f);
  }

  @Override
  public void module(Frame f) {
    EVENTS.clear();
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    Weakref<Node> w1 = local(res(Weakref.ref(a, fn(S09Weakref::w1Callback, f, 1)), f, 0), f, 2);
    line(f);
    a = local(null, f, 1);
    line(f);
    print(f, "after_del " + pyList(EVENTS));
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, 3);
    line(f);
    Node c = local(alloc(new Node(), f, 0), f, 4);
    line(f);
    putField(b, b.ref = c, Node.REF, f);
    line(f);
    putField(c, c.ref = b, Node.REF, f);
    line(f);
    Weakref<Node> w2 = local(res(Weakref.ref(b, fn(S09Weakref::w2Callback, f, 1)), f, 0), f, 5);
    line(f);
    b = local(null, f, 3);
    line(f);
    c = local(null, f, 4);
    line(f);
    print(f, "before_collect " + pyList(EVENTS));
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    print(f, "after_collect " + pyList(EVENTS) + " " + py(res(w2.get(), f, 1) == null));
    line(f);
  }
}
