package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s41_frame_local.py: a local's object dies when its method returns. */
public class S41FrameLocal {
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

  static void f() {
    Fin x = make("local");
    System.out.println("in_f");
  }

  static void g() {
    Fin x = make("rebound");
    System.out.println("in_g_before_rebind");
    x = null;
    System.out.println("in_g_after_rebind");
  }

  static Fin h() {
    Fin x = make("returned");
    Fin y = make("dropped");
    y.ref = x;
    return x;
  }

  static void k() {
    Fin x = make("outer_local");
    f();
    System.out.println("in_k_after_f");
  }

  static Fin r;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    System.out.println("call_f");
    f();
    System.out.println("after_f");
    g();
    System.out.println("after_g");
    r = h();
    System.out.println("after_h " + r.name);
    r = null;
    System.out.println("after_r_cleared");
    k();
    System.out.println("after_k");
    System.out.println("collect " + Gc.collect());
  }
}
