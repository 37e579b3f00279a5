package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One run of the cycle detector (gcmodule.c's gc_collect_main); its duration is the run's. */
@Name(EventNames.COLLECTION)
@Label("Cycle Detector Collection")
@Description(
    "One collection of CPython's generational cycle detector over the shadow heap: what Python's"
        + " gc.collect() or an automatic collection (thresholds 700/10/10) would have done here")
@Category({EventNames.CATEGORY, "Cycle Detector"})
@StackTrace(false)
final class CollectionEvent extends Event {
  @Name(Fields.GENERATION)
  @Label("Generation")
  @Description("The generation collected (0, 1 or 2); younger generations are merged into it")
  int generation;

  @Name(Fields.EXAMINED)
  @Label("Objects Examined")
  @Description("Tracked objects in the collected generations when the collection started")
  long examined;

  @Name(Fields.COLLECTED)
  @Label("Objects Collected")
  @Description("Unreachable objects freed by this collection (gc.collect()'s return value)")
  long collected;

  @Name(Fields.UNCOLLECTABLE)
  @Label("Uncollectable Objects")
  @Description("Unreachable objects that could not be freed and went to gc.garbage")
  long uncollectable;

  @Name(Fields.COLLECTED_BYTES)
  @Label("Bytes Collected")
  @Description("Shallow size of the objects this collection freed")
  @DataAmount
  long collectedBytes;

  @Name(Fields.CYCLES)
  @Label("Cycles Found")
  @Description("Reference cycles (strongly connected groups) among the collected objects")
  long cycles;

  @Name(Fields.LIVE_BYTES)
  @Label("Shadow Live Bytes After")
  @Description("Bytes of objects alive in the shadow heap after the collection")
  @DataAmount
  long liveBytes;

  @Name(Fields.PYMALLOC_HELD_BYTES)
  @Label("Pymalloc Held Bytes After")
  @Description("Bytes a CPython process using pymalloc would hold after the collection")
  @DataAmount
  long pymallocHeldBytes;
}
