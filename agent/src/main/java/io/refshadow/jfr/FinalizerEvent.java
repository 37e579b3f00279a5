package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** A {@code @Del} method (Python's {@code __del__}) called by the shadow heap. */
@Name(EventNames.FINALIZER)
@Label("Finalizer (__del__) Called")
@Description(
    "Python would call this object's __del__ here: when its refcount reached zero, or when the cycle"
        + " detector found it unreachable (PEP 442). The stack trace shows where")
@Category({EventNames.CATEGORY, "Reference Counting"})
final class FinalizerEvent extends Event {
  @Name(Fields.OBJECT_CLASS)
  @Label("Object Class")
  @Description("The class of the object being finalized")
  String objectClass;

  @Name(Fields.BY_CYCLE_DETECTOR)
  @Label("By Cycle Detector")
  @Description("True when the cycle detector finalizes it, false when its refcount reached zero")
  boolean byCycleDetector;

  @Name(Fields.OBJECT_AGE)
  @Label("Object Age")
  @Description("Time from the object's allocation to its finalizer (0 when not known)")
  @Timespan(Timespan.NANOSECONDS)
  long objectAge;
}
