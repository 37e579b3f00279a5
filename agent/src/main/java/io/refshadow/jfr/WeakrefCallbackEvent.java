package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A weak reference's callback called because its referent died in the shadow heap. */
@Name(EventNames.WEAKREF_CALLBACK)
@Label("Weakref Callback Called")
@Description(
    "Python would call this weakref.ref callback here, because the referent died"
        + " (PyObject_ClearWeakRefs or the cycle detector's handle_weakrefs)")
@Category({EventNames.CATEGORY, "Reference Counting"})
final class WeakrefCallbackEvent extends Event {
  @Name(Fields.REFERENT_CLASS)
  @Label("Referent Class")
  @Description("The class of the object that died")
  String referentClass;

  @Name(Fields.CALLBACK_CLASS)
  @Label("Callback Class")
  @Description("The class of the callback")
  String callbackClass;

  @Name(Fields.BY_CYCLE_DETECTOR)
  @Label("By Cycle Detector")
  @Description("True when the referent died in a collection, false when by its refcount")
  boolean byCycleDetector;
}
