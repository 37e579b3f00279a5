package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/**
 * Twin of s48_exception_cycle.py. In CPython, {@code err = e} makes a cycle exception -> traceback
 * -> frame -> err that keeps the raiser's locals alive until gc.collect(); a Java exception holds
 * no frames, so under refshadow the raiser's local dies as the exception unwinds (a documented
 * difference).
 */
public class S48ExceptionCycle {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static void raiser() {
    Fin x = new Fin();
    x.name = "raiser_local";
    throw new IllegalArgumentException("boom");
  }

  static void keepsException() {
    RuntimeException err = null;
    try {
      raiser();
    } catch (IllegalArgumentException e) {
      err = e;
    }
    System.out.println("in_function_after_except " + err.getMessage());
  }

  static void dropsException() {
    RuntimeException err = null;
    try {
      raiser();
    } catch (IllegalArgumentException e) {
      err = e;
    }
    err = null;
    System.out.println("in_function_after_err_cleared");
  }

  static int r;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    keepsException();
    System.out.println("after_return");
    r = Gc.collect();
    System.out.println("collected_something " + Py.b(r > 0));
    System.out.println("---");
    dropsException();
    System.out.println("after_return");
    System.out.println("collect " + Gc.collect());
  }
}
