package io.refshadow.heap;

/**
 * A shadow frame: the references held by one activation of an instrumented method, as a Python
 * frame holds its locals ({@code self} and parameters included) and its evaluation stack.
 *
 * <p>Instrumented code receives its frame from {@code Hooks.enter} and passes it back to every
 * frame hook. Frames are pooled per thread (one per call depth), so a frame is valid only until its
 * method exits. Guarded by the heap's lock; only the owning thread touches it.
 */
public final class Frame {
  final ThreadState thread;
  final int depth;

  /** Local slots: the node each slot refers to, or null. */
  Node[] locals = new Node[8];

  int localCount;

  /** Temporaries: fresh allocations and call results not yet released (CPython's value stack). */
  Node[] temps = new Node[4];

  /** Operand-stack position of each temporary, parallel to {@link #temps}. */
  int[] tempPositions = new int[4];

  int tempCount;

  /**
   * Where the operands of the call this frame's code is making start on its operand stack, as the
   * instrumented code stores it, inline, before a call made while the frame may hold temporaries.
   * The called method's frame takes over only temporaries from there up, the call's receiver and
   * arguments ({@link ShadowHeap#arg}), never one below them that waits for an outer call: in
   * {@code use(make(), g(x))} with {@code x} the object {@code make()} returned, {@code g} gets a
   * reference of its own, and the object lives until {@code use} returns, as in CPython (before, g
   * took {@code make()}'s temporary, and the object died when {@code g} returned). {@link
   * #ANY_POSITION} where nothing below the operands can be a temporary, and until a call stores a
   * position (code written by hand): any temporary.
   */
  public int callPosition = ANY_POSITION;

  /** {@link #callPosition}: a callee may take over any of the frame's temporaries. */
  public static final int ANY_POSITION = Integer.MIN_VALUE;

  /** False once the method has exited; hooks on a stale frame are ignored. */
  boolean active;

  /** A constructor's frame: its local 0 is the object being built. */
  boolean constructor;

  /** A constructor frame between its super(...)/this(...) call and that call's return. */
  boolean inSuperCall;

  /** The method's class ({@link ClassSwitches}); 0 when not known. */
  int classId;

  /**
   * The method's class was switched off ({@link ClassSwitches}), or a hook failed for this frame:
   * its events are not mirrored, what it holds or hands on is pinned.
   */
  boolean degraded;

  /**
   * The frame handed to instrumented methods that run as part of refshadow's own work: never
   * active, so every hook given it does nothing.
   */
  static final Frame SUPPRESSED = new Frame(null, -1);

  Frame(ThreadState thread, int depth) {
    this.thread = thread;
    this.depth = depth;
  }

  void reset(int maxLocals) {
    if (locals.length < maxLocals) {
      locals = new Node[Math.max(maxLocals, locals.length * 2)];
    }
    localCount = 0;
    tempCount = 0;
    active = true;
    constructor = false;
    inSuperCall = false;
    classId = 0;
    degraded = false;
    callPosition = ANY_POSITION;
  }

  void pushTemp(Node n, int position) {
    if (tempCount == temps.length) {
      temps = java.util.Arrays.copyOf(temps, temps.length * 2);
      tempPositions = java.util.Arrays.copyOf(tempPositions, temps.length);
    }
    temps[tempCount] = n;
    tempPositions[tempCount++] = position;
  }

  /** Removes the newest occurrence of {@code n} from the temporaries; true if it was there. */
  boolean takeTemp(Node n) {
    return takeTemp(n, ANY_POSITION);
  }

  /**
   * Removes the newest occurrence of {@code n} at an operand-stack position {@code >= from} from
   * the temporaries; true if there was one.
   */
  boolean takeTemp(Node n, int from) {
    for (int i = tempCount - 1; i >= 0; i--) {
      if (temps[i] == n && tempPositions[i] >= from) {
        removeTempAt(i);
        return true;
      }
    }
    return false;
  }

  void removeTempAt(int i) {
    System.arraycopy(temps, i + 1, temps, i, tempCount - i - 1);
    System.arraycopy(tempPositions, i + 1, tempPositions, i, tempCount - i - 1);
    temps[--tempCount] = null;
  }

  boolean holdsTemp(Node n) {
    for (int i = 0; i < tempCount; i++) {
      if (temps[i] == n) {
        return true;
      }
    }
    return false;
  }

  void ensureLocal(int slot) {
    if (slot >= locals.length) {
      locals = java.util.Arrays.copyOf(locals, Math.max(slot + 1, locals.length * 2));
    }
    if (slot >= localCount) {
      localCount = slot + 1;
    }
  }

  /**
   * A frame that is never active: handed to a method whose entry could not be mirrored, so that all
   * of that call's events are skipped rather than mirrored without their frame.
   */
  public static Frame inactive() {
    return SUPPRESSED;
  }

  /** False once the method has exited, and for frames of refshadow's own work. */
  public boolean isActive() {
    return active;
  }

  /** The call depth of this frame on its thread (0 = outermost instrumented frame). */
  public int depth() {
    return depth;
  }
}
