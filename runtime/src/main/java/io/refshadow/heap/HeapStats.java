package io.refshadow.heap;

/**
 * Counters for the agent's summary and for precision: how many objects the shadow saw and how each
 * left. Guarded by the heap's lock.
 */
public final class HeapStats {
  /** Objects registered at their allocation by instrumented code: lifetimes modelled exactly. */
  public long allocations;

  /**
   * Of {@link #allocations}, the storage that instrumented JDK collections allocate for themselves
   * (table arrays, nodes, entries), whoever called them (the JDK's own maps included): not the
   * program's objects, so left out of {@link #precision}.
   */
  public long internalAllocations;

  /** Objects first seen after their allocation (created by code the agent does not watch). */
  public long adopted;

  /** Objects allocated while sampling that fell outside the sample (no node: not mirrored). */
  public long unsampled;

  /** Strings, cached boxes, enum constants and classes treated as immortal. */
  public long immortals;

  /** Objects whose reference escaped into code the agent does not watch. */
  public long pinned;

  /** Of {@link #pinned}, those that were allocated by instrumented code. */
  public long pinnedAllocated;

  public long freedByRefcount;
  public long freedByCycles;
  public long freedAdopted;
  public long resurrected;

  /**
   * Adopted objects whose external reference was released because the JVM had reclaimed them (their
   * lifetime falls back to the JVM's: see ShadowHeap#releaseReclaimed).
   */
  public long reclaimedAdopted;

  /**
   * Pinned objects (escaped into code the agent does not watch) whose external reference was
   * released because the JVM had reclaimed them (each is freed then unless the shadow still holds
   * it, in a cycle for instance, and with it what only it held).
   */
  public long reclaimedPinned;

  /** Stores to a field the class layout does not know (should stay 0). */
  public long unknownFields;

  /** Uses of freed nodes or negative counts: bugs in the model, counted instead of thrown. */
  public long invariantViolations;

  /**
   * Share of the objects allocated by instrumented code (collections' own storage aside) whose
   * lifetime was modelled exactly, that is, never pinned by escaping into code the agent does not
   * watch (1.0 when there were none). Objects adopted from uninstrumented code (the JDK's own) are
   * reported apart.
   */
  public double precision() {
    long own = allocations - internalAllocations;
    if (own <= 0) {
      return 1.0;
    }
    long exact = Math.max(0, own - pinnedAllocated);
    return (double) exact / own;
  }
}
