package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s30_debug_saveall.py: DEBUG_SAVEALL keeps garbage in gc.garbage. */
public class S30DebugSaveall {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin a, b, c, o;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    Gc.setDebug(Gc.DEBUG_SAVEALL);
    System.out.println("debug " + Py.b(Gc.getDebug() == Gc.DEBUG_SAVEALL));
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    c = new Fin();
    c.name = "c";
    c.ref = c;
    a = null;
    b = null;
    c = null;
    System.out.println("collect " + Gc.collect());
    System.out.println("garbage_len " + Gc.garbage().size());
    // the loop variable is a global, as in the Python program
    for (int k = 0; k < Gc.garbage().size(); k++) {
      o = (Fin) Gc.garbage().get(k);
      System.out.println("garbage " + o.name + " " + o.ref.name);
    }
    o = null;
    System.out.println("collect_again " + Gc.collect());
    System.out.println("garbage_len " + Gc.garbage().size());
    Gc.setDebug(0);
    Gc.garbage().clear();
    System.out.println("cleared");
    System.out.println("collect_after_clear " + Gc.collect());
    System.out.println("garbage_len " + Gc.garbage().size());
  }
}
