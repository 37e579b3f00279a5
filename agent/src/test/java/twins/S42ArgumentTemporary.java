package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s42_argument_temporary.py: argument temporaries die right after the call. */
public class S42ArgumentTemporary {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin kept;

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    return n;
  }

  static void f(Fin p) {
    System.out.println("in_f " + p.name);
  }

  static void rebind(Fin p) {
    System.out.println("in_rebind " + p.name);
    p = null;
    System.out.println("in_rebind_after_param_cleared");
  }

  static void keep(Fin p) {
    kept = p;
  }

  static String nameOf(Fin p) {
    return p.name;
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    kept = null;
    f(make("arg"));
    System.out.println("after_f");
    System.out.println("builtin " + nameOf(make("nested")));
    System.out.println("after_builtin");
    System.out.println("isinstance " + Py.b(make("to_builtin") instanceof Fin));
    System.out.println("after_isinstance");
    rebind(make("rebound_arg"));
    System.out.println("after_rebind");
    keep(make("kept_arg"));
    System.out.println("after_keep " + kept.name);
    kept = null;
    System.out.println("after_kept_cleared");
    make("discarded");
    System.out.println("after_discarded_statement");
    System.out.println("collect " + Gc.collect());
  }
}
