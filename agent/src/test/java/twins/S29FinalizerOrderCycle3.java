package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s29_finalizer_order_cycle3.py: finalizers run in allocation (list) order. */
public class S29FinalizerOrderCycle3 {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin n0, n1, n2, m0, m1, m2;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    n2 = new Fin();
    n2.name = "n2";
    n0 = new Fin();
    n0.name = "n0";
    n1 = new Fin();
    n1.name = "n1";
    n0.ref = n1;
    n1.ref = n2;
    n2.ref = n0;
    n0 = null;
    n1 = null;
    n2 = null;
    System.out.println("collect " + Gc.collect());
    m2 = new Fin();
    m2.name = "m2";
    m0 = new Fin();
    m0.name = "m0";
    m1 = new Fin();
    m1.name = "m1";
    m0.ref = m2;
    m2.ref = m1;
    m1.ref = m0;
    m1 = null;
    m0 = null;
    m2 = null;
    System.out.println("collect " + Gc.collect());
  }
}
