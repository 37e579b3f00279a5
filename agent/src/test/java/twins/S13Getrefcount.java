package twins;

import io.refshadow.Sys;

/** Twin of s13_getrefcount.py: three globals plus the argument = 4. */
public class S13Getrefcount {
  static class Node {
    Node ref;
    Node ref2;
  }

  static Node a;
  static Node b;
  static Node c;

  public static void main(String[] args) {
    a = new Node();
    b = a;
    c = a;
    System.out.println("refcount " + Sys.getRefcount(a));
  }
}
