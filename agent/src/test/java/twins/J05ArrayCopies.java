package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Sys;
import java.util.Arrays;

/** Twin of j05_array_copies.py: Arrays.copyOf, clone() and System.arraycopy copy references. */
public class J05ArrayCopies {
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

  static Object[] a, b, c, d;
  static Object x;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Object[2];
    a[0] = make("e0");
    a[1] = make("e1");
    x = a[0];
    System.out.println("refcount_one_list " + Sys.getRefcount(x));
    b = Arrays.copyOf(a, a.length);
    System.out.println("refcount_two_lists " + Sys.getRefcount(x));
    c = a.clone();
    System.out.println("refcount_three_lists " + Sys.getRefcount(x));
    a = null;
    System.out.println("original_dropped " + Sys.getRefcount(x));
    c = null;
    x = null;
    System.out.println("copies_dropped");
    d = new Object[2];
    d[0] = make("old0");
    d[1] = make("old1");
    System.arraycopy(b, 0, d, 0, 2);
    System.out.println("slice_assigned");
    b = null;
    System.out.println("b_dropped");
    d = null;
    System.out.println("end " + Gc.collect());
  }
}
