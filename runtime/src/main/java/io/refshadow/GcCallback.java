package io.refshadow;

/**
 * An entry of {@link Gc#callbacks()}: called before ({@code "start"}) and after ({@code "stop"})
 * every collection, as CPython calls the functions in {@code gc.callbacks}.
 */
@FunctionalInterface
public interface GcCallback {
  void call(String phase, GcInfo info);
}
