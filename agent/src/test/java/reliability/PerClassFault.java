package reliability;

import io.refshadow.Del;

/**
 * A program with one class whose hooks fail inside refshadow: ReliabilityIT runs it with {@code
 * -Drefshadow.test.fault=reliability.PerClassFault$Keeper}. Keeper's instrumentation must be
 * switched off at its first failure, and only Keeper's: what Keeper holds is never reported freed
 * (its stores are pinned), and the classes around it keep exact lifetimes. The expected lines come
 * from the CPython twin, {@code per_class_fault.py}, and its real output {@code
 * per_class_fault.out} (test resources), up to {@code done} (after it CPython's shutdown frees what
 * module globals held, which a JVM does not do).
 */
public class PerClassFault {
  static Keeper keeper;

  /** Prints when the shadow heap frees it. */
  static class Item {
    final String name;

    Item(String name) {
      this.name = name;
    }

    @Del
    void del() {
      System.out.println("  freed " + name);
    }
  }

  /** The class whose hooks fail (its constructor is its first). */
  static class Keeper {
    Object kept;
    Object[] shelf = new Object[2];

    void keep(Object o) {
      kept = o;
    }

    void shelve(Object o) {
      shelf[0] = o;
    }
  }

  /** A class that stays watched. */
  static class Box {
    Object held;

    void put(Object o) {
      held = o;
    }

    void clear() {
      held = null;
    }
  }

  public static void main(String[] args) {
    System.out.println("healthy before:");
    Item a = new Item("a");
    a = null;
    System.out.println("a dropped");
    Keeper k = new Keeper();
    Item b = new Item("b");
    k.keep(b);
    b = null;
    System.out.println("b dropped while the keeper holds it");
    Item c = new Item("c");
    k.shelve(c);
    c = null;
    System.out.println("c dropped while the keeper's shelf holds it");
    for (int i = 0; i < 100; i++) {
      k.keep(k.kept);
    }
    System.out.println("healthy after:");
    Box box = new Box();
    Item d = new Item("d");
    box.put(d);
    d = null;
    System.out.println("d held by the box");
    box.clear();
    System.out.println("d released by the box");
    Item e = new Item("e");
    e = null;
    System.out.println("e dropped");
    System.out.println("done");
    keeper = k;
  }
}
