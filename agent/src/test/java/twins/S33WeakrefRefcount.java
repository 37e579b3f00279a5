package twins;

import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s33_weakref_refcount.py: weakref callbacks at refcount free; cached plain refs. */
public class S33WeakrefRefcount {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Weakref<Node> w, w2, plain1, plain2, wy;
  static Node x, y, holder;

  static void cb(Weakref<Node> r) {
    System.out.println("callback " + Py.b(r == w) + " " + Py.b(r.get() == null));
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Node();
    x.name = "x";
    plain1 = Weakref.ref(x);
    plain2 = Weakref.ref(x);
    System.out.println("plain_same " + Py.b(plain1 == plain2));
    w = Weakref.ref(x, S33WeakrefRefcount::cb);
    w2 = Weakref.ref(x, S33WeakrefRefcount::cb);
    System.out.println("callback_ref_new " + Py.b(w == plain1) + " " + Py.b(w == w2));
    System.out.println("alive " + Py.b(w.get() == x) + " " + plain1.get().name);
    w2 = null;
    System.out.println("before_del");
    x = null;
    System.out.println("after_del " + Py.b(w.get() == null) + " " + Py.b(plain1.get() == null));
    y = new Node();
    y.name = "y";
    holder = new Node();
    holder.ref = y;
    wy = Weakref.ref(y, S33WeakrefRefcount::cb);
    y = null;
    System.out.println("still_held " + wy.get().name);
    holder = null;
    System.out.println("after_holder " + Py.b(wy.get() == null));
    System.out.println("collect " + Gc.collect());
  }
}
