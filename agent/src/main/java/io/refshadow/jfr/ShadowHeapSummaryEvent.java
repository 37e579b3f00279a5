package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The shadow heap at a moment, beside the JVM's heap: what a CPython process would hold alive
 * (refcount model), what pymalloc would keep from the operating system, and the cycle detector's
 * counts. Periodic; the JVM's own figures are jdk.GCHeapSummary in the same recording.
 */
@Name(EventNames.SHADOW_HEAP_SUMMARY)
@Label("Shadow Heap Summary")
@Description(
    "Live objects and bytes under Python's rules, bytes a pymalloc process would hold (16 KiB pools"
        + " in 1 MiB arenas released only when empty), gc.get_count() and what was freed since the"
        + " previous summary; compare with jdk.GCHeapSummary")
@Category({EventNames.CATEGORY, "Heap"})
@StackTrace(false)
@Period("1 s")
final class ShadowHeapSummaryEvent extends Event {
  @Name(Fields.LIVE_OBJECTS)
  @Label("Live Objects")
  @Description("Objects allocated by watched code and not yet freed under Python's rules")
  long liveObjects;

  @Name(Fields.LIVE_BYTES)
  @Label("Live Bytes")
  @Description("Shallow size (as the JVM measures it) of the live objects")
  @DataAmount
  long liveBytes;

  @Name(Fields.PYMALLOC_HELD_BYTES)
  @Label("Pymalloc Held Bytes")
  @Description(
      "Bytes a pymalloc process would hold from the operating system for these objects: arenas"
          + " with any live block, plus objects larger than 512 bytes")
  @DataAmount
  long pymallocHeldBytes;

  @Name(Fields.PYMALLOC_ARENAS)
  @Label("Pymalloc Arenas")
  @Description("1 MiB arenas pymalloc would hold")
  long pymallocArenas;

  @Name(Fields.GEN0_COUNT)
  @Label("Generation 0 Count")
  @Description(
      "gc.get_count()[0]: tracked allocations minus deallocations since the last collection")
  int gen0Count;

  @Name(Fields.GEN1_COUNT)
  @Label("Generation 1 Count")
  @Description("gc.get_count()[1]: generation-0 collections since the last generation-1 collection")
  int gen1Count;

  @Name(Fields.GEN2_COUNT)
  @Label("Generation 2 Count")
  @Description("gc.get_count()[2]: generation-1 collections since the last full collection")
  int gen2Count;

  @Name(Fields.FREED_BY_REFCOUNT)
  @Label("Freed By Refcount")
  @Description("Objects freed by reference counting since the previous summary")
  long freedByRefcount;

  @Name(Fields.FREED_BY_CYCLES)
  @Label("Freed By Cycle Detector")
  @Description("Objects freed by the cycle detector since the previous summary")
  long freedByCycles;

  @Name(Fields.FREED_BYTES_BY_REFCOUNT)
  @Label("Bytes Freed By Refcount")
  @Description("Bytes freed by reference counting since the previous summary")
  @DataAmount
  long freedBytesByRefcount;

  @Name(Fields.FREED_BYTES_BY_CYCLES)
  @Label("Bytes Freed By Cycle Detector")
  @Description("Bytes freed by the cycle detector since the previous summary")
  @DataAmount
  long freedBytesByCycles;

  @Name(Fields.JVM_HEAP_USED)
  @Label("JVM Heap Used")
  @Description("The JVM's used heap at the same moment (Runtime.totalMemory - freeMemory)")
  @DataAmount
  long jvmHeapUsed;

  @Name(Fields.JVM_HEAP_COMMITTED)
  @Label("JVM Heap Committed")
  @Description("The JVM's committed heap at the same moment (Runtime.totalMemory)")
  @DataAmount
  long jvmHeapCommitted;

  @Name(Fields.PRECISION)
  @Label("Precision")
  @Description(
      "Share of the objects seen whose lifetime was modelled exactly (not pinned, not adopted)")
  @Percentage
  double precision;
}
