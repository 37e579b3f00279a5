package twins;

import io.refshadow.Gc;

/** Twin of s02_self_ref.py: a self-referencing object is freed only by the cycle detector. */
public class S02SelfRef {
  static class Node {
    Node ref;
    Node ref2;
  }

  static Node x;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Node();
    x.ref = x;
    x = null;
    System.out.println("collect " + Gc.collect());
  }
}
