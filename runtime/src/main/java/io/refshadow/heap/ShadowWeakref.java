package io.refshadow.heap;

/**
 * The shadow side of a Python weak reference ({@code PyWeakReference}): its referent while the
 * referent is alive in the shadow, its callback, and its place in the referent's list of weak
 * references. {@code io.refshadow.Weakref} is the public face. Fields are guarded by the heap lock.
 */
public abstract class ShadowWeakref {
  /** The referent's node while alive; null once cleared (wr_object == Py_None). */
  Node target;

  /** The real referent while alive; the shadow keeps it reachable for {@code get()}. */
  Object referent;

  /** The user's callback (wr_callback), or null. */
  Object callback;

  /** Links in the referent's weak reference list (wr_prev/wr_next). */
  ShadowWeakref prevRef, nextRef;

  /** The node of this weak reference object itself. */
  Node self;

  /** The referent's type, kept after the reference is cleared (for reports). */
  String referentType = "?";

  protected ShadowWeakref() {}

  /** Calls {@link #callback} with this reference; exceptions are reported, not thrown. */
  protected abstract void invokeCallback();

  /** The referent, or null once the shadow heap has freed or collected it. */
  protected final Object referent() {
    ShadowHeap h = ShadowHeap.active;
    if (h == null) {
      return referent;
    }
    h.lock();
    try {
      return referent;
    } finally {
      h.unlock();
    }
  }

  /** The display name of the referent's type (known also after the reference was cleared). */
  public final String referentTypeName() {
    return referentType;
  }

  /** The display name of the callback's class, or null without a callback. */
  public final String callbackTypeName() {
    Object cb = callback;
    return cb == null ? null : ClassInfo.displayName(cb.getClass());
  }

  /** The callback as given, or null. */
  protected final Object callbackObject() {
    return callback;
  }
}
