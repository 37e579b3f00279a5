package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s54_merge_order.py: collect(n) merges gen0 then gen1 onto generation n. */
public class S54MergeOrder {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin x, y, z, p, q;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Fin();
    x.name = "old2";
    Gc.collect(1);
    y = new Fin();
    y.name = "mid1";
    Gc.collect(0);
    z = new Fin();
    z.name = "young0";
    x.ref = y;
    y.ref = z;
    z.ref = x;
    x = null;
    y = null;
    z = null;
    System.out.println("collect2 " + Gc.collect(2));
    p = new Fin();
    p.name = "p_gen1";
    Gc.collect(0);
    q = new Fin();
    q.name = "q_gen0";
    q.ref = p;
    p.ref = q;
    p = null;
    q = null;
    System.out.println("collect1 " + Gc.collect(1));
  }
}
