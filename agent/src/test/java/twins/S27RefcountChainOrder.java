package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s27_refcount_chain_order.py: refcount freeing is depth-first, in slot order. */
public class S27RefcountChainOrder {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin a, r, p, q;

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    return n;
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = make("a");
    a.ref = make("b");
    a.ref.ref = make("c");
    System.out.println("before_del_a");
    a = null;
    System.out.println("after_del_a");
    r = make("r");
    r.ref = make("x");
    r.ref.ref = make("x1");
    r.ref.ref2 = make("x2");
    r.ref2 = make("y");
    System.out.println("before_del_r");
    r = null;
    System.out.println("after_del_r");
    p = make("p");
    q = make("q");
    p.ref = q;
    q = null;
    System.out.println("drop_p_keeps_nothing");
    p = null;
    System.out.println("collect " + Gc.collect());
  }
}
