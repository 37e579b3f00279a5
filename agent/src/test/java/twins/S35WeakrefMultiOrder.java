package twins;

import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s35_weakref_multi_order.py: several callbacks on one object run newest first. */
public class S35WeakrefMultiOrder {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static void cb1(Weakref<Node> r) {
    System.out.println("cb1");
  }

  static void cb2(Weakref<Node> r) {
    System.out.println("cb2");
  }

  static void cb3(Weakref<Node> r) {
    System.out.println("cb3");
  }

  static void cb4(Weakref<Node> r) {
    System.out.println("cb4");
  }

  static Node x, a, b;
  static Weakref<Node> w1, w2, w3, w4, plain;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Node();
    w1 = Weakref.ref(x, S35WeakrefMultiOrder::cb1);
    plain = Weakref.ref(x);
    w2 = Weakref.ref(x, S35WeakrefMultiOrder::cb2);
    w3 = Weakref.ref(x, S35WeakrefMultiOrder::cb3);
    System.out.println("refcount_free");
    x = null;
    System.out.println("done");
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    w1 = Weakref.ref(a, S35WeakrefMultiOrder::cb1);
    w2 = Weakref.ref(a, S35WeakrefMultiOrder::cb2);
    w3 = Weakref.ref(b, S35WeakrefMultiOrder::cb3);
    w4 = Weakref.ref(b, S35WeakrefMultiOrder::cb4);
    a = null;
    b = null;
    System.out.println("gc_collect");
    System.out.println("collect " + Gc.collect());
    b = new Node();
    a = new Node();
    a.ref = b;
    b.ref = a;
    w1 = Weakref.ref(a, S35WeakrefMultiOrder::cb1);
    w3 = Weakref.ref(b, S35WeakrefMultiOrder::cb3);
    a = null;
    b = null;
    System.out.println("gc_collect_b_first");
    System.out.println("collect " + Gc.collect());
  }
}
