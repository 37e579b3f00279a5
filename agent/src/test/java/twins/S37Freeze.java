package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s37_freeze.py: frozen objects are ignored by collect() until unfreeze(). */
public class S37Freeze {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin a, b, c, d;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    c = new Fin();
    c.name = "c";
    Gc.freeze();
    System.out.println("frozen " + Py.b(Gc.getFreezeCount() > 0));
    a = null;
    b = null;
    System.out.println("collect_frozen " + Gc.collect());
    System.out.println("collect0_frozen " + Gc.collect(0));
    c = null;
    System.out.println("refcount_freed_frozen");
    d = new Fin();
    d.name = "d";
    d.ref = d;
    d = null;
    System.out.println("collect_unfrozen_new " + Gc.collect());
    Gc.unfreeze();
    System.out.println("freeze_count " + Gc.getFreezeCount());
    System.out.println("collect0_after_unfreeze " + Gc.collect(0));
    System.out.println("collect_after_unfreeze " + Gc.collect());
  }
}
