package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of j06_early_exits.py: return inside a loop or try/finally, break. */
public class J06EarlyExits {
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

  static Fin find(int target) {
    Fin x = null;
    for (int i = 0; i < 5; i++) {
      x = make("candidate" + i);
      if (i == target) {
        return x;
      }
    }
    return null;
  }

  static Fin withFinally() {
    Fin y = make("in_try");
    try {
      Fin z = make("returned_from_try");
      return z;
    } finally {
      System.out.println("finally " + y.name);
    }
  }

  static void breaks() {
    Fin w = null;
    for (int i = 0; i < 5; i++) {
      w = make("loop" + i);
      if (i == 1) {
        break;
      }
    }
    System.out.println("after_break");
  }

  static Fin r;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    r = find(2);
    System.out.println("found " + r.name);
    r = null;
    System.out.println("---");
    r = withFinally();
    System.out.println("got " + r.name);
    r = null;
    System.out.println("---");
    breaks();
    System.out.println("after_breaks");
    System.out.println("collect " + Gc.collect());
  }
}
