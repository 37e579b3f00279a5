package io.refshadow.jfr;

import io.refshadow.heap.CycleDetector;
import io.refshadow.heap.Failures;
import io.refshadow.heap.HeapListener;
import io.refshadow.heap.HeapStats;
import io.refshadow.heap.Node;
import io.refshadow.heap.PymallocModel;
import io.refshadow.heap.ShadowHeap;
import io.refshadow.heap.ShadowWeakref;
import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.EventType;

/**
 * Turns what happens in the shadow heap into refshadow's JFR events, and keeps the running figures
 * the periodic summaries report: live objects and bytes, the pymalloc model, per-type counters.
 *
 * <p>The heap calls it with its lock held, so each callback is a few field updates and, when the
 * event is enabled, one commit; it never calls back into the heap, never throws (failures are
 * counted), and loads no class (everything it uses is loaded by {@link #warmUp} at start-up). The
 * periodic hooks run on JFR's own thread without the heap's lock and read the figures as they are
 * (plain fields, a few operations apart at worst).
 *
 * <p>Each node's listener data: bits 0..31 its pymalloc handle (or, when {@link #SAMPLED}, its
 * sample slot), bit 32 {@link #COUNTED}, bit 33 {@link #SAMPLED}, bits 40..63 its type index. Bits
 * 34..39 stay free for {@link CycleAnalysis}'s marks.
 */
final class HeapEventsListener implements HeapListener {
  static final long LOW = 0xFFFF_FFFFL;
  static final long COUNTED = 1L << 32;
  static final long SAMPLED = 1L << 33;
  static final int TYPE_SHIFT = 40;

  /** Stacks captured for the next allocations of a type whose cycle had none. */
  static final int STACKS_PER_CYCLE_TYPE = 2;

  /** Most Cycle events per collection (the shapes with the most objects). */
  static final int MAX_CYCLE_EVENTS = 50;

  /** Types per TypeSummary. */
  static final int TOP_TYPES = 20;

  private final ShadowHeap heap;
  private final Supplier<long[]> instrumentation;
  private final PymallocModel pymalloc = new PymallocModel();
  private final TypeTable types = new TypeTable();
  private final LifetimeSampler sampler;

  private final EventType collectionType = EventType.getEventType(CollectionEvent.class);
  private final EventType cycleType = EventType.getEventType(CycleEvent.class);
  private final EventType lifetimeType = EventType.getEventType(LifetimeEvent.class);
  private final EventType finalizerType = EventType.getEventType(FinalizerEvent.class);
  private final EventType weakrefType = EventType.getEventType(WeakrefCallbackEvent.class);

  // Running figures (heap lock held to write; read as they are by the periodic hooks).
  private long liveObjects;
  private long liveBytes;
  private long peakLiveBytes;
  private long peakHeldBytes;
  private long freedByRefcount;
  private long freedByCycles;
  private long freedBytesByRefcount;
  private long freedBytesByCycles;

  /** The largest types when the peak was last noted; emitted at the end with atPeak set. */
  private volatile TypeSnapshot peakTypes;

  private long nextPeakSnapshot = 1;

  /** Top types at a moment (immutable once made). */
  static final class TypeSnapshot {
    final String[] names;
    final long[] liveObjects;
    final long[] liveBytes;
    final long[] allocated;
    final long[] freedByRefcount;
    final long[] freedByCycles;

    TypeSnapshot(int n) {
      names = new String[n];
      liveObjects = new long[n];
      liveBytes = new long[n];
      allocated = new long[n];
      freedByRefcount = new long[n];
      freedByCycles = new long[n];
    }
  }

  private TypeSnapshot snapshotTopTypes() {
    int[] top = types.topByLiveBytes(TOP_TYPES);
    TypeTable.Columns c = types.columns;
    TypeSnapshot s = new TypeSnapshot(top.length);
    for (int i = 0; i < top.length; i++) {
      int t = top[i];
      s.names[i] = c.names[t];
      s.liveObjects[i] = c.liveObjects[t];
      s.liveBytes[i] = c.liveBytes[t];
      s.allocated[i] = c.allocated[t];
      s.freedByRefcount[i] = c.freedByRefcount[t];
      s.freedByCycles[i] = c.freedByCycles[t];
    }
    return s;
  }

