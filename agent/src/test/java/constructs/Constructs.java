package constructs;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Sys;
import io.refshadow.Weakref;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Exercises the Java constructs the agent must mirror, printing what the shadow heap says about
 * each object's lifetime. Every expected line follows from the shadow model in DESIGN.md (a local
 * lives until rebound or the method exits, a temporary until stored/consumed/statement end, an
 * object is freed when its last reference goes); ConstructsIT checks them.
 */
public class Constructs {
  static final List<String> log = new ArrayList<>();
  static Object global;

  /** Logs its name when the shadow heap frees it. */
  static class Tracked {
    final String name;
    Object ref;

    Tracked(String name) {
      this.name = name;
    }

    @Del
    void del() {
      System.out.println("  freed " + name);
    }
  }

  record Pair(Object left, Object right) {}

  enum Color {
    RED,
    GREEN
  }

  static class Thrower extends Tracked {
    Thrower(String name, boolean fail) {
      super(name);
      if (fail) {
        throw new IllegalStateException("constructor failed");
      }
    }
  }

  static class Cloneable2 extends Tracked implements Cloneable {
    Cloneable2(String name) {
      super(name);
    }

    @Override
    protected Cloneable2 clone() throws CloneNotSupportedException {
      return (Cloneable2) super.clone();
    }
  }

  static int depth(int n) {
    Tracked t = new Tracked("frame" + n);
    if (n == 0) {
      return 0;
    }
    return 1 + depth(n - 1);
  }

  static void throwTwoUp() {
    Tracked local = new Tracked("unwound-local");
    middle(local);
  }

  static void middle(Tracked t) {
    Tracked other = new Tracked("unwound-middle");
    throw new RuntimeException("boom");
  }

  static Supplier<String> capture(Tracked captured) {
    return () -> captured.name;
  }

  static synchronized void syncStore(Object o) {
    global = o;
  }

  public static void main(String[] args) throws Exception {
    Gc.disable();
    Gc.collect();

    System.out.println("exception caught two frames up:");
    try {
      throwTwoUp();
    } catch (RuntimeException e) {
      System.out.println("  caught " + e.getMessage());
    }

    System.out.println("recursion:");
    System.out.println("  depth " + depth(2));

    System.out.println("loop reusing a local slot:");
    for (int i = 0; i < 3; i++) {
      Tracked loop = new Tracked("loop" + i);
      loop.ref = null;
    }
    System.out.println("  loop done");

    System.out.println("lambda capturing an object:");
    Supplier<String> s = capture(new Tracked("captured"));
    System.out.println("  still held by the lambda: " + s.get());
    s = null;
    System.out.println("  lambda dropped");

    System.out.println("collections:");
    List<Object> list = new ArrayList<>();
    list.add(new Tracked("in-list"));
    System.out.println("  added");
    list.remove(0);
    System.out.println("  removed");
    Map<String, Object> map = new HashMap<>();
    map.put("k", new Tracked("in-map"));
    System.out.println("  put");
    map = null;
    System.out.println("  map dropped");

    System.out.println("arrays, arraycopy, copyOf, clone:");
    Object[] a = {new Tracked("array-item")};
    Object[] b = new Object[1];
    System.arraycopy(a, 0, b, 0, 1);
    Object[] c = Arrays.copyOf(a, 2);
    Object[] d = a.clone();
    a = null;
    b = null;
    c = null;
    System.out.println("  one copy left");
    d = null;
    System.out.println("  all copies dropped");

    System.out.println("record, enum, static field, synchronized method:");
    Pair p = new Pair(new Tracked("record-left"), Color.RED);
    System.out.println(
        "  enum refcount is immortal: " + (Sys.getRefcount(Color.GREEN) > 1_000_000L));
    syncStore(p);
    p = null;
    System.out.println("  held by the static field");
    syncStore(null);
    System.out.println("  static field cleared");

    System.out.println("constructor that throws:");
    try {
      new Thrower("half-built", true);
    } catch (IllegalStateException e) {
      System.out.println("  caught " + e.getMessage());
    }

    System.out.println("reflection and super.clone():");
    Tracked holder = new Tracked("holder");
    Field f = Tracked.class.getDeclaredField("ref");
    f.set(holder, new Tracked("set-reflectively"));
    System.out.println("  set");
    f.set(holder, null);
    System.out.println("  cleared");
    Cloneable2 original = new Cloneable2("original");
    original.ref = new Tracked("shared-by-clone");
    Cloneable2 copy = original.clone();
    original = null;
    System.out.println("  original dropped");
    copy = null;
    System.out.println("  copy dropped");

    System.out.println("threads:");
    Tracked forThread = new Tracked("thread-local");
    Weakref<Tracked> w = Weakref.ref(forThread);
    forThread = null;
    Thread t =
        new Thread(
            () -> {
              Tracked inThread = new Tracked("made-in-thread");
              inThread.ref = null;
            });
    t.start();
    t.join();
    System.out.println("  joined");
    System.out.println("cycle collected: " + Gc.collect());
  }
}
