package twins;

import io.refshadow.Gc;

/** Twin of s25_cycle_with_tail.py: a cycle's tail is unreachable with it. */
public class S25CycleWithTail {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node a, b, t1, t2, t3, keep;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    t1 = new Node();
    t2 = new Node();
    t3 = new Node();
    a.ref2 = t1;
    t1.ref = t2;
    t2.ref = t3;
    t1 = null;
    t2 = null;
    t3 = null;
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    t1 = new Node();
    t2 = new Node();
    t3 = new Node();
    a.ref2 = t1;
    t1.ref = t2;
    t2.ref = t3;
    keep = t2;
    t1 = null;
    t2 = null;
    t3 = null;
    a = null;
    b = null;
    System.out.println("collect_with_live_t2 " + Gc.collect());
    System.out.println("kept_t3 " + Py.b(keep.ref != null));
    keep = null;
    System.out.println("collect_after " + Gc.collect());
  }
}
