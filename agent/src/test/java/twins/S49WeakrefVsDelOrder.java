package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s49_weakref_vs_del_order.py: refcount: del then callback; gc: callbacks then dels. */
public class S49WeakrefVsDelOrder {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name + " weakref_dead " + Py.b(w.get() == null));
    }
  }

  static Weakref<Fin> w;
  static Fin x, a, b;

  static void cb(Weakref<Fin> r) {
    System.out.println("weakref_callback");
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Fin();
    x.name = "refcounted";
    w = Weakref.ref(x, S49WeakrefVsDelOrder::cb);
    x = null;
    System.out.println("---");
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    w = Weakref.ref(a, S49WeakrefVsDelOrder::cb);
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
  }
}
