package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * One of the types holding the most live bytes in the shadow heap: periodically, and at the end of
 * each chunk both as they are then and as they were near the peak of live bytes.
 */
@Name(EventNames.TYPE_SUMMARY)
@Label("Shadow Heap Type")
@Description(
    "One of the 20 types with the most live bytes under Python's rules at a summary, with how its"
        + " objects were freed so far")
@Category({EventNames.CATEGORY, "Heap"})
@StackTrace(false)
@Period("1 s")
final class TypeSummaryEvent extends Event {
  @Name(Fields.OBJECT_CLASS)
  @Label("Object Class")
  @Description("The type")
  String objectClass;

  @Name(Fields.LIVE_OBJECTS)
  @Label("Live Objects")
  @Description("Its objects alive under Python's rules")
  long liveObjects;

  @Name(Fields.LIVE_BYTES)
  @Label("Live Bytes")
  @Description("Shallow size of those objects")
  @DataAmount
  long liveBytes;

  @Name(Fields.ALLOCATED)
  @Label("Allocated")
  @Description("Its objects allocated by watched code since the start")
  long allocated;

  @Name(Fields.FREED_BY_REFCOUNT)
  @Label("Freed By Refcount")
  @Description("Its objects freed by reference counting since the start")
  long freedByRefcount;

  @Name(Fields.FREED_BY_CYCLES)
  @Label("Freed By Cycle Detector")
  @Description("Its objects freed by the cycle detector since the start")
  long freedByCycles;

  @Name(Fields.AT_PEAK)
  @Label("At Peak")
  @Description(
      "True for the figures taken when the shadow heap's live bytes last reached a new peak"
          + " (emitted at the end of a chunk), false for a periodic summary")
  boolean atPeak;
}
