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

  /** The callback as given, or null. */
  protected final Object callbackObject() {
    return callback;
  }
}
