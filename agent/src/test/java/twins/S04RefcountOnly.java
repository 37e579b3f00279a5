package twins;

import io.refshadow.Gc;

/** Twin of s04_refcount_only.py: acyclic pairs are freed by refcount alone. */
public class S04RefcountOnly {
  static class Node {
    Node ref;
    Node ref2;
  }

  static Node n;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    for (int i = 0; i < 100; i++) {
      n = new Node();
      n.ref = new Node();
    }
    n = null;
    System.out.println("count " + Gc.getCount()[0]);
    System.out.println("collect " + Gc.collect());
  }
}
