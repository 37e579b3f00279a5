package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * The three clocks of one sampled object (DESIGN.md): its allocation, the moment Python's rules
 * free it (by refcount or by the cycle detector), and the moment the JVM reclaimed it (seen through
 * a phantom reference). Drag is the JVM's reclaim time minus Python's free time.
 */
@Name(EventNames.LIFETIME)
@Label("Object Lifetime (Python vs JVM)")
@Description(
    "A sampled object's lifetime under Python's rules and under the JVM's GC. Drag is how much"
        + " longer the JVM kept the object than CPython would have (negative: the JVM reclaimed it"
        + " first). The rate is the agent option sample=")
@Category({EventNames.CATEGORY, "Lifetimes"})
@StackTrace(false)
final class LifetimeEvent extends Event {
  @Name(Fields.OBJECT_CLASS)
  @Label("Object Class")
  @Description("The class of the sampled object")
  String objectClass;

  @Name(Fields.SIZE)
  @Label("Size")
  @Description("The object's shallow size in the JVM")
  @DataAmount
  long size;

  @Name(Fields.ALLOCATION_TIME)
  @Label("Allocation Time")
  @Description("When the object was allocated")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  long allocationTime;

  @Name(Fields.FREED_BY)
  @Label("Freed By")
  @Description(
      "What freed it under Python's rules: 'refcount', 'cycle detector', or 'alive in the shadow"
          + " at exit'")
  String freedBy;

  @Name(Fields.FREED_BY_PYTHON)
  @Label("Freed By Python")
  @Description("True when Python's rules freed the object while recording")
  boolean freedByPython;

  @Name(Fields.PYTHON_FREE_TIME)
  @Label("Python Free Time")
  @Description("When Python's rules freed it (0 when they did not)")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  long pythonFreeTime;

  @Name(Fields.PYTHON_LIFETIME)
  @Label("Python Lifetime")
  @Description("Allocation to Python's free (0 when not freed)")
  @Timespan(Timespan.NANOSECONDS)
  long pythonLifetime;

  @Name(Fields.RECLAIMED_BY_JVM)
  @Label("Reclaimed By JVM")
  @Description("True when the JVM's GC reclaimed the object while recording")
  boolean reclaimedByJvm;

  @Name(Fields.JVM_RECLAIM_TIME)
  @Label("JVM Reclaim Time")
  @Description("When the JVM's GC reclaimed it, as its phantom reference saw (0 when it did not)")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  long jvmReclaimTime;

  @Name(Fields.JVM_LIFETIME)
  @Label("JVM Lifetime")
  @Description("Allocation to the JVM's reclaim (0 when not reclaimed)")
  @Timespan(Timespan.NANOSECONDS)
  long jvmLifetime;

  @Name(Fields.DRAG)
  @Label("Drag")
  @Description(
      "JVM reclaim time minus Python free time: how long the JVM kept an object Python had freed"
          + " (0 unless both happened)")
  @Timespan(Timespan.NANOSECONDS)
  long drag;

  @Name(Fields.ALLOCATION_SITE)
  @Label("Allocation Site")
  @Description("The method and line that allocated the object")
  String allocationSite;
}
