package io.refshadow.jfr;

/**
 * Every name a recording user can see: the JFR event names (JFR's event IDs), their fields, the
 * category and the settings files. The events, the command line, the tests and the Mission Control
 * rules read them from here. No other class of the agent may spell them.
 */
public final class EventNames {
  private EventNames() {}

  /** The prefix of every refshadow event name. */
  public static final String PREFIX = "refshadow.";

  /** The top category in Mission Control's event browser. */
  public static final String CATEGORY = "refshadow (Python memory model)";

  public static final String COLLECTION = "refshadow.Collection";
  public static final String CYCLE = "refshadow.Cycle";
  public static final String FINALIZER = "refshadow.Finalizer";
  public static final String WEAKREF_CALLBACK = "refshadow.WeakrefCallback";
  public static final String LIFETIME = "refshadow.Lifetime";
  public static final String SHADOW_HEAP_SUMMARY = "refshadow.ShadowHeapSummary";
  public static final String TYPE_SUMMARY = "refshadow.TypeSummary";
  public static final String RUN_SUMMARY = "refshadow.RunSummary";

  /** The JVM's own events that refshadow's settings turn on and its report reads. */
  public static final String JDK_GC_HEAP_SUMMARY = "jdk.GCHeapSummary";

  public static final String JDK_GARBAGE_COLLECTION = "jdk.GarbageCollection";

  /** Settings files in the agent jar (and agent/src/main/resources in the repository). */
  public static final String SETTINGS_DEFAULT = "refshadow.jfc";

  public static final String SETTINGS_DETAILED = "refshadow-detailed.jfc";

  /** Field names, shared by the event classes' readers (report, check, rules). */
  public static final class Fields {
    private Fields() {}

    // refshadow.Collection
    public static final String GENERATION = "generation";
    public static final String EXAMINED = "examined";
    public static final String COLLECTED = "collected";
    public static final String UNCOLLECTABLE = "uncollectable";
    public static final String COLLECTED_BYTES = "collectedBytes";
    public static final String CYCLES = "cycles";

    // refshadow.Cycle
    public static final String OBJECTS = "objects";
    public static final String BYTES = "bytes";
    public static final String MEMBER_TYPES = "memberTypes";
    public static final String CYCLE_FIELDS = "cycleFields";
    public static final String GRAPH = "graph";
    public static final String ALLOCATION_STACK = "allocationStack";

    // refshadow.Finalizer, refshadow.WeakrefCallback, refshadow.Lifetime, refshadow.TypeSummary
    public static final String OBJECT_CLASS = "objectClass";
    public static final String BY_CYCLE_DETECTOR = "byCycleDetector";
    public static final String OBJECT_AGE = "objectAge";
    public static final String REFERENT_CLASS = "referentClass";
    public static final String CALLBACK_CLASS = "callbackClass";
    public static final String SIZE = "size";
    public static final String ALLOCATION_TIME = "allocationTime";
    public static final String FREED_BY = "freedBy";
    public static final String PYTHON_FREE_TIME = "pythonFreeTime";
    public static final String JVM_RECLAIM_TIME = "jvmReclaimTime";
    public static final String FREED_BY_PYTHON = "freedByPython";
    public static final String RECLAIMED_BY_JVM = "reclaimedByJvm";
    public static final String PYTHON_LIFETIME = "pythonLifetime";
    public static final String JVM_LIFETIME = "jvmLifetime";
    public static final String DRAG = "drag";
    public static final String ALLOCATION_SITE = "allocationSite";

    // refshadow.ShadowHeapSummary, refshadow.TypeSummary, refshadow.RunSummary
    public static final String LIVE_OBJECTS = "liveObjects";
    public static final String LIVE_BYTES = "liveBytes";
    public static final String PYMALLOC_HELD_BYTES = "pymallocHeldBytes";
    public static final String PYMALLOC_ARENAS = "pymallocArenas";
    public static final String GEN0_COUNT = "gen0Count";
    public static final String GEN1_COUNT = "gen1Count";
    public static final String GEN2_COUNT = "gen2Count";
    public static final String FREED_BY_REFCOUNT = "freedByRefcount";
    public static final String FREED_BY_CYCLES = "freedByCycles";
    public static final String FREED_BYTES_BY_REFCOUNT = "freedBytesByRefcount";
    public static final String FREED_BYTES_BY_CYCLES = "freedBytesByCycles";
    public static final String JVM_HEAP_USED = "jvmHeapUsed";
    public static final String JVM_HEAP_COMMITTED = "jvmHeapCommitted";
    public static final String PRECISION = "precision";
    public static final String ALLOCATED = "allocated";
    public static final String AT_PEAK = "atPeak";

    // refshadow.RunSummary
    public static final String PROFILE = "profile";
    public static final String ALLOCATIONS = "allocations";
    public static final String ADOPTED = "adopted";
    public static final String PINNED = "pinned";
    public static final String COLLECTIONS = "collections";
    public static final String PEAK_LIVE_BYTES = "peakLiveBytes";
    public static final String PEAK_PYMALLOC_HELD_BYTES = "peakPymallocHeldBytes";
    public static final String SAMPLE_RATE = "sampleRate";
    public static final String CLASSES_INSTRUMENTED = "classesInstrumented";
    public static final String INSTRUMENTATION_FAILURES = "instrumentationFailures";
    public static final String INTERNAL_FAILURES = "internalFailures";
    public static final String MODEL_INCONSISTENCIES = "modelInconsistencies";
  }

  /** Values of {@link Fields#FREED_BY}. */
  public static final String FREED_BY_REFCOUNT_VALUE = "refcount";

  public static final String FREED_BY_CYCLES_VALUE = "cycle detector";
  public static final String NOT_FREED_VALUE = "alive in the shadow at exit";
}
