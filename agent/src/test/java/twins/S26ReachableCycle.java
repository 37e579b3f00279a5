package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s26_reachable_cycle.py: a cycle reachable from a holder or a list survives. */
public class S26ReachableCycle {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin holder, a, b, c, d;
  static Object[] lst;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    holder = new Fin();
    holder.name = "holder";
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    holder.ref = a;
    a = null;
    b = null;
    System.out.println("collect_reachable " + Gc.collect());
    System.out.println("collect_again " + Gc.collect());
    holder.ref = null;
    System.out.println("collect_unlinked " + Gc.collect());
    lst = new Object[1];
    c = new Fin();
    c.name = "c";
    d = new Fin();
    d.name = "d";
    c.ref = d;
    d.ref = c;
    lst[0] = d;
    c = null;
    d = null;
    System.out.println("collect_in_list " + Gc.collect());
    lst[0] = null;
    System.out.println("collect_list_cleared " + Gc.collect());
    holder = null;
    System.out.println("end");
  }
}
