package twins;

import io.refshadow.Gc;

/** Twin of s38_is_tracked.py: objects with references are tracked; strings and boxes are not. */
public class S38IsTracked {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node n;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    n = new Node();
    System.out.println("node " + Py.b(Gc.isTracked(n)));
    System.out.println("fresh_node " + Py.b(Gc.isTracked(new Node())));
    System.out.println("list " + Py.b(Gc.isTracked(new Object[1])));
    System.out.println("int " + Py.b(Gc.isTracked(42)));
    System.out.println("str " + Py.b(Gc.isTracked("hello")));
    n.name = "x".repeat(3);
    System.out.println("str_in_slot " + Py.b(Gc.isTracked(n.name)));
    System.out.println("node_with_str_slot " + Py.b(Gc.isTracked(n)));
  }
}
