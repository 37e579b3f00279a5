package io.refshadow.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only questions about shadow nodes for tools outside this package (the JUnit extension):
 * which objects are alive, what they are, whether the shadow models them exactly. The heap's lock
 * must be held by the caller (run inside {@link PyApi#call} or a {@link HeapListener} callback);
 * nothing here changes a node.
 */
public final class HeapInspector {
  private HeapInspector() {}

  /**
   * The nodes of every object the cycle detector tracks (generations 0-2, not the permanent one),
   * without the JDK collections' internal storage: what {@code gc.get_objects()} lists, and so what
   * objgraph's {@code typestats} counts.
   */
  public static List<Node> trackedObjects(ShadowHeap heap) {
    List<Node> out = new ArrayList<>();
    for (Node n : heap.gc.nodesOf(-1)) {
      if (!n.has(Node.INTERNAL)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The object's class, or null for a list sentinel. */
  public static Class<?> typeOf(Node n) {
    return n.type == null ? null : n.type.type;
  }

  /** Freed in the shadow heap (by refcount or by the cycle detector). */
  public static boolean isFreed(Node n) {
    return n.has(Node.FREED);
  }

  /** Storage a JDK collection allocated for itself (an ArrayList's array, a HashMap's nodes). */
  public static boolean isInternal(Node n) {
    return n.has(Node.INTERNAL);
  }

  /** Immortal (PEP 683): literals, cached boxes, enum constants, classes. */
  public static boolean isImmortal(Node n) {
    return n.has(Node.IMMORTAL);
  }

  /**
   * Escaped into code refshadow does not watch: it holds a reference that is released only once the
   * JVM has reclaimed it.
   */
  public static boolean isPinned(Node n) {
    return n.has(Node.PINNED);
  }

  /**
   * Holds a reference from outside the shadow (pinned, or adopted when first seen late), so that
   * nothing the shadow can name may be what keeps it alive: a root of its own.
   */
  public static boolean isHeldFromOutside(Node n) {
    return n.has(Node.EXTERNAL);
  }

  /** In one of the cycle detector's generation lists. */
  public static boolean isTracked(Node n) {
    return n.has(Node.TRACKED);
  }

  /** {@code Owner.field} for a static field id met as a root ({@link RootVisitor.Kind}). */
  public static String staticFieldName(int fieldId) {
    return FieldRegistry.name(fieldId);
  }
}
