package io.refshadow.jfr;

import io.refshadow.jfr.EventNames.Fields;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Reference cycles of one shape freed by one collection: which types form them and through which
 * fields. Cycles of the same shape in the same collection are counted in one event.
 */
@Name(EventNames.CYCLE)
@Label("Reference Cycle Collected")
@Description(
    "Garbage that reference counting alone could never free: a group of objects referring to each"
        + " other, found and freed by the cycle detector. Cycles of the same shape found by one"
        + " collection are counted in one event")
@Category({EventNames.CATEGORY, "Cycle Detector"})
@StackTrace(false)
final class CycleEvent extends Event {
  @Name(Fields.GENERATION)
  @Label("Generation")
  @Description("The generation whose collection found the cycles")
  int generation;

  @Name(Fields.CYCLES)
  @Label("Cycles")
  @Description("How many cycles of this shape the collection freed")
  long cycles;

  @Name(Fields.OBJECTS)
  @Label("Objects")
  @Description("Objects in those cycles, all together")
  long objects;

  @Name(Fields.BYTES)
  @Label("Bytes")
  @Description("Shallow size of the objects in those cycles, all together")
  @DataAmount
  long bytes;

  @Name(Fields.MEMBER_TYPES)
  @Label("Member Types")
  @Description("The types on one cycle, with how many objects of each, e.g. com.example.Node x2")
  String memberTypes;

  @Name(Fields.CYCLE_FIELDS)
  @Label("Cycle-Forming Fields")
  @Description("The references that form the cycle: Type.field -> Type, one per line")
  String cycleFields;

  @Name(Fields.GRAPH)
  @Label("Example Cycle")
  @Description(
      "One cycle, one reference per line as 'Type#n -field-> Type#m' (for cycles of more than 16"
          + " objects: their types, as 'Type -field-> Type')")
  String graph;

  @Name(Fields.ALLOCATION_STACK)
  @Label("Allocation Stack of a Member")
  @Description(
      "Where one object of the cycle was allocated (a sampled allocation; empty when no member was"
          + " sampled), innermost frame first")
  String allocationStack;
}
