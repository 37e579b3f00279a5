package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s65_finalizers_see_intact_cycle.py: every finalizer runs before any clearing. */
public class S65FinalizersSeeIntactCycle {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name + " next " + ref.name + " next_next " + ref.ref.name);
    }
  }

  static Fin a, b, c;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    c = new Fin();
    c.name = "c";
    a.ref = b;
    b.ref = c;
    c.ref = a;
    a = null;
    b = null;
    c = null;
    System.out.println("collect " + Gc.collect());
  }
}
