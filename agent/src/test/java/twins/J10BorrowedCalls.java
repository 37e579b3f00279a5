package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/**
 * Twin of j10_borrowed_calls.py: objects passed through methods that only hand their arguments on
 * die when the outer call returns, as in CPython, where the outer function's frame holds them; a
 * call's argument temporaries move into the called method only, not one waiting below them for an
 * outer call; a consumed call result is taken over by the next call that receives its object.
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

  /** Passes its argument to two calls. */
  static void twice(Fin f) {
    check(f);
    check(f);
  }

  /** Returns the result of its one call, which gets its argument. */
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

  /** Calls twice. */
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

  static Box holderBox;
  static Fin held;

  static void clear() {
    holderBox.item = null;
    System.out.println("cleared");
  }

  static void look(Fin f) {
    System.out.println("look " + f.name);
  }

  /** Uses its argument after a call. */
  static void clearThenLook(Fin f) {
    clear();
    look(f);
  }

  /** Its one call does not hand its argument on. */
  static void clearOnly(Fin f) {
    clear();
  }

  static void clearWith(Fin f) {
    holderBox.item = null;
    System.out.println("cleared_with " + f.name);
  }

  /** Uses its argument after its call. */
  static Fin clearAndReturn(Fin f) {
    clearWith(f);
    return f;
  }

  static int clearCount() {
    holderBox.item = null;
    System.out.println("cleared_count");
    return 0;
  }

  static void lookN(Fin f, int n) {
    System.out.println("look_n " + f.name);
  }

  /** Two calls, its argument loaded before the first. */
  static void lookAfterClear(Fin f) {
    lookN(f, clearCount());
  }

  static void helper(Fin f) {
    Other.check(f);
    Other.check(f);
  }

  /** Its one call hands on its argument. */
  static void checkViaHelper(Fin f) {
    helper(f);
  }

  static class Other {
    static void check(Fin f) {
      System.out.println("other_check " + f.name);
    }
  }

  static Fin make(String n) {
    Fin f = new Fin(n);
    held = f;
    return f;
  }

  static void drop(Fin f) {
    held = null;
    System.out.println("dropped " + f.name);
  }

  /** Called while make's result waits for use: drop gets the same object from held. */
  static int m() {
    drop(held);
    return 0;
  }

  /**
   * Called while make's result waits for use, with the same object: it must not take that
   * temporary, which is use's (it did before the call position, and the object died here).
   */
  static int dropCount(Fin f) {
    held = null;
    System.out.println("dropped_count " + f.name);
    return 0;
  }

  static void use(Fin f, int n) {
    System.out.println("use " + f.name);
  }

  static Fin left;

  static Fin getLeft() {
    return left;
  }

  static void clearLeft(Fin a) {
    left = null;
    a = null;
    System.out.println("cleared_left");
  }

  static int clearLeftCount(Fin a) {
    left = null;
    a = null;
    System.out.println("cleared_left_count");
    return 0;
  }

  static void both(boolean present, int n) {
    System.out.println("both " + Py.b(present) + " " + n);
  }

  interface Sink {
    void put(Fin f);
  }

  static void consume(Fin f) {
    f = null;
    System.out.println("ref_param_cleared");
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
    holderBox = new Box(new Fin("g"));
    clearThenLook(holderBox.item);
    System.out.println("after_clear_then_look");
    holderBox.item = new Fin("g2");
    clearOnly(holderBox.item);
    System.out.println("after_clear_only");
    holderBox.item = new Fin("k");
    Fin x = clearAndReturn(holderBox.item);
    System.out.println("got " + x.name);
    x = null;
    System.out.println("after_clear_and_return");
    holderBox.item = new Fin("n");
    lookAfterClear(holderBox.item);
    System.out.println("after_look_after_clear");
    checkViaHelper(new Fin("h"));
    System.out.println("after_check_via_helper");
    use(make("i"), m());
    System.out.println("after_use");
    use(make("j"), dropCount(held));
    System.out.println("after_use_direct");
    left = new Fin("x");
    clearLeft(getLeft() != null ? left : null); // getLeft()'s result: used up by the test
    System.out.println("after_left_x");
    Fin y = new Fin("y");
    left = y;
    y = null;
    if (getLeft() != null) clearLeft(left);
    System.out.println("after_left_y");
    left = new Fin("z");
    both(getLeft() != null, clearLeftCount(left)); // getLeft()'s result: used up below the call
    System.out.println("after_both");
    Sink sink =
        f -> {
          f = null;
          System.out.println("param_cleared");
        };
    sink.put(new Fin("l"));
    System.out.println("after_lambda");
    sink = J10BorrowedCalls::consume;
    sink.put(new Fin("r"));
    System.out.println("after_method_reference");
    System.out.println("collect " + Gc.collect());
  }
}
