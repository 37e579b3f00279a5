package io.refshadow;

import io.refshadow.heap.ClassSwitches;
import io.refshadow.heap.Failures;
import io.refshadow.heap.FieldRegistry;
import io.refshadow.heap.Frame;
import io.refshadow.heap.HookSupport;
import io.refshadow.heap.ShadowHeap;

/**
 * The one class instrumented code calls: the stable ABI between rewritten bytecode and the shadow
 * heap. Every method is static, takes only what the bytecode has at hand, never throws into the
 * caller (failures are counted and reported once by {@link Failures}), and does nothing when no
 * shadow heap is installed.
 *
 * <h2>The vocabulary, and the Python behaviour each event stands for</h2>
 *
 * <ul>
 *   <li>{@link #enter}, {@link #arg}: a frame starts; {@code this} and parameters are its first
 *       locals (a Python frame's {@code localsplus}).
 *   <li>{@link #storeLocal}: {@code astore} (STORE_FAST): the slot's old referent loses a
 *       reference.
 *   <li>{@link #allocated}: a constructor finished (the object exists); it is a temporary of the
 *       allocating frame at an operand-stack position until a store takes it, a call consumes it or
 *       the statement ends.
 *   <li>{@link #result}, {@link #called}: a call returned; the temporaries it consumed as arguments
 *       are released (CPython's CALL pops its arguments), and a returned reference becomes a
 *       temporary.
 *   <li>{@link #line}: a statement boundary; every remaining temporary is released (a discarded
 *       result, {@code new Foo();} as a statement).
 *   <li>{@link #returnValue}, {@link #exit}, {@link #unwind}: the frame ends normally or by an
 *       exception; its locals are released, a returned reference moves to the caller.
 *   <li>{@link #putField}, {@link #putStatic}, {@link #arrayStore}: STORE_ATTR, STORE_GLOBAL,
 *       STORE_SUBSCR on a list. The shadow keeps its own copy of each edge.
 *   <li>{@link #arraycopy}, {@link #copied}: bulk copies (slice assignment, {@code list.copy()}).
 *   <li>{@link #escape}: a reference handed to code that refshadow does not watch: the object is
 *       pinned and its lifetime falls back to the JVM's.
 * </ul>
 *
 * <p>Operand-stack positions: {@code position} is the index (from the bottom of the method's
 * operand stack, counting each value as one) at which a temporary sits. A call whose receiver or
 * first argument sits at position p releases the temporaries at p and above. Pass {@link
 * #NO_POSITION} when unknown: such a temporary lives until the statement ends.
 */
public final class Hooks {
  /** A temporary whose operand-stack position is unknown: released at the statement's end. */
  public static final int NO_POSITION = -1;

  private Hooks() {}

