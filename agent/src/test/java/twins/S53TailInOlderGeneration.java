package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s53_tail_in_older_generation.py: an older tail dies by refcount during clearing. */
public class S53TailInOlderGeneration {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    return n;
  }

  static Fin tail, a, b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    tail = make("t1");
    tail.ref = make("t2");
    tail.ref.ref = make("t3");
    Gc.collect(0);
    a = make("a");
    b = make("b");
    a.ref = b;
    b.ref = a;
    a.ref2 = tail;
    tail = null;
    a = null;
    b = null;
    System.out.println("collect0 " + Gc.collect(0));
    System.out.println("collect " + Gc.collect());
    System.out.println("---");
    tail = make("u1");
    tail.ref = make("u2");
    tail.ref.ref = make("u3");
    a = make("a");
    b = make("b");
    a.ref = b;
    b.ref = a;
    a.ref2 = tail;
    tail = null;
    a = null;
    b = null;
    System.out.println("collect0_all_young " + Gc.collect(0));
  }
}
