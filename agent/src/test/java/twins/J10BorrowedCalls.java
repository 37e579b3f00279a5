package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/**
 * Twin of j10_borrowed_calls.py: a method that only passes its arguments on (refshadow gives it no
 * frame) leaves an object made for the call with the caller that made it, so the object dies when
 * the outer call returns, as in CPython, where the outer function's frame holds it.
 */
public class J10BorrowedCalls {
  static class Fin {
    String name;

    Fin(String name) {
      this.name = name;
    }

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static void check(Fin f) {
    System.out.println("check " + f.name);
  }

  static String nameOf(Fin f) {
    return "name " + f.name;
  }

  static Fin same(Fin f) {
    System.out.println("same " + f.name);
    return f;
  }

  /** Passes its argument to two calls, and does nothing else. */
  static void twice(Fin f) {
    check(f);
    check(f);
  }

  /** Returns a call's result. */
  static Fin relay(Fin f) {
    return same(f);
  }

  static class Box {
    Fin item;

    Box(Fin item) {
      this.item = item;
    }

    String itemName() {
      return nameOf(item);
    }

    void checkItem() {
      check(item);
    }
  }

  static class Checker {
    void check(Fin f) {
      System.out.println("checker " + f.name);
    }
  }

  /** Calls a method of its own name and signature: it keeps its frame. */
  static class Wrapper {
    Checker inner;

    Wrapper(Checker inner) {
      this.inner = inner;
    }

    void check(Fin f) {
      inner.check(f);
      inner.check(f);
    }
  }

  public static void main(String[] args) {
    Gc.disable();
    twice(new Fin("a"));
    System.out.println("after_twice");
    Fin r = relay(new Fin("b"));
    System.out.println("relay_returned " + r.name);
    r = null;
    System.out.println("after_r_cleared");
    relay(new Fin("c"));
    System.out.println("after_discarded_relay");
    Box box = new Box(new Fin("d"));
    System.out.println(box.itemName());
    box.checkItem();
    box = null;
    System.out.println("after_box_cleared");
    System.out.println(new Box(new Fin("e")).itemName());
    System.out.println("after_temporary_box");
    Wrapper w = new Wrapper(new Checker());
    w.check(new Fin("f"));
    System.out.println("after_wrapper");
    System.out.println("collect " + Gc.collect());
  }
}
