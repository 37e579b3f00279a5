package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s55_move_unreachable_reorder.py: rescued objects move to the end of the young list. */
public class S55MoveUnreachableReorder {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static String names(int gen) {
    String s = "";
    for (Object o : Gc.getObjects(gen)) {
      if (o instanceof Fin) {
        s = s + " " + ((Fin) o).name;
      }
    }
    return s;
  }

  static Fin a, b, c, x, y;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    c = new Fin();
    c.name = "c";
    b.ref = c;
    c.ref = a;
    a.ref = b;
    a = null;
    c = null;
    System.out.println("gen0" + names(0));
    System.out.println("collect0 " + Gc.collect(0));
    System.out.println("gen1" + names(1));
    b = null;
    System.out.println("collect1 " + Gc.collect(1));
    System.out.println("---");
    x = new Fin();
    x.name = "x";
    y = new Fin();
    y.name = "y";
    x.ref = y;
    y.ref = x;
    y = null;
    System.out.println("collect0 " + Gc.collect(0));
    System.out.println("gen1" + names(1));
    x = null;
    System.out.println("collect1 " + Gc.collect(1));
  }
}
