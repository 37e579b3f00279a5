package twins;

import io.refshadow.Gc;
import io.refshadow.Sys;

/** Twin of s63_clear_releases_survivors.py: clearing garbage releases references to survivors. */
public class S63ClearReleasesSurvivors {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node x, a, b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Node();
    x.name = "x";
    System.out.println("refcount_x " + Sys.getRefcount(x));
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    a.ref2 = x;
    b.ref2 = x;
    a = null;
    b = null;
    System.out.println("refcount_x_held_by_garbage " + Sys.getRefcount(x));
    System.out.println("collect " + Gc.collect());
    System.out.println("refcount_x_after_collect " + Sys.getRefcount(x));
  }
}
