package io.refshadow;

import io.refshadow.heap.PyApi;
import io.refshadow.heap.ShadowWeakref;
import java.util.function.Consumer;

/**
 * Python's {@code weakref.ref}: a reference that does not keep its referent alive in the shadow
 * heap. {@link #get()} returns null once the shadow heap has freed the referent (by refcount or by
 * the cycle detector), and the callback, if any, is then called with this reference, under
 * CPython's rules (a callback of a weak reference that is itself garbage is never called).
 *
 * @param <T> the referent's type
 */
public final class Weakref<T> extends ShadowWeakref {
  private Weakref() {}

  /** {@code weakref.ref(obj)}; repeated calls return the same callback-less reference. */
  public static <T> Weakref<T> ref(T obj) {
    return PyApi.newWeakref(obj, null, Weakref::new);
  }

  /** {@code weakref.ref(obj, callback)}. */
  public static <T> Weakref<T> ref(T obj, Consumer<? super Weakref<T>> callback) {
    return PyApi.newWeakref(obj, callback, Weakref::new);
  }

  /** {@code weakref.getweakrefcount(obj)}. */
  public static int getWeakrefCount(Object obj) {
    return PyApi.weakrefCount(obj);
  }

  /** {@code r()}: the referent, or null once it has been freed in the shadow heap. */
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) referent();
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void invokeCallback() {
    Object cb = callbackObject();
    if (cb != null) {
      ((Consumer<Object>) cb).accept(this);
    }
  }

  @Override
  public String toString() {
    Object r = referent();
    return r == null ? "<weakref; dead>" : "<weakref; to '" + r.getClass().getSimpleName() + "'>";
  }
}
