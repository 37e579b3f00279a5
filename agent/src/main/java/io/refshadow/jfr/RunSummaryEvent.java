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
 * The run so far, as the agent's exit summary tells it: emitted at the end of each recording chunk,
 * so the last one in a recording describes the whole run (precision included).
 */
@Name(EventNames.RUN_SUMMARY)
@Label("refshadow Run Summary")
@Description(
    "Totals since the agent started: objects seen and how they left, precision, collections,"
        + " peaks and instrumentation. Emitted at the end of every chunk; the last one holds the run's"
        + " final figures")
@Category({EventNames.CATEGORY, "Heap"})
@StackTrace(false)
@Period("endChunk")
final class RunSummaryEvent extends Event {
  @Name(Fields.PROFILE)
  @Label("Profile")
  @Description("Whose collector the shadow follows, e.g. cpython-3.12")
  String profile;

  @Name(Fields.ALLOCATIONS)
  @Label("Objects Allocated")
  @Description("Objects registered at their allocation by watched code: lifetimes modelled exactly")
  long allocations;

  @Name(Fields.ADOPTED)
  @Label("Objects Adopted")
  @Description("Objects first seen after their allocation (made by code refshadow does not watch)")
  long adopted;

  @Name(Fields.PINNED)
  @Label("Objects Pinned")
  @Description("Objects whose reference escaped into code refshadow does not watch")
  long pinned;

  @Name(Fields.PRECISION)
  @Label("Precision")
  @Description("Share of the objects seen whose lifetime was modelled exactly")
  @Percentage
  double precision;

  @Name(Fields.FREED_BY_REFCOUNT)
  @Label("Freed By Refcount")
  @Description("Objects freed by reference counting")
  long freedByRefcount;

  @Name(Fields.FREED_BY_CYCLES)
  @Label("Freed By Cycle Detector")
  @Description("Objects freed by the cycle detector")
  long freedByCycles;

  @Name(Fields.COLLECTIONS)
  @Label("Collections")
  @Description("Cycle detector runs, all generations")
  long collections;

  @Name(Fields.COLLECTED)
  @Label("Objects Collected")
  @Description("Objects collected by the cycle detector, all generations (gc.get_stats())")
  long collected;

  @Name(Fields.UNCOLLECTABLE)
  @Label("Uncollectable Objects")
  @Description("Objects found uncollectable, all generations (gc.get_stats())")
  long uncollectable;

  @Name(Fields.LIVE_OBJECTS)
  @Label("Live Objects")
  @Description("Objects alive under Python's rules now")
  long liveObjects;

  @Name(Fields.LIVE_BYTES)
  @Label("Live Bytes")
  @Description("Shallow size of the objects alive under Python's rules now")
  @DataAmount
  long liveBytes;

  @Name(Fields.PEAK_LIVE_BYTES)
  @Label("Peak Live Bytes")
  @Description("The most bytes alive under Python's rules at any moment so far")
  @DataAmount
  long peakLiveBytes;

  @Name(Fields.PYMALLOC_HELD_BYTES)
  @Label("Pymalloc Held Bytes")
  @Description("Bytes a pymalloc process would hold now")
  @DataAmount
  long pymallocHeldBytes;

  @Name(Fields.PEAK_PYMALLOC_HELD_BYTES)
  @Label("Peak Pymalloc Held Bytes")
  @Description("The most bytes a pymalloc process would have held at any moment so far")
  @DataAmount
  long peakPymallocHeldBytes;

  @Name(Fields.SAMPLE_RATE)
  @Label("Lifetime Sample Rate")
  @Description("Share of allocations whose lifetimes are recorded (agent option sample=)")
  @Percentage
  double sampleRate;

  @Name(Fields.CLASSES_INSTRUMENTED)
  @Label("Classes Instrumented")
  @Description("Classes whose bytecode refshadow rewrote")
  long classesInstrumented;

  @Name(Fields.INSTRUMENTATION_FAILURES)
  @Label("Instrumentation Failures")
  @Description("Classes and methods left unchanged because rewriting them failed")
  long instrumentationFailures;

  @Name(Fields.INTERNAL_FAILURES)
  @Label("Internal Failures")
  @Description("Failures inside refshadow, caught and counted (should be 0)")
  long internalFailures;

  @Name(Fields.MODEL_INCONSISTENCIES)
  @Label("Model Inconsistencies")
  @Description("Uses of freed shadow objects or negative counts: bugs in the model (should be 0)")
  long modelInconsistencies;
}
