package constructs;

import io.refshadow.Del;
import io.refshadow.Gc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Reference writes that bytecode does not show as a plain store: {@code AtomicReference}, a {@code
 * VarHandle} on a field, {@code AtomicReferenceFieldUpdater}, {@code AtomicReferenceArray} and
 * {@code ConcurrentHashMap} (which stores into its table through {@code Unsafe}). Each must behave
 * like an attribute or a dict slot in Python: the replaced object is freed at the write, a failed
 * compare-and-set changes nothing, and everything goes when its holder goes. ProgramsUnderAgentIT
 * checks the lines.
 */
public class AtomicWrites {
  /** Logs its name when the shadow heap frees it. */
  static class Tracked {
    final String name;

    Tracked(String name) {
      this.name = name;
    }

    @Del
    void del() {
      System.out.println("  freed " + name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static class Holder {
    volatile Object value;

    static final VarHandle VALUE;
    static final AtomicReferenceFieldUpdater<Holder, Object> UPDATER =
        AtomicReferenceFieldUpdater.newUpdater(Holder.class, Object.class, "value");

    static {
      try {
        VALUE = MethodHandles.lookup().findVarHandle(Holder.class, "value", Object.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  static volatile Object global;
  static final VarHandle GLOBAL;

  static {
    try {
      GLOBAL =
          MethodHandles.lookup().findStaticVarHandle(AtomicWrites.class, "global", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();

    System.out.println("AtomicReference:");
    AtomicReference<Object> ref = new AtomicReference<>(new Tracked("ar-initial"));
    ref.set(new Tracked("ar-second"));
    System.out.println("  set");
    boolean swapped = ref.compareAndSet("not the value", new Tracked("ar-cas-failed"));
    System.out.println("  failed compareAndSet: " + swapped);
    Object old = ref.getAndSet(new Tracked("ar-third"));
    System.out.println("  getAndSet returned " + old);
    old = null;
    System.out.println("  old value dropped");
    ref = null;
    System.out.println("  reference dropped");

    System.out.println("VarHandle on a field:");
    Holder h = new Holder();
    Holder.VALUE.set(h, new Tracked("vh-first"));
    System.out.println("  set");
    Holder.VALUE.compareAndSet(h, h.value, new Tracked("vh-second"));
    System.out.println("  compareAndSet");
    h = null;
    System.out.println("  holder dropped");

    System.out.println("VarHandle on a static field:");
    GLOBAL.set(new Tracked("static-first"));
    System.out.println("  set");
    GLOBAL.compareAndSet(global, new Tracked("static-second"));
    System.out.println("  compareAndSet");
    GLOBAL.set(null);
    System.out.println("  cleared");

    System.out.println("AtomicReferenceFieldUpdater:");
    Holder u = new Holder();
    Holder.UPDATER.set(u, new Tracked("upd-first"));
    System.out.println("  set");
    Holder.UPDATER.compareAndSet(u, u.value, new Tracked("upd-second"));
    System.out.println("  compareAndSet");
    u = null;
    System.out.println("  holder dropped");

    System.out.println("AtomicReferenceArray:");
    AtomicReferenceArray<Object> array = new AtomicReferenceArray<>(2);
    array.set(0, new Tracked("ara-first"));
    System.out.println("  set");
    array.compareAndSet(0, array.get(0), new Tracked("ara-second"));
    System.out.println("  compareAndSet");
    array = null;
    System.out.println("  array dropped");

    System.out.println("ConcurrentHashMap:");
    Map<String, Object> map = new ConcurrentHashMap<>();
    map.put("a", new Tracked("chm-a"));
    map.put("b", new Tracked("chm-b"));
    System.out.println("  put");
    map.remove("a");
    System.out.println("  removed");
    map.put("b", new Tracked("chm-b2"));
    System.out.println("  replaced");
    map.computeIfAbsent("c", k -> new Tracked("chm-c"));
    map.remove("c");
    System.out.println("  computed and removed");
    map = null;
    System.out.println("  map dropped");
    System.out.println("cycle collected: " + Gc.collect());
  }
}
