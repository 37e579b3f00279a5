package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/**
 * Twin of s47_exception_frame.py. CPython keeps a raising function's frame (and its locals) alive
 * through the traceback until the except block ends; a Java exception holds no frames, so under
 * refshadow the locals die while the exception unwinds (a documented difference).
 */
public class S47ExceptionFrame {
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

  static void raiser(String name) {
    Fin x = make(name);
    System.out.println("raising " + name);
    throw new IllegalArgumentException(name);
  }

  static void catchPlain() {
    try {
      raiser("plain");
    } catch (IllegalArgumentException ignored) {
      System.out.println("in_except_plain");
    }
    System.out.println("after_except_plain");
  }

  static void catchAs() {
    try {
      raiser("as_e");
    } catch (IllegalArgumentException e) {
      System.out.println("in_except_as " + e.getMessage());
    }
    System.out.println("after_except_as");
  }

  static void catchOwn() {
    Fin y = make("own_local");
    try {
      throw new IllegalStateException("k");
    } catch (IllegalStateException ignored) {
      System.out.println("in_except_own");
    }
    System.out.println("after_except_own");
  }

  static void catchDeep() {
    try {
      middle();
    } catch (IllegalArgumentException ignored) {
      System.out.println("in_except_deep");
    }
    System.out.println("after_except_deep");
  }

  static void middle() {
    Fin z = make("middle_local");
    raiser("deep");
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    catchPlain();
    System.out.println("---");
    catchAs();
    System.out.println("---");
    catchOwn();
    System.out.println("after_catch_own_returned");
    System.out.println("---");
    catchDeep();
    System.out.println("---");
    System.out.println("collect " + Gc.collect());
  }
}
