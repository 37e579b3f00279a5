package twins;

import io.refshadow.Gc;
import io.refshadow.Weakref;
import java.util.ArrayList;
import java.util.List;

/** Twin of s09_weakref.py: weakref callbacks at refcount free and at a cycle collection. */
public class S09Weakref {
  static class Node {
    Node ref;
    Node ref2;
  }

  static final List<String> events = new ArrayList<>();
  static Node a;
  static Node b;
  static Node c;
  static Weakref<Node> w1;
  static Weakref<Node> w2;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Node();
    w1 = Weakref.ref(a, r -> events.add("w1"));
    a = null;
    System.out.println("after_del " + Py.repr(events));
    b = new Node();
    c = new Node();
    b.ref = c;
    c.ref = b;
    w2 = Weakref.ref(b, r -> events.add("w2"));
    b = null;
    c = null;
    System.out.println("before_collect " + Py.repr(events));
    System.out.println("collect " + Gc.collect());
    System.out.println("after_collect " + Py.repr(events) + " " + Py.b(w2.get() == null));
  }
}
