package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s52_cross_generation_cycle.py: a cycle spanning generations needs the older one. */
public class S52CrossGenerationCycle {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static int genOf(String name) {
    for (int g = 0; g < 3; g++) {
      for (Object o : Gc.getObjects(g)) {
        if (o instanceof Fin && ((Fin) o).name.equals(name)) {
          return g;
        }
      }
    }
    return -1;
  }

  static Fin a, b, c, d;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    Gc.collect(0);
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    System.out.println("gens " + genOf("a") + " " + genOf("b"));
    a = null;
    b = null;
    System.out.println("collect0 " + Gc.collect(0));
    c = new Fin();
    c.name = "c";
    System.out.println("collect1 " + Gc.collect(1));
    c.ref = c;
    Gc.collect(1);
    d = new Fin();
    d.name = "d";
    d.ref = c;
    c.ref2 = d;
    Gc.collect(0);
    System.out.println("gens " + genOf("c") + " " + genOf("d"));
    c = null;
    d = null;
    System.out.println("collect1 " + Gc.collect(1));
    System.out.println("collect2 " + Gc.collect(2));
  }
}
