package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s51_finalizer_breaks_cycle.py: a finalizer that breaks its cycle; collect() is 0. */
public class S51FinalizerBreaksCycle {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
      if (name.equals("a")) {
        this.ref = null;
        System.out.println("a_broke_cycle");
      }
    }
  }

  static void cb(String phase, GcInfo info) {
    System.out.println("cb " + phase + " " + info.collected());
  }

  static final GcCallback cb = S51FinalizerBreaksCycle::cb;
  static Fin a, b, c, d;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    Gc.callbacks().add(cb);
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    c = new Fin();
    c.name = "c";
    d = new Fin();
    d.name = "d";
    c.ref = d;
    d.ref = c;
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    c = null;
    d = null;
    System.out.println("collect_mixed " + Gc.collect());
    Gc.callbacks().remove(cb);
  }
}