  /**
   * Method entry. Returns the shadow frame the method passes to the other frame hooks, or null when
   * refshadow is inactive (every hook accepts a null frame and then does nothing).
   *
   * @param classId the method's class ({@link #classId}), whose instrumentation is switched off if
   *     one of its hooks fails inside refshadow; 0 when not known
   * @param maxLocals the method's {@code max_locals}, to size the frame
   */
  public static Frame enter(int classId, int maxLocals) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      return null;
    }
    try {
      return HookSupport.enter(h, classId, maxLocals, false);
    } catch (Throwable t) {
      Failures.report("Hooks.enter", t, classId);
      return reenter(h, classId, maxLocals, false);
    }
  }

  /** {@link #enter(int, int)} for code written by hand (twins, benchmarks): no class. */
  public static Frame enter(int maxLocals) {
    return enter(0, maxLocals);
  }

  /**
   * After a failed entry that switched its class off: the method runs with a degraded frame (what
   * it holds is pinned), or, if even that fails, unmirrored.
   */
  private static Frame reenter(ShadowHeap h, int classId, int maxLocals, boolean constructor) {
    if (!ClassSwitches.isOff(classId)) {
      return Frame.inactive(); // this call goes unmirrored; the program runs on
    }
    try {
      return HookSupport.enter(h, classId, maxLocals, constructor);
    } catch (Throwable t) {
      Failures.report("Hooks.enter", t);
      return Frame.inactive();
    }
  }

  /**
   * Method entry with its first reference locals ({@code this} and reference parameters) in one
   * call: {@link #enter} followed by {@link #arg} for each, under one acquisition of the heap's
   * lock. Most methods have one to three; the rest are reported with {@link #arg}.
   */
  public static Frame enterArgs(int classId, int maxLocals, Object a0, int s0) {
    return enterArgs(classId, maxLocals, 1, a0, s0, null, 0, null, 0);
  }

  /** {@link #enterArgs(int, int, Object, int)} with two reference locals. */
  public static Frame enterArgs(int classId, int maxLocals, Object a0, int s0, Object a1, int s1) {
    return enterArgs(classId, maxLocals, 2, a0, s0, a1, s1, null, 0);
  }

  /** {@link #enterArgs(int, int, Object, int)} with three reference locals. */
  public static Frame enterArgs(
      int classId, int maxLocals, Object a0, int s0, Object a1, int s1, Object a2, int s2) {
    return enterArgs(classId, maxLocals, 3, a0, s0, a1, s1, a2, s2);
  }

  /** {@link #enterArgs(int, int, Object, int)} for code written by hand: no class. */
  public static Frame enterArgs(int maxLocals, Object a0, int s0, Object a1, int s1) {
    return enterArgs(0, maxLocals, 2, a0, s0, a1, s1, null, 0);
  }

  private static Frame enterArgs(
      int classId,
      int maxLocals,
      int count,
      Object a0,
      int s0,
      Object a1,
      int s1,
      Object a2,
      int s2) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      return null;
    }
    try {
      return HookSupport.enterArgs(h, classId, maxLocals, count, a0, s0, a1, s1, a2, s2);
    } catch (Throwable t) {
      Failures.report("Hooks.enter", t, classId);
      if (!ClassSwitches.isOff(classId)) {
        return Frame.inactive(); // this call goes unmirrored; the program runs on
      }
      try { // a degraded frame: its arguments are pinned
        return HookSupport.enterArgs(h, classId, maxLocals, count, a0, s0, a1, s1, a2, s2);
      } catch (Throwable again) {
        Failures.report("Hooks.enter", again);
        return Frame.inactive();
      }
    }
  }

  /**
   * Constructor entry. The object under construction ({@code this}) is reported with {@link #arg}
   * slot 0 once {@code super(...)} has returned; the outermost constructor hands it to its creator
   * when it returns, as a method hands over its return value ({@link #allocated} or {@link #result}
   * takes it; an uninstrumented creator, such as reflection, pins it).
   */
  public static Frame enterConstructor(int classId, int maxLocals) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      return null;
    }
    try {
      return HookSupport.enter(h, classId, maxLocals, true);
    } catch (Throwable t) {
      Failures.report("Hooks.enterConstructor", t, classId);
      return reenter(h, classId, maxLocals, true);
    }
  }

  /** {@link #enterConstructor(int, int)} for code written by hand: no class. */
  public static Frame enterConstructor(int maxLocals) {
    return enterConstructor(0, maxLocals);
  }

  /**
   * The id of class {@code className} (binary name) for the entry hooks: the unit whose
   * instrumentation is switched off when one of its hooks fails (transform time).
   */
  public static int classId(String className) {
    return ClassSwitches.register(className);
  }

  /** A constructor is about to call {@code super(...)} or {@code this(...)}. */
  public static void superCall(Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.superCall(f);
    } catch (Throwable t) {
      Failures.report("Hooks.superCall", t, f);
    }
  }

  /**
   * A reference parameter (or {@code this}) in local {@code slot} at method entry. As in CPython
   * 3.12, where a call moves its arguments from the caller's value stack into the new frame, an
   * argument that is a temporary of the calling frame is taken over rather than counted twice.
   */
  public static void arg(Object value, Frame f, int slot) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.arg(f, value, slot);
    } catch (Throwable t) {
      Failures.report("Hooks.arg", t, f);
    }
  }

  /** {@code astore slot}: local {@code slot} now refers to {@code value} (may be null). */
  public static void storeLocal(Object value, Frame f, int slot) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.storeLocal(f, value, slot);
    } catch (Throwable t) {
      Failures.report("Hooks.storeLocal", t, f);
    }
  }

  /** A statement boundary (a line-number entry): the frame's temporaries are released. */
  public static void line(Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.line(f);
    } catch (Throwable t) {
      Failures.report("Hooks.line", t, f);
    }
  }

  /** A constructor of {@code obj} has returned: the object is registered as a new allocation. */
  public static void allocated(Object obj, Frame f, int position) {
    if (obj == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.allocated(f, obj, position);
    } catch (Throwable t) {
      Failures.report("Hooks.allocated", t, f);
    }
  }

  /**
   * Like {@link #allocated}, for storage a JDK collection allocates for itself (its arrays, nodes
   * and entries): tracked by the cycle detector, but not counted as an allocation toward generation
   * 0, since a Python list or dict allocates no objects for its items.
   */
  public static void allocatedInternal(Object obj, Frame f, int position) {
    if (obj == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.allocatedInternal(f, obj, position);
    } catch (Throwable t) {
      Failures.report("Hooks.allocatedInternal", t, f);
    }
  }

  /**
   * A call that returns a reference has returned {@code value} (may be null). Temporaries at {@code
   * position} and above (the call's receiver and arguments) are released, then the result is a
   * temporary at {@code position}.
   */
  public static void result(Object value, Frame f, int position) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.result(f, value, position);
    } catch (Throwable t) {
      Failures.report("Hooks.result", t, f);
    }
  }

  /** A call without a reference result has returned: temporaries at {@code position}+ released. */
  public static void called(Frame f, int position) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.called(f, position);
    } catch (Throwable t) {
      Failures.report("Hooks.called", t, f);
    }
  }

  /** {@code areturn value}: the frame exits and its caller receives the reference. */
  public static void returnValue(Object value, Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.returnValue(f, value);
    } catch (Throwable t) {
      Failures.report("Hooks.returnValue", t, f);
    }
  }

  /** A return without a reference value: the frame's locals are released. */
  public static void exit(Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.exit(f, false);
    } catch (Throwable t) {
      Failures.report("Hooks.exit", t, f);
    }
  }

  /**
   * An exception leaves the frame (called from a catch-all handler that then rethrows). The locals
   * are released now: a Java exception keeps no frames alive, unlike a Python traceback.
   */
  public static void unwind(Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.exit(f, true);
    } catch (Throwable t) {
      Failures.report("Hooks.unwind", t, f);
    }
  }

  /**
   * An exception leaves the frame (called from the catch-all handler with the exception, which it
   * then rethrows). The locals are released now, as in {@link #unwind(Frame)}; the exception itself
   * is in flight and moves to the caller like a returned reference, so that what it refers to stays
   * alive while it propagates and while a handler holds it (in CPython the unwinding machinery,
   * then the except block, own the exception).
   */
  public static void unwind(Throwable thrown, Frame f) {
    if (f == null) {
      return;
    }
    try {
      HookSupport.unwind(f, thrown);
    } catch (Throwable t) {
      Failures.report("Hooks.unwind", t, f);
    }
  }

  /** {@code putfield}: field {@code fieldId} of {@code owner} now refers to {@code value}. */
  public static void putField(Object owner, Object value, int fieldId, Frame f) {
    if (owner == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.putField(f, owner, value, fieldId);
    } catch (Throwable t) {
      Failures.report("Hooks.putField", t, f);
    }
  }

  /** {@code putstatic}: static field {@code fieldId} (a module global) now refers to value. */
  public static void putStatic(Object value, int fieldId, Frame f) {
    if (ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.putStatic(f, value, fieldId);
    } catch (Throwable t) {
      Failures.report("Hooks.putStatic", t, f);
    }
  }

  /**
   * {@code aastore}, performed here: stores {@code value} at {@code array[index]} (throwing what
   * the real store throws), then mirrors it.
   */
  public static void arrayStore(Object[] array, int index, Object value, Frame f) {
    if (ShadowHeap.active == null) {
      array[index] = value;
      return;
    }
    // The store is made inside, under the heap's lock, so that stores racing for one slot reach the
    // shadow in the order they reach the array. Only the store's own exception comes out of it.
    HookSupport.arrayStore(f, array, index, value);
  }

  /** {@code System.arraycopy}, performed here, then mirrored for reference arrays. */
  public static void arraycopy(
      Object src, int srcPos, Object dest, int destPos, int length, Frame f) {
    System.arraycopy(src, srcPos, dest, destPos, length);
    if (ShadowHeap.active == null || (f != null && !f.isActive())) {
      return;
    }
    try {
      HookSupport.arraycopy(f, src, srcPos, dest, destPos, length);
    } catch (Throwable t) {
      Failures.report("Hooks.arraycopy", t, f);
    }
  }

  /**
   * {@code copy} (already {@linkplain #allocated registered}) was made from {@code original} by
   * {@code clone()} or {@code Arrays.copyOf}: it holds the same references.
   */
  public static void copied(Object original, Object copy) {
    if (original == null || copy == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.copied(original, copy);
    } catch (Throwable t) {
      Failures.report("Hooks.copied", t);
    }
  }

  /** {@code value} was handed to code refshadow does not watch: pin it. */
  public static void escape(Object value, Frame f) {
    if (value == null || ShadowHeap.active == null || (f != null && !f.isActive())) {
      return;
    }
    try {
      HookSupport.escape(value);
    } catch (Throwable t) {
      Failures.report("Hooks.escape", t, f);
    }
  }

  /**
   * A lambda (or other invokedynamic-made function object) was created. A capturing lambda is a new
   * object that holds its captured values, as a Python closure does; a non-capturing one is a
   * shared constant (immortal).
   */
  public static void lambda(Object fn, Frame f, int position) {
    if (fn == null || f == null) {
      return;
    }
    try {
      HookSupport.lambda(f, fn, position);
    } catch (Throwable t) {
      Failures.report("Hooks.lambda", t, f);
    }
  }

  /** {@code Arrays.copyOf(original, newLength)}, performed here and mirrored as a new list. */
  public static Object[] copyOf(Object[] original, int newLength, Frame f) {
    Object[] copy = java.util.Arrays.copyOf(original, newLength);
    mirrorCopy(original, 0, copy, false, f);
    return copy;
  }

  /** {@code Arrays.copyOfRange(original, from, to)}, performed here and mirrored. */
  public static Object[] copyOfRange(Object[] original, int from, int to, Frame f) {
    Object[] copy = java.util.Arrays.copyOfRange(original, from, to);
    mirrorCopy(original, from, copy, false, f);
    return copy;
  }

  /** {@link #copyOf} inside JDK collection code: the copy is the collection's own storage. */
  public static Object[] copyOfInternal(Object[] original, int newLength, Frame f) {
    Object[] copy = java.util.Arrays.copyOf(original, newLength);
    mirrorCopy(original, 0, copy, true, f);
    return copy;
  }

  /** {@link #copyOfRange} inside JDK collection code. */
  public static Object[] copyOfRangeInternal(Object[] original, int from, int to, Frame f) {
    Object[] copy = java.util.Arrays.copyOfRange(original, from, to);
    mirrorCopy(original, from, copy, true, f);
    return copy;
  }

  /** {@link #cloneArray} inside JDK collection code. */
  public static Object cloneArrayInternal(Object array, Frame f) {
    if (array instanceof Object[]) {
      Object[] copy = ((Object[]) array).clone();
      mirrorCopy(array, 0, copy, true, f);
      return copy;
    }
    return cloneArray(array, f);
  }

  /** {@code array.clone()} for any array type, performed here and mirrored. */
  public static Object cloneArray(Object array, Frame f) {
    Object copy;
    if (array instanceof Object[]) {
      copy = ((Object[]) array).clone();
    } else if (array instanceof int[]) {
      copy = ((int[]) array).clone();
    } else if (array instanceof long[]) {
      copy = ((long[]) array).clone();
    } else if (array instanceof byte[]) {
      copy = ((byte[]) array).clone();
    } else if (array instanceof char[]) {
      copy = ((char[]) array).clone();
    } else if (array instanceof double[]) {
      copy = ((double[]) array).clone();
    } else if (array instanceof float[]) {
      copy = ((float[]) array).clone();
    } else if (array instanceof short[]) {
      copy = ((short[]) array).clone();
    } else if (array instanceof boolean[]) {
      copy = ((boolean[]) array).clone();
    } else {
      throw new NullPointerException("Cannot invoke \"Object.clone()\" because value is null");
    }
    mirrorCopy(array, 0, copy, false, f);
    return copy;
  }

  private static void mirrorCopy(
      Object original, int from, Object copy, boolean internal, Frame f) {
    if (ShadowHeap.active == null || (f != null && !f.isActive())) {
      return;
    }
    try {
      HookSupport.newCopy(f, original, from, copy, internal);
    } catch (Throwable t) {
      Failures.report("Hooks.copy", t, f);
    }
  }

  /**
   * {@code super.clone()} of an object returned {@code copy}: a new object holding the same
   * references as {@code original} (called after {@link #result}).
   */
  public static void clonedObject(Object original, Object copy) {
    if (original == null || copy == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.clonedObject(original, copy);
    } catch (Throwable t) {
      Failures.report("Hooks.clonedObject", t);
    }
  }

  /**
   * {@code field.set(owner, value)} succeeded: mirrored as a field or static store (the call itself
   * stays in the caller, so Java's access checks are unchanged).
   */
  public static void fieldSet(java.lang.reflect.Field field, Object owner, Object value) {
    if (field == null || ShadowHeap.active == null || field.getType().isPrimitive()) {
      return;
    }
    try {
      int id = FieldRegistry.id(field);
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        HookSupport.putStatic(null, value, id);
      } else if (owner != null) {
        HookSupport.putField(null, owner, value, id);
      }
    } catch (Throwable t) {
      Failures.report("Hooks.fieldSet", t);
    }
  }

  /**
   * {@code c.getDeclaredFields()}, called in its place by transformed code: the same fields without
   * the node field the agent added, so the program's reflection sees its classes as they were
   * written. A null {@code c} throws the NullPointerException the call would have thrown.
   */
  public static java.lang.reflect.Field[] declaredFields(Class<?> c) {
    return io.refshadow.heap.NodeField.without(c.getDeclaredFields());
  }

  /**
   * {@code value} is passed to an interface method of {@code receiver} (for example {@code
   * List.add}): it escapes only if the receiver's class is not instrumented.
   */
  public static void escapeInto(Object receiver, Object value, Frame f) {
    if (value == null || receiver == null || ShadowHeap.active == null) {
      return;
    }
    try {
      if (!io.refshadow.heap.InstrumentedTypes.isInstrumented(receiver.getClass())) {
        escape(value, f);
      }
    } catch (Throwable t) {
      Failures.report("Hooks.escapeInto", t, f);
    }
  }

  /**
   * A {@code VarHandle} access mode that may write a reference ({@code set*}, {@code
   * compareAndSet}, {@code compareAndExchange*}, {@code weakCompareAndSet*}, {@code getAndSet*})
   * returned. The shadow re-reads the slot the handle addresses and mirrors what it finds, so a
   * compare-and-set is mirrored whether it succeeded or not. A replaced referent becomes a
   * temporary at {@code position}, released by the {@link #result} or {@link #called} that follows,
   * so that {@code getAndSet} hands the old value over without freeing it on the way.
   *
   * @param c0 the handle's first coordinate if it is a reference (the receiver, or the array)
   * @param c1 the second coordinate if it is an {@code int} (an array index), else -1
   */
  public static void varHandleWrote(
      java.lang.invoke.VarHandle vh, Object c0, int c1, Frame f, int position) {
    if (vh == null || ShadowHeap.active == null) {
      return;
    }
    try {
      if (vh.varType().isPrimitive()) {
        return;
      }
      // The coordinates from the handle's (cached) GET type, not coordinateTypes(): that makes an
      // Arrays.asList per call, an instrumented collection whose constructor this very call would
      // mirror (a lock round trip each, and a node pinned for good, built by unwatched code)
      java.lang.invoke.MethodType coordinates =
          vh.accessModeType(java.lang.invoke.VarHandle.AccessMode.GET);
      int count = coordinates.parameterCount();
      if (count == 1 && !coordinates.parameterType(0).isArray() && c0 != null) {
        HookSupport.sync(f, c0, -1, position); // an instance field
      } else if (count == 2
          && coordinates.parameterType(1) == int.class
          && c0 instanceof Object[]
          && c1 >= 0) {
        HookSupport.sync(f, c0, c1, position); // an array element
      } else if (count == 0) {
        HookSupport.syncStatic(f, vh, position); // a static field, if its handle was seen made
      }
      // views over buffers and arrays of primitives hold no shadow edges to sync
    } catch (Throwable t) {
      Failures.report("Hooks.varHandleWrote", t, f);
    }
  }

  /**
   * {@code lookup.findStaticVarHandle(owner, name, type)} returned {@code vh}: remembered, so that
   * writes through it can be mirrored as stores to that static field (a handle on a static field
   * carries no coordinate naming it).
   */
  public static void staticVarHandle(java.lang.invoke.VarHandle vh, Class<?> owner, String name) {
    if (vh == null || owner == null || name == null || ShadowHeap.active == null) {
      return;
    }
    try {
      HookSupport.rememberStaticHandle(vh, owner, name);
    } catch (Throwable t) {
      Failures.report("Hooks.staticVarHandle", t);
    }
  }

  /** {@code lookup.unreflectVarHandle(field)} returned {@code vh}: as {@link #staticVarHandle}. */
  public static void unreflectedVarHandle(
      java.lang.invoke.VarHandle vh, java.lang.reflect.Field field) {
    if (field != null && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
      staticVarHandle(vh, field.getDeclaringClass(), field.getName());
    }
  }

  /**
   * An {@code Unsafe} reference write ({@code putReference*}, {@code compareAndSetReference*},
   * {@code getAndSetReference*}, ...) on {@code (o, offset)} returned: mirrored as {@link
   * #varHandleWrote} is. This is how {@code ConcurrentHashMap} and {@code
   * AtomicReferenceFieldUpdater} store references.
   */
  public static void unsafeWrote(Object o, long offset, Frame f, int position) {
    if (o == null || o instanceof Class || ShadowHeap.active == null) {
      return; // a static field's base: no shadow edges to sync
    }
    try {
      if (o instanceof Object[]) {
        int index = HookSupport.arrayIndexOfOffset(offset);
        if (index >= 0) {
          HookSupport.sync(f, o, index, position);
        }
      } else {
        HookSupport.sync(f, o, -1, position);
      }
    } catch (Throwable t) {
      Failures.report("Hooks.unsafeWrote", t, f);
    }
  }

  /** The id of a reference field, for {@link #putField}/{@link #putStatic} (transform time). */
  public static int fieldId(String owner, String name) {
    return FieldRegistry.id(owner, name);
  }
}
