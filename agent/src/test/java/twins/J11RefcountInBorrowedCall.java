package twins;

import io.refshadow.Sys;

/**
 * Twin of j11_refcount_in_borrowed_call.py: {@code Sys.getRefcount} in a call made directly and in
 * one made through {@code via}, a method that only passes its argument on.
 */
public class J11RefcountInBorrowedCall {
  static class Fin {
    String name;

    Fin(String name) {
      this.name = name;
    }
  }

  static void show(String label, Fin f) {
    System.out.println(label + " " + Sys.getRefcount(f));
  }

  static void via(Fin f) {
    show("through_via", f);
  }

  public static void main(String[] args) {
    Fin x = new Fin("x");
    show("direct", x);
    via(x);
    System.out.println("after " + Sys.getRefcount(x));
  }
}
