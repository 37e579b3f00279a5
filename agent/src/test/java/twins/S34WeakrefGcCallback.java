package twins;

import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s34_weakref_gc_callback.py: gc calls back only reachable weakrefs. */
public class S34WeakrefGcCallback {
  static class Node {
    String name;
    Node ref;
    Object ref2;
  }

  static Weakref<Node> reachableW, keep;
  static Node a, b, c, d;

  static void cb(Weakref<Node> r) {
    System.out.println("callback " + Py.b(r == reachableW));
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Node();
    a.name = "a";
    b = new Node();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    reachableW = Weakref.ref(a, S34WeakrefGcCallback::cb);
    a.ref2 = Weakref.ref(b, S34WeakrefGcCallback::cb);
    a = null;
    b = null;
    System.out.println("before_collect " + Py.b(reachableW.get() != null));
    System.out.println("collect " + Gc.collect());
    System.out.println("after_collect " + Py.b(reachableW.get() == null));
    c = new Node();
    c.name = "c";
    c.ref = c;
    keep = Weakref.ref(c);
    d = new Node();
    d.name = "d";
    d.ref = d;
    d.ref2 = Weakref.ref(c, S34WeakrefGcCallback::cb);
    c = null;
    d = null;
    System.out.println("collect " + Gc.collect());
    System.out.println("keep_cleared " + Py.b(keep.get() == null));
  }
}
