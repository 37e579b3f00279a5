package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s61_finalizer_allocates.py: a finalizer's allocations land in gen0, after the reset. */
public class S61FinalizerAllocates {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
      if (name.equals("a")) {
        Node n1 = new Node();
        Node n2 = new Node();
        Node n3 = new Node();
        n1.ref = n2;
        n2.ref = n3;
        n3.ref = n1;
      }
    }
  }

  static void show(String label) {
    int[] c = Gc.getCount();
    System.out.println(label + " " + c[0] + " " + c[1] + " " + c[2]);
  }

  static Fin a, b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    show("count_after_collect");
    System.out.println("collect_again " + Gc.collect());
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    Gc.collect(0);
    a = null;
    b = null;
    System.out.println("collect1 " + Gc.collect(1));
    show("count_after_collect1");
    System.out.println("collect0 " + Gc.collect(0));
  }
}
