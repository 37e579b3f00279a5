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
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/** s35_weakref_multi_order: callbacks of several weakrefs to one object run newest first. */
final class S35WeakrefMultiOrder implements Twin {
  static void cb1(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "cb1");
    line(f);
    exit(f);
  }

  static void cb2(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "cb2");
    line(f);
    exit(f);
  }

  static void cb3(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "cb3");
    line(f);
    exit(f);
  }

  static void cb4(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "cb4");
    line(f);
    exit(f);
  }

  static final int X = 1, W1 = 2, PLAIN = 3, W2 = 4, W3 = 5, A = 6, B = 7, W4 = 8;

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Node x = local(alloc(new Node(), f, 0), f, X);
    line(f);
    Weakref<Node> w1 = local(res(Weakref.ref(x, fn(S35WeakrefMultiOrder::cb1, f, 1)), f, 0), f, W1);
    line(f);
    Weakref<Node> plain = local(res(Weakref.ref(x), f, 0), f, PLAIN);
    line(f);
    Weakref<Node> w2 = local(res(Weakref.ref(x, fn(S35WeakrefMultiOrder::cb2, f, 1)), f, 0), f, W2);
    line(f);
    Weakref<Node> w3 = local(res(Weakref.ref(x, fn(S35WeakrefMultiOrder::cb3, f, 1)), f, 0), f, W3);
    line(f);
    print(f, "refcount_free");
    line(f);
    x = local(null, f, X);
    line(f);
    print(f, "done");
    line(f);
    Node a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    Node b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    w1 = local(res(Weakref.ref(a, fn(S35WeakrefMultiOrder::cb1, f, 1)), f, 0), f, W1);
    line(f);
    w2 = local(res(Weakref.ref(a, fn(S35WeakrefMultiOrder::cb2, f, 1)), f, 0), f, W2);
    line(f);
    w3 = local(res(Weakref.ref(b, fn(S35WeakrefMultiOrder::cb3, f, 1)), f, 0), f, W3);
    line(f);
    Weakref<Node> w4 = local(res(Weakref.ref(b, fn(S35WeakrefMultiOrder::cb4, f, 1)), f, 0), f, W4);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "gc_collect");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
    b = local(alloc(new Node(), f, 0), f, B);
    line(f);
    a = local(alloc(new Node(), f, 0), f, A);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    w1 = local(res(Weakref.ref(a, fn(S35WeakrefMultiOrder::cb1, f, 1)), f, 0), f, W1);
    line(f);
    w3 = local(res(Weakref.ref(b, fn(S35WeakrefMultiOrder::cb3, f, 1)), f, 0), f, W3);
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    print(f, "gc_collect_b_first");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
