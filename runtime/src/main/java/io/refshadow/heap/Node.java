package io.refshadow.heap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * One object of the shadow heap: its refcount, its own outgoing edges, and its place in the cycle
 * detector's generation lists (the Java counterpart of CPython's {@code PyGC_Head}).
 *
 * <p>A node refers to its real object only weakly, so the shadow never keeps an object alive that
 * the JVM could reclaim; the heap pins the object ({@link ShadowHeap#strong}, a side table, marked
 * by {@link #EXTRA}) only while it may still have to hand it to user code (an {@code @Del} method,
 * a weak reference's {@code get()}, {@code gc.garbage}). All fields are guarded by the heap's lock.
 */
public final class Node extends WeakReference<Object> {
  /** Bits of {@link #flags}. */
  static final int TRACKED = 1, // in a generation list (CPython: _PyObject_GC_IS_TRACKED)
      COLLECTING = 1 << 1, // PREV_MASK_COLLECTING: in the generation being collected
      UNREACHABLE = 1 << 2, // NEXT_MASK_UNREACHABLE: in move_unreachable's unreachable list
      FINALIZED = 1 << 3, // _PyGCHead_FINALIZED: @Del already ran (PEP 442)
      IMMORTAL = 1 << 4, // PEP 683: never counted, never freed
      PINNED = 1 << 5, // escaped into uninstrumented code: one extra reference, until JVM reclaim
      ADOPTED = 1 << 6, // first seen after its allocation: lifetime not modelled exactly
      FREED = 1 << 7, // deallocated; any later use is a bug that is counted, not followed
      IN_TABLE = 1 << 8, // reachable through the identity table
      DEALLOCATING = 1 << 9, // inside subtype_dealloc
      EXTERNAL = 1 << 10, // holds one reference from outside the shadow (adopted or pinned)
      WEAKREF_OBJECT = 1 << 11, // the node of a weak reference object (its strong object is it)
      INTERNAL = 1 << 12, // a JDK collection's own storage: tracked, but not counted in gen 0
      CONSTRUCTING = 1 << 13, // seen in its constructor; not yet handed to its creator
      RELEASED = 1 << 14, // cut loose from its object when the whole shadow was released
      // the JDK's, not the program's: adopted holding an external reference, so the JVM decides
      // when it dies. gc.collect() does not count it.
      FOREIGN = 1 << 15,
      // has an entry in the heap's side table: a strong object, or weak references
      // (ShadowHeap#extras)
      EXTRA = 1 << 16;

  final ClassInfo type;

  /**
   * Where the heap keeps this node: its index in the identity table ({@link NodeTable}) while
   * {@link #IN_TABLE}, which a rebuild of the table's hash part leaves as it is; the heap's
   * negative field mark while it lives in its object's injected field ({@link NodeField});
   * otherwise meaningless.
   */
  int tableSlot;

  int refcount;
  int flags;

  /**
   * Outgoing edges. For an instance: one slot per reference field, in {@link ClassInfo} order. For
   * a reference array: one slot per element, allocated at the first store.
   */
  Node[] edges;

  /**
   * Its slot in the generation lists' {@link GcSlots}, which keep its list links (and its gc_refs
   * while the cycle detector runs); 0 when in no list.
   */
  int gcSlot;

  /**
   * Shallow size in 8-byte words (the JVM's objects are 8-byte aligned), or -1 when the JVM could
   * not tell: an {@code int} of words covers objects up to 16 GiB where an {@code int} of bytes
   * stops at 2 GiB, and with no identity hash or birth time kept, the node is 64 bytes (96 before
   * Session 13, 80 before its object and weak references moved to the heap's side table, Session
   * 18, 72 before its list links and gc_refs moved to {@link GcSlots}, Session 21).
   */
  private final int sizeWords;

  /**
   * Per-object bookkeeping of the agent's own listener ({@link ShadowHeap#setListener}, the JFR
   * events); listeners added with {@code addListener} must not use it. Guarded by the heap lock.
   */
  private long listenerData;

  Node(Object referent, ClassInfo type, long size, ReferenceQueue<Object> queue) {
    super(referent, queue);
    this.type = type;
    this.sizeWords = toWords(size);
  }

  /** A list sentinel: no referent, never in the table. */
  Node() {
    super(null);
    this.type = null;
    this.sizeWords = 0;
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** The type's display name (for reports and errors). */
  public String typeName() {
    return type == null ? "?" : type.name;
  }

  public int refcount() {
    return refcount;
  }

  /** Shallow size in bytes, as the JVM reports it (rounded up to 8); -1 if it could not tell. */
  public long size() {
    return sizeWords < 0 ? -1 : sizeWords * 8L;
  }

  /** {@code bytes} in 8-byte words, rounded up; -1 for a negative size (unknown). */
  static int toWords(long bytes) {
    if (bytes < 0) {
      return -1;
    }
    return (int) Math.min((bytes + 7) >>> 3, Integer.MAX_VALUE);
  }

  /**
   * Whether its class has a finalizer ({@code @Del}). The node keeps no birth time (8 bytes per
   * object); a listener that wants the age of finalized objects notes it for these at allocation.
   */
  public boolean hasFinalizer() {
    return type != null && type.del != null;
  }

  /** First seen after its allocation: its lifetime is not modelled exactly. */
  public boolean isAdopted() {
    return has(ADOPTED);
  }

  /**
   * Made by the JDK's own code and met later in an instrumented JDK collection (a class loader's
   * cache entry, an interned method type): not one of the program's objects.
   */
  public boolean isJdkInternal() {
    return has(ADOPTED) && type != null && !type.isArray && type.type.getClassLoader() == null;
  }

  /** Number of outgoing edge slots (reference fields, or array elements). */
  public int edgeCount() {
    return edges == null ? 0 : edges.length;
  }

  /** The node edge slot {@code i} refers to, or null. */
  public Node edge(int i) {
    return edges[i];
  }

  /** The name of edge slot {@code i}: its field name, or {@code []} for an array element. */
  public String edgeName(int i) {
    return type == null || type.isArray ? "[]" : type.fieldNames[i];
  }

  /** The listener's own value for this node (0 until set); call with the heap lock held. */
  public long listenerData() {
    return listenerData;
  }

  public void setListenerData(long value) {
    listenerData = value;
  }

  /**
   * Its object's identity hash in hex (Java's nearest to an address), or the node's own once the
   * object is gone: the one name for an object in debug output and in {@link #toString}.
   */
  String identityHex() {
    Object o = get();
    return Integer.toHexString(System.identityHashCode(o != null ? o : this));
  }

  @Override
  public String toString() {
    return typeName() + "@" + identityHex() + "(rc=" + refcount + ")";
  }
}
