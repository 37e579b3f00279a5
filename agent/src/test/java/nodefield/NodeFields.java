package nodefield;

import io.refshadow.Del;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The node field the agent injects (io.refshadow.heap.NodeField): standard output is what the
 * CPython twin {@code node_fields.py} prints (copies and subclass instances die where they are
 * dropped, a ring is collected); standard error reports, as {@code shadow:} lines, which classes
 * carry the field and what it holds, and each serializable class's serialVersionUID, which the
 * field must not change. NodeFieldIT compares both with and without the field.
 */
public class NodeFields {
  /** Prints when the shadow frees it; copied by clone(), as copy.copy copies a Python object. */
  static class Item implements Cloneable, Serializable {
    String name;
    Object ref;

    Item(String name) {
      this.name = name;
    }

    @Override
    protected Item clone() {
      try {
        return (Item) super.clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    Item copy(String newName) {
      Item c = clone();
      c.name = newName;
      return c;
    }

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  /** A subclass of a class that got the field: it needs none of its own. */
  static class Special extends Item {
    Object extra;

    Special(String name) {
      super(name);
    }
  }

  record Point(Object x, Object y) {}

  enum Color {
    RED
  }

  interface Shape {}

  public static void main(String[] args) throws Exception {
    for (Class<?> c :
        new Class<?>[] {Item.class, Special.class, Point.class, Color.class, Shape.class}) {
      System.err.println("shadow: field " + c.getSimpleName() + " " + nodeFieldOf(c));
      System.err.println("shadow: declared " + c.getSimpleName() + declaredFields(c));
    }
    System.err.println(
        "shadow: suid Item " + ObjectStreamClass.lookup(Item.class).getSerialVersionUID());
    if (args.length > 0 && args[0].equals("classes-only")) {
      return; // run without the agent: Gc.collect() below needs it
    }
    if (args.length > 0 && args[0].equals("release")) {
      release();
      return;
    }

    Item a = new Item("a");
    Item b = a.copy("b");
    Object nodeA = nodeIn(a);
    Object nodeB = nodeIn(b);
    System.err.println("shadow: a holds " + describe(nodeA));
    System.err.println("shadow: copy has its own node " + (nodeA != nodeB && nodeB != null));
    System.out.println("dropping b");
    b = null;
    System.err.println("shadow: a still holds its node " + (nodeIn(a) == nodeA));
    System.out.println("dropping a");
    a = null;

    Special s = new Special("s");
    s.extra = new Item("s.extra");
    System.err.println("shadow: subclass instance holds " + describe(nodeIn(s)));
    System.out.println("dropping s");
    s = null;

    Item x = new Item("x");
    Item y = new Item("y");
    x.ref = y;
    y.ref = x;
    x = null;
    y = null;
    System.out.println("collecting");
    System.out.println("collected " + io.refshadow.Gc.collect());
    System.out.println("end");
  }

  /**
   * Holds a ring of items and a chain hanging off it, has the shadow released as after an
   * out-of-memory error inside a hook (the report a hook makes), and reports how many of the items
   * still hold a node in their field, and how many of their former nodes the JVM could not reclaim:
   * the memory a release gives back is only given back if the objects the program keeps let go of
   * their nodes.
   */
  private static void release() throws Exception {
    Item[] items = new Item[200];
    for (int i = 0; i < items.length; i++) {
      items[i] = new Item("r" + i);
      if (i > 0) {
        items[i - 1].ref = items[i];
      }
    }
    items[99].ref = items[0]; // a ring of 100, tracked in a generation; the rest a chain off it
    java.lang.ref.WeakReference<?>[] nodes = new java.lang.ref.WeakReference<?>[items.length];
    int held = 0;
    for (int i = 0; i < items.length; i++) {
      Object node = nodeIn(items[i]);
      held += node == null ? 0 : 1;
      nodes[i] = new java.lang.ref.WeakReference<>(node);
    }
    System.err.println("shadow: before the release, items holding a node " + held);
    io.refshadow.heap.Failures.report(
        "NodeFields (a test)", new OutOfMemoryError("simulated, inside a hook"));
    System.err.println("shadow: released " + io.refshadow.heap.ShadowHeap.active.isReleased());
    int still = 0;
    for (Item item : items) {
      still += nodeIn(item) == null ? 0 : 1;
    }
    System.err.println("shadow: after the release, items holding a node " + still);
    int alive = items.length;
    for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
      System.gc();
      Thread.sleep(50);
      alive = 0;
      for (java.lang.ref.WeakReference<?> w : nodes) {
        alive += w.get() == null ? 0 : 1;
      }
    }
    System.err.println("shadow: former nodes the JVM could not reclaim " + alive);
    java.lang.ref.Reference.reachabilityFence(items);
  }

  /** "none", or the injected field's modifiers and the class declaring it. */
  private static String nodeFieldOf(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      Field f;
      try {
        f = k.getDeclaredField("$refshadow$node"); // by name: getDeclaredFields() does not list it
      } catch (NoSuchFieldException e) {
        continue;
      }
      return Modifier.toString(f.getModifiers())
          + (f.isSynthetic() ? " synthetic" : "")
          + " in "
          + k.getSimpleName();
    }
    return "none";
  }

  /**
   * The names of a class's declared fields, as the program's reflection lists them: by a direct
   * call, and through a method reference (an invokedynamic the agent rewrites too).
   */
  private static String declaredFields(Class<?> c) {
    StringBuilder names = new StringBuilder();
    for (Field f : c.getDeclaredFields()) {
      names.append(' ').append(f.getName());
    }
    java.util.function.Function<Class<?>, Field[]> lister = Class::getDeclaredFields;
    names.append(" |");
    for (Field f : lister.apply(c)) {
      names.append(' ').append(f.getName());
    }
    return names.toString();
  }

  private static Object nodeIn(Item item) throws ReflectiveOperationException {
    Field f;
    try {
      f = Item.class.getDeclaredField("$refshadow$node");
    } catch (NoSuchFieldException e) {
      return null;
    }
    f.setAccessible(true);
    return f.get(item);
  }

  private static String describe(Object node) {
    return node == null ? "nothing" : "a " + node.getClass().getName();
  }
}
