package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s57_collect_reentrant.py: collect() inside a collection returns 0. */
public class S57CollectReentrant {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name + " inner_collect " + Gc.collect());
    }
  }

  static void cb(String phase, GcInfo info) {
    System.out.println("cb " + phase + " " + info.generation() + " " + info.collected());
  }

  static final GcCallback cb = S57CollectReentrant::cb;
  static Fin a, b, p, x;
  static long s0;

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
    s0 = Gc.getStats().get(2).collections();
    System.out.println("collect " + Gc.collect());
    System.out.println("gen2_collections_delta " + (Gc.getStats().get(2).collections() - s0));
    System.out.println("---");
    p = new Fin();
    p.name = "p";
    p.ref = p;
    p = null;
    x = new Fin();
    x.name = "refcounted";
    x = null;
    System.out.println("end");
    Gc.callbacks().remove(cb);
  }
}