  // The collection in progress.
  private boolean collecting;
  private CollectionEvent collection;
  private long collectionBytesAtStart;
  private long collectionCycles;

  // Last values seen by the heap summary hook (its thread only), for "since the last summary".
  private long lastFreedByRefcount;
  private long lastFreedByCycles;
  private long lastFreedBytesByRefcount;
  private long lastFreedBytesByCycles;

  /**
   * @param instrumentation returns {classes instrumented, classes and methods failed}
   */
  HeapEventsListener(ShadowHeap heap, double sampleRate, Supplier<long[]> instrumentation) {
    this.heap = heap;
    this.instrumentation = instrumentation;
    this.sampler = new LifetimeSampler(sampleRate);
  }

  /**
   * When each live object with a finalizer was allocated (System.nanoTime()), for the Finalizer
   * event's age: nodes keep no birth time, and such objects are few. Weak keys, so that nodes the
   * shadow drops without freeing them (a released shadow) leave no entry behind; guarded by the
   * heap lock, as every listener call is.
   */
  private final java.util.Map<Node, Long> finalizableBirths = new java.util.WeakHashMap<>();

  LifetimeSampler sampler() {
    return sampler;
  }

  // ---------------------------------------------------------------------------------------------
  // HeapListener (heap lock held).

  @Override
  public void onAllocation(Node node) {
    try {
      long size = Math.max(node.size(), 0);
      int type = types.indexOf(node.typeName());
      TypeTable.Columns c = types.columns;
      c.allocated[type]++;
      c.liveObjects[type]++;
      c.liveBytes[type] += size;
      long handle = pymalloc.allocate(size);
      long data = COUNTED | ((long) type << TYPE_SHIFT);
      boolean lifetime = lifetimeType.isEnabled() && sampler.shouldSample();
      boolean forStack = !lifetime && c.stackBudget[type] > 0 && cycleType.isEnabled();
      // the clock is read once, and only for an object that needs its allocation time
      boolean finalizable = node.hasFinalizer();
      long now = lifetime || forStack || finalizable ? System.nanoTime() : 0;
      if (lifetime || forStack) {
        if (forStack) {
          c.stackBudget[type]--;
        }
        int slot = sampler.sample(node.get(), node.typeName(), size, now, handle, lifetime);
        data |= SAMPLED | slot;
      } else {
        data |= handle;
      }
      node.setListenerData(data);
      if (finalizable) {
        finalizableBirths.put(node, now);
      }
      liveObjects++;
      liveBytes += size;
      if (liveBytes > peakLiveBytes) {
        peakLiveBytes = liveBytes;
        if (liveBytes >= nextPeakSnapshot) {
          // the types near the peak, for check's worst offenders: taken each time the peak grows
          // by a tenth, so a few dozen times in a whole run
          peakTypes = snapshotTopTypes();
          nextPeakSnapshot = liveBytes + Math.max(liveBytes / 10, 1024);
        }
      }
      long held = pymalloc.heldBytes();
      if (held > peakHeldBytes) {
        peakHeldBytes = held;
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (allocation)", t);
    }
  }

  @Override
  public void onFree(Node node, boolean byCycleDetector, Object object) {
    try {
      long data = node.listenerData();
      if ((data & COUNTED) == 0) {
        return; // adopted: never counted as an allocation
      }
      node.setListenerData(0);
      if (node.hasFinalizer()) {
        finalizableBirths.remove(node);
      }
      long size = Math.max(node.size(), 0);
      long handle = data & LOW;
      if ((data & SAMPLED) != 0) {
        LifetimeSampler.Sample s = sampler.take((int) handle);
        handle = s == null ? 0 : s.poolHandle;
        if (s != null) {
          sampler.freed(s, byCycleDetector, System.nanoTime());
        }
      }
      pymalloc.free(handle, size);
      int type = (int) (data >>> TYPE_SHIFT);
      TypeTable.Columns c = types.columns;
      c.liveObjects[type]--;
      c.liveBytes[type] -= size;
      liveObjects--;
      liveBytes -= size;
      if (byCycleDetector) {
        c.freedByCycles[type]++;
        freedByCycles++;
        freedBytesByCycles += size;
      } else {
        c.freedByRefcount[type]++;
        freedByRefcount++;
        freedBytesByRefcount += size;
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (free)", t);
    }
  }

  @Override
  public void onFinalizer(Node node) {
    try {
      if (!finalizerType.isEnabled()) {
        return;
      }
      FinalizerEvent e = new FinalizerEvent();
      if (e.shouldCommit()) {
        e.objectClass = node.typeName();
        e.byCycleDetector = collecting;
        Long born = node.isAdopted() ? null : finalizableBirths.get(node);
        e.objectAge = born == null ? 0 : System.nanoTime() - born;
        e.commit();
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (finalizer)", t);
    }
  }

  @Override
  public void onWeakrefCallback(ShadowWeakref ref) {
    try {
      if (!weakrefType.isEnabled()) {
        return;
      }
      WeakrefCallbackEvent e = new WeakrefCallbackEvent();
      if (e.shouldCommit()) {
        e.referentClass = ref.referentTypeName();
        String cb = ref.callbackTypeName();
        e.callbackClass = cb == null ? "" : cb;
        e.byCycleDetector = collecting;
        e.commit();
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (weakref callback)", t);
    }
  }

  @Override
  public void onCollectionStart(int generation) {
    try {
      collecting = true;
      currentGeneration = generation;
      collectionCycles = 0;
      collectionBytesAtStart = freedBytesByCycles;
      collection = null;
      if (collectionType.isEnabled()) {
        collection = new CollectionEvent();
        collection.begin();
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (collection start)", t);
    }
  }

  @Override
  public void onGarbage(List<Node> garbage) {
    try {
      boolean cyclesWanted = cycleType.isEnabled();
      if (!cyclesWanted && collection == null) {
        return;
      }
      CycleAnalysis a = CycleAnalysis.of(garbage, stacks);
      collectionCycles += a.cycles;
      int emitted = 0;
      for (CycleAnalysis.Shape s : a.shapes) {
        if (s.stack.isEmpty()) {
          for (String type : s.types) {
            int t = types.indexOf(type);
            TypeTable.Columns c = types.columns;
            if (c.stackBudget[t] == 0) {
              c.stackBudget[t] = STACKS_PER_CYCLE_TYPE;
            }
          }
        }
        if (!cyclesWanted || emitted++ >= MAX_CYCLE_EVENTS) {
          continue;
        }
        CycleEvent e = new CycleEvent();
        if (e.shouldCommit()) {
          e.generation = currentGeneration;
          e.cycles = s.cycles;
          e.objects = s.objects;
          e.bytes = s.bytes;
          e.memberTypes = s.memberTypes;
          e.cycleFields = s.cycleFields;
          e.graph = s.graph;
          e.allocationStack = s.stack;
          e.commit();
        }
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (cycles)", t);
    }
  }

  private int currentGeneration;

  /** An anonymous class rather than a method reference: loaded at start-up, not under the lock. */
  private final CycleAnalysis.Stacks stacks =
      new CycleAnalysis.Stacks() {
        @Override
        public String of(long listenerData) {
          return stackOf(listenerData);
        }
      };

  private String stackOf(long data) {
    if ((data & SAMPLED) == 0) {
      return null;
    }
    LifetimeSampler.Sample s = sampler.peek((int) (data & LOW));
    return s == null || s.stack == null || s.stack.isEmpty() ? null : s.stack;
  }

  @Override
  public void onCollection(
      int generation, int examined, long collected, long uncollectable, long nanos) {
    try {
      collecting = false;
      CollectionEvent e = collection;
      collection = null;
      if (e != null) {
        e.end();
        if (e.shouldCommit()) {
          e.generation = generation;
          e.examined = examined;
          e.collected = collected;
          e.uncollectable = uncollectable;
          e.collectedBytes = freedBytesByCycles - collectionBytesAtStart;
          e.cycles = collectionCycles;
          e.liveBytes = liveBytes;
          e.pymallocHeldBytes = pymalloc.heldBytes();
          e.commit();
        }
      }
    } catch (Throwable t) {
      Failures.report("JFR heap listener (collection)", t);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Periodic hooks (JFR's thread, heap lock not held).

  void emitHeapSummary() {
    ShadowHeapSummaryEvent e = new ShadowHeapSummaryEvent();
    if (!e.shouldCommit()) {
      return;
    }
    e.liveObjects = liveObjects;
    e.liveBytes = liveBytes;
    e.pymallocHeldBytes = pymalloc.heldBytes();
    e.pymallocArenas = pymalloc.arenas();
    int[] counts = heap.cycleDetector().counts();
    e.gen0Count = counts[0];
    e.gen1Count = counts[1];
    e.gen2Count = counts[2];
    long rc = freedByRefcount;
    long gc = freedByCycles;
    long rcBytes = freedBytesByRefcount;
    long gcBytes = freedBytesByCycles;
    e.freedByRefcount = rc - lastFreedByRefcount;
    e.freedByCycles = gc - lastFreedByCycles;
    e.freedBytesByRefcount = rcBytes - lastFreedBytesByRefcount;
    e.freedBytesByCycles = gcBytes - lastFreedBytesByCycles;
    lastFreedByRefcount = rc;
    lastFreedByCycles = gc;
    lastFreedBytesByRefcount = rcBytes;
    lastFreedBytesByCycles = gcBytes;
    Runtime rt = Runtime.getRuntime();
    e.jvmHeapCommitted = rt.totalMemory();
    e.jvmHeapUsed = rt.totalMemory() - rt.freeMemory();
    e.precision = heap.stats().precision();
    e.commit();
  }

  void emitTypeSummary() {
    if (EventType.getEventType(TypeSummaryEvent.class).isEnabled()) {
      emitTypes(snapshotTopTypes(), false);
    }
  }

  private static void emitTypes(TypeSnapshot s, boolean atPeak) {
    for (int i = 0; i < s.names.length; i++) {
      TypeSummaryEvent e = new TypeSummaryEvent();
      e.objectClass = s.names[i];
      e.liveObjects = s.liveObjects[i];
      e.liveBytes = s.liveBytes[i];
      e.allocated = s.allocated[i];
      e.freedByRefcount = s.freedByRefcount[i];
      e.freedByCycles = s.freedByCycles[i];
      e.atPeak = atPeak;
      e.commit();
    }
  }

  void emitRunSummary() {
    if (isShuttingDown()) {
      sampler.flushAtExit(); // the recording ends with the JVM: no sample waits any longer
    }
    emitTypeSummary(); // a short run gets its types too, whatever the TypeSummary period
    TypeSnapshot peak = peakTypes;
    if (peak != null && EventType.getEventType(TypeSummaryEvent.class).isEnabled()) {
      emitTypes(peak, true);
    }
    RunSummaryEvent e = new RunSummaryEvent();
    if (!e.shouldCommit()) {
      return;
    }
    HeapStats s = heap.stats();
    CycleDetector gc = heap.cycleDetector();
    e.profile = gc.profile().id();
    e.allocations = s.allocations;
    e.adopted = s.adopted;
    e.pinned = s.pinned;
    e.precision = s.precision();
    e.freedByRefcount = s.freedByRefcount;
    e.freedByCycles = s.freedByCycles;
    for (long[] g : gc.statsSnapshot()) {
      e.collections += g[0];
      e.collected += g[1];
      e.uncollectable += g[2];
    }
    e.liveObjects = liveObjects;
    e.liveBytes = liveBytes;
    e.peakLiveBytes = peakLiveBytes;
    e.pymallocHeldBytes = pymalloc.heldBytes();
    e.peakPymallocHeldBytes = peakHeldBytes;
    e.sampleRate = sampler.rate();
    long[] inst = instrumentation.get();
    e.classesInstrumented = inst[0];
    e.instrumentationFailures = inst[1];
    e.internalFailures = Failures.total();
    e.modelInconsistencies = s.invariantViolations;
    e.commit();
  }

  /** True once the JVM has begun to exit (shutdown hooks can no longer be added). */
  static boolean isShuttingDown() {
    Thread probe = new Thread(() -> {}, "refshadow-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
