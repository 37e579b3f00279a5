package io.refshadow.twin;

import io.refshadow.heap.Frame;

/**
 * The Java twin of one Python program. {@link #module} is the module body; it runs in the outermost
 * shadow frame, whose locals play the module's globals. Run it with {@link Py#run}.
 */
public interface Twin {
  /** Local slots of the module frame. */
  int MODULE_LOCALS = 32;

  /** The module body; {@code f} is the module frame (already entered; exited by the harness). */
  void module(Frame f);
}
