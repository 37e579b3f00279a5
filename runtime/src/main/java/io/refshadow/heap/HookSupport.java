package io.refshadow.heap;

/**
 * The locked bodies of {@code io.refshadow.Hooks}: each takes the heap's lock, skips events that
 * come from the heap's own work, and checks that a frame is still active.
 */
public final class HookSupport {
  private HookSupport() {}

  /**
   * Computes a value's class description before the heap's lock is taken: reflection may load
   * classes, and a thread loading a class may itself be waiting for the lock (instrumented JDK
   * collections run inside class loading), so class loading must never happen under the lock. The
   * description (null for null) is handed to the heap, which then looks up no class again for this
   * value (the lookup, a {@code ClassValue} probe, was made two to four times per value before:
   * here, in {@code find}, in {@code adopt} and in {@code create}).
   */
  private static ClassInfo prepare(Object value) {
    return value == null ? null : ClassInfo.of(value.getClass());
  }

  public static Frame enter(ShadowHeap h, int classId, int maxLocals, boolean constructor) {
    ThreadState ts = h.threadState(); // once per entry: checked before the lock, used after it
    if (ShadowHeap.pollDue(ts, 1)) {
      // before the lock: the heap guard reads the JVM's collectors
      h.pollPressure(ts, ClassSwitches.isJdk(classId));
    }
    if (ts.suppressed > 0 || !h.enterMirrorQuietly()) {
      // called from the heap's own work: every event of this method is skipped, including the
      // class descriptions other hooks would compute (which could recurse into this very code)
      return Frame.SUPPRESSED;
    }
    try {
      return h.enter(ts, maxLocals, constructor, classId);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /** {@link #enter} and up to three {@link #arg}s under one acquisition of the lock. */
  public static Frame enterArgs(
      ShadowHeap h,
      int classId,
      int maxLocals,
      int count,
      Object a0,
      int s0,
      Object a1,
      int s1,
      Object a2,
      int s2) {
    ThreadState ts = h.threadState();
    if (ShadowHeap.pollDue(ts, 1)) {
      h.pollPressure(ts, ClassSwitches.isJdk(classId));
    }
    if (ts.suppressed > 0 || h.inOwnWork()) {
      // refshadow's own work on this thread: skipped before describing any class, since that
      // description runs JDK code that would come back here
      return Frame.SUPPRESSED;
    }
    ClassInfo t0 = prepare(a0);
    ClassInfo t1 = prepare(a1);
    ClassInfo t2 = prepare(a2);
    if (!h.enterMirrorQuietly()) {
      return Frame.SUPPRESSED; // the heap's own work, as in enter
    }
    try {
      Frame f = h.enter(ts, maxLocals, false, classId);
      if (f.active) {
        try {
          h.arg(f, s0, a0, t0);
          if (count > 1) {
            h.arg(f, s1, a1, t1);
          }
          if (count > 2) {
            h.arg(f, s2, a2, t2);
          }
        } catch (RuntimeException | LinkageError e) {
          // the frame stays (its exit pops it); its parameters go unmirrored
          Failures.report("Hooks.arg", e, f);
        }
      }
      return f;
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void superCall(Frame f) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.superCall(f);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  private static ShadowHeap heapFor(Frame f) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !f.active) {
      return null;
    }
    return h;
  }

  public static void storeLocal(Frame f, Object value, int slot) {
    if (!f.active) {
      return;
    }
    ClassInfo type = prepare(value);
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.storeLocal(f, slot, value, type);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void arg(Frame f, Object value, int slot) {
    if (!f.active) {
      return;
    }
    ClassInfo type = prepare(value);
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.arg(f, slot, value, type);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /**
   * Whether a statement boundary or a call's return finds nothing to release in {@code f}: no
   * temporaries and no unclaimed return value on its thread. Then the hook needs no lock: both are
   * touched only by the frame's own thread (another thread only ever clears them, under the lock,
   * when mirroring stops), so this thread reads its own latest writes. Of the workloads' {@code
   * line} calls, 98-99% find nothing (the agent emits them where a temporary <em>may</em> be live).
   */
  private static boolean nothingToRelease(ShadowHeap h, Frame f) {
    return f.active && f.tempCount == 0 && f.thread.pendingReturn == null && !h.faultsArmed;
  }

  public static void line(Frame f) {
    ShadowHeap h = heapFor(f);
    if (h == null || nothingToRelease(h, f) || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.line(f);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void allocated(Frame f, Object obj, int position) {
    allocated(f, obj, position, false);
  }

  public static void allocatedInternal(Frame f, Object obj, int position) {
    allocated(f, obj, position, true);
  }

  private static void allocated(Frame f, Object obj, int position, boolean internal) {
    if (skipped(f)) {
      return;
    }
    ShadowHeap h = ShadowHeap.active;
    ClassInfo type = prepare(obj);
    if (h != null && f != null) {
      // a loop that allocates without calling is polled too; an array counts by its size (a tick
      // per 16 elements), so that a few large arrays are not missed
      int ticks =
          type != null && type.isArray ? 1 + (java.lang.reflect.Array.getLength(obj) >>> 4) : 1;
      if (ShadowHeap.pollDue(f.thread, ticks)) {
        h.pollPressure(f.thread, internal); // internal: the allocation is the JDK collections' own
      }
    }
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.allocated(f != null && f.active ? f : null, obj, position, internal, type);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void result(Frame f, Object value, int position) {
    if (!f.active) {
      return;
    }
    ShadowHeap h = heapFor(f);
    if (h != null && movedWithoutLock(h, f, value, position)) {
      return;
    }
    ClassInfo type = prepare(value);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.result(f, value, position, type);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /**
   * The common case of {@link ShadowHeap#result}, without the lock: an instrumented callee returned
   * {@code value}, its reference waits in the thread's pending slot, and the caller's frame holds
   * no temporary that the call's end would release. The reference then only moves from the pending
   * slot to the frame's value stack: no count and no node changes, only what this thread alone
   * touches (as {@link #nothingToRelease} argues; another thread clears both only when mirroring
   * stops). A callee that returned a value still under construction (made by reflection or a method
   * handle), a degraded frame, stopped mirroring or armed test faults take the locked path. Session
   * 24: the lock's compare-and-set is 6-13% of the workloads' samples, and a call that returns a
   * reference made three acquisitions (the callee's entry and return, and this one).
   */
  private static boolean movedWithoutLock(ShadowHeap h, Frame f, Object value, int position) {
    ThreadState ts = f.thread;
    Node pending = ts.pendingReturn;
    if (pending == null
        || value == null
        || f.tempCount != 0
        || f.degraded
        || h.faultsArmed
        || h.isStopped()
        || (pending.flags & Node.CONSTRUCTING) != 0
        || pending.get() != value) {
      return false;
    }
    ts.pendingReturn = null;
    f.pushTemp(pending, position);
    return true;
  }

  public static void called(Frame f, int position) {
    ShadowHeap h = heapFor(f);
    if (h == null || nothingToRelease(h, f) || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.called(f, position);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void returnValue(Frame f, Object value) {
    if (!f.active) {
      return;
    }
    ClassInfo type = prepare(value);
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.returnValue(f, value, type);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void exit(Frame f, boolean unwinding) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.exit(f, unwinding);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void unwind(Frame f, Object thrown) {
    ShadowHeap h = heapFor(f);
    if (thrown != null && thrown.getClass().getClassLoader() != null) {
      prepare(thrown); // the program's exception class: its node may sit in its NodeField
    }
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.unwind(f, thrown);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  private static Frame live(Frame f) {
    return f != null && f.active ? f : null;
  }

  /** A frame handed out for refshadow's own work (or already exited): its events are skipped. */
  private static boolean skipped(Frame f) {
    return f != null && !f.active;
  }

  public static void putField(Frame f, Object owner, Object value, int fieldId) {
    if (skipped(f)) {
      return;
    }
    ClassInfo ownerType = prepare(owner);
    ClassInfo type = prepare(value);
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.putField(live(f), owner, ownerType, value, type, fieldId);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /**
   * Mirrors a write made through a {@code VarHandle} or {@code Unsafe}: the shadow's slot (array
   * element {@code index}, or every reference field of {@code target} when {@code index < 0}) is
   * set to what the real object holds now. Field values are read before the lock is taken
   * (reflection may load classes).
   */
  public static void sync(Frame f, Object target, int index, int position) {
    if (skipped(f)) {
      return;
    }
    prepare(target);
    Object[] values = index < 0 ? ClassInfo.of(target.getClass()).currentValues(target) : null;
    if (values != null) {
      for (Object v : values) {
        prepare(v == ClassInfo.UNREADABLE ? null : v);
      }
    } else if (index >= 0) {
      prepare(((Object[]) target)[index]);
    }
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.sync(live(f), target, index, values, position);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /** Static-field VarHandles seen made, with the field each writes (weak: handles may go). */
  private static final java.util.Map<Object, Object[]> STATIC_HANDLES =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  public static void rememberStaticHandle(Object vh, Class<?> owner, String name)
      throws ReflectiveOperationException {
    java.lang.reflect.Field field = owner.getDeclaredField(name);
    if (field.getType().isPrimitive()) {
      return;
    }
    field.setAccessible(true);
    STATIC_HANDLES.put(vh, new Object[] {field, FieldRegistry.id(owner.getName(), name)});
  }

  /** Mirrors a write through a static-field VarHandle: the static's shadow slot is re-read. */
  public static void syncStatic(Frame f, Object vh, int position)
      throws ReflectiveOperationException {
    if (skipped(f)) {
      return;
    }
    Object[] known = STATIC_HANDLES.get(vh);
    if (known == null) {
      return; // made by code the agent does not watch: its field is not known
    }
    Object value = ((java.lang.reflect.Field) known[0]).get(null);
    prepare(value);
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.syncStatic(live(f), (Integer) known[1], value, position);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  private static final long ARRAY_BASE;
  private static final long ARRAY_SCALE;

  static {
    long base = -1;
    long scale = -1;
    try {
      Class<?> unsafe = Class.forName("sun.misc.Unsafe");
      base = unsafe.getField("ARRAY_OBJECT_BASE_OFFSET").getInt(null);
      scale = unsafe.getField("ARRAY_OBJECT_INDEX_SCALE").getInt(null);
    } catch (Throwable t) {
      // no sun.misc.Unsafe (jdk.unsupported left out of the image): array writes through Unsafe
      // are not mirrored
    }
    ARRAY_BASE = base;
    ARRAY_SCALE = scale;
  }

  /** The index an {@code Unsafe} offset into an {@code Object[]} addresses, or -1. */
  public static int arrayIndexOfOffset(long offset) {
    if (ARRAY_SCALE <= 0 || offset < ARRAY_BASE) {
      return -1;
    }
    long index = (offset - ARRAY_BASE) / ARRAY_SCALE;
    return index > Integer.MAX_VALUE ? -1 : (int) index;
  }

  public static void putStatic(Frame f, Object value, int fieldId) {
    if (skipped(f)) {
      return;
    }
    ClassInfo type = prepare(value);
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.putStatic(live(f), value, type, fieldId);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  /**
   * Performs {@code array[index] = value} and mirrors it, the two together under the heap's lock:
   * were the store made before the lock is taken, a store by another thread to the same slot could
   * land in the array after this one and in the shadow before it, and the shadow would keep the
   * value the array lost. The store's own exception (null array, index, array type) propagates, as
   * the aastore it replaces would throw it; a failure of the mirror is reported, never thrown.
   */
  public static void arrayStore(Frame f, Object[] array, int index, Object value) {
    ShadowHeap h = null;
    ClassInfo arrayType = null;
    ClassInfo type = null;
    try {
      if (!skipped(f)) {
        arrayType = prepare(array);
        type = prepare(value);
        h = ShadowHeap.active;
        if (h != null && !h.enterMirror(f)) {
          h = null;
        }
      }
    } catch (Throwable t) {
      Failures.report("Hooks.arrayStore", t, f);
      h = null;
    }
    if (h == null) {
      array[index] = value;
      return;
    }
    Throwable failed = null;
    try {
      array[index] = value;
      try {
        h.arrayStore(live(f), array, arrayType, index, value, type);
      } catch (Throwable t) {
        failed = t;
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
    if (failed != null) {
      // reported with the lock let go, as every hook reports (an out-of-memory error then
      // releases the shadow, which needs the lock free)
      Failures.report("Hooks.arrayStore", failed, f);
    }
  }

  public static void arraycopy(
      Frame f, Object src, int srcPos, Object dest, int destPos, int length) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.arraycopy(live(f), src, srcPos, dest, destPos, length);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void copied(Object original, Object copy) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.copied(original, copy);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void escape(Object value) {
    prepare(value);
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.escape(value);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void lambda(Frame f, Object fn, int position) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      if (f.active) {
        h.lambda(f, fn, position);
      }
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void newCopy(Frame f, Object original, int from, Object copy, boolean internal) {
    ShadowHeap h = ShadowHeap.active;
    ClassInfo.of(copy.getClass());
    if (h == null || !h.enterMirror(f)) {
      return;
    }
    try {
      h.newCopy(live(f), original, from, copy, internal);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }

  public static void clonedObject(Object original, Object copy) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.clonedObject(original, copy);
    } finally {
      h.busy = false; // first, inline: the call below may overflow the stack
      h.exitMirror();
    }
  }
}
