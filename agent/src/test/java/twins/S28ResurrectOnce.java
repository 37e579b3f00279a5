package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s28_resurrect_once.py: PEP 442, a finalizer runs once; resurrection. */
public class S28ResurrectOnce {
  static Fin saved;

  static class Node {
    String name;
    Object ref;
    Object ref2;
  }

  static class Fin {
    String name;
    Fin ref;
    Object ref2;

    @Del
    void del() {
      System.out.println("del " + name);
      if (name.equals("a")) {
        saved = this;
      }
    }
  }

  static Fin a, b, c, d;
  static Node p;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    p = new Node();
    a.ref2 = p;
    p = null;
    c = new Fin();
    c.name = "c";
    d = new Fin();
    d.name = "d";
    c.ref = d;
    d.ref = c;
    System.out.println(
        "finalized_before " + Py.b(Gc.isFinalized(a)) + " " + Py.b(Gc.isFinalized(b)));
    a = null;
    b = null;
    c = null;
    d = null;
    System.out.println("collect_first " + Gc.collect());
    System.out.println("saved " + saved.name + " " + saved.ref.name);
    System.out.println(
        "finalized_after " + Py.b(Gc.isFinalized(saved)) + " " + Py.b(Gc.isFinalized(saved.ref)));
    System.out.println("plain_node_finalized " + Py.b(Gc.isFinalized(saved.ref2)));
    System.out.println("collect_while_saved " + Gc.collect());
    saved = null;
    System.out.println("collect_second " + Gc.collect());
    System.out.println("collect_third " + Gc.collect());
  }
}
