package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s64_del_raises.py: an exception in a finalizer is reported and ignored. */
public class S64DelRaises {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
      if (name.equals("a") || name.equals("solo")) {
        throw new RuntimeException("boom in " + name);
      }
    }
  }

  static Fin a, b, c, x;

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
    x = new Fin();
    x.name = "solo";
    x = null;
    System.out.println("after_refcount_free");
    System.out.println("collect " + Gc.collect());
  }
}
