package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.jfr.EventNames.Fields;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.Percentage;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordingFile;
import jfrprograms.EveryEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.IDescribable;
import org.openjdk.jmc.common.item.Attribute;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * A refshadow recording opens in JDK Mission Control with every field typed and labelled: read with
 * the JDK's own consumer API and with Mission Control's parser (org.openjdk.jmc:flightrecorder),
 * and the two agree.
 */
class MissionControlIT {
  static Path recording;
  static IItemCollection jmc;
  static Map<String, EventType> jdkTypes;

  @BeforeAll
  static void record() throws Exception {
    recording = JfrRuns.recording(EveryEvent.class, "sample=1,jfr-settings=detailed");
    jmc = JfrLoaderToolkit.loadEvents(recording.toFile());
    try (RecordingFile rf = new RecordingFile(recording)) {
      jdkTypes =
          rf.readEventTypes().stream()
              .filter(t -> t.getName().startsWith(EventNames.PREFIX))
              .collect(Collectors.toMap(EventType::getName, t -> t));
    }
  }

  static final Set<String> ALL =
      Set.of(
          EventNames.COLLECTION,
          EventNames.CYCLE,
          EventNames.FINALIZER,
          EventNames.WEAKREF_CALLBACK,
          EventNames.LIFETIME,
          EventNames.SHADOW_HEAP_SUMMARY,
          EventNames.TYPE_SUMMARY,
          EventNames.RUN_SUMMARY);

  private static Map<String, IType<IItem>> jmcTypes() {
    Map<String, IType<IItem>> out = new HashMap<>();
    for (IItemIterable it : jmc) {
      IType<IItem> t = it.getType();
      if (t.getIdentifier().startsWith(EventNames.PREFIX) && it.hasItems()) {
        out.put(t.getIdentifier(), t);
      }
    }
    return out;
  }

  @Test
  void everyRefshadowEventIsInTheRecordingUnderItsNameForBothParsers() {
    assertThat(jdkTypes.keySet()).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(jmcTypes().keySet()).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(JfrSupport.EVENTS).hasSameSizeAs(ALL);
  }

  @Test
  void everyEventAndFieldHasALabelADescriptionAndTheRefshadowCategory() {
    for (EventType t : jdkTypes.values()) {
      assertThat(t.getLabel()).as(t.getName()).isNotBlank();
      assertThat(t.getDescription()).as(t.getName()).isNotBlank();
      assertThat(t.getCategoryNames()).as(t.getName()).startsWith(EventNames.CATEGORY);
      for (ValueDescriptor f : ownFields(t)) {
        assertThat(f.getLabel()).as(t.getName() + "." + f.getName()).isNotBlank();
        assertThat(f.getDescription()).as(t.getName() + "." + f.getName()).isNotBlank();
      }
    }
  }

  @Test
  void sizesAreDataAmountsAndTimesAreTimespansOrTimestamps() {
    for (EventType t : jdkTypes.values()) {
      for (ValueDescriptor f : ownFields(t)) {
        String n = f.getName();
        String where = t.getName() + "." + n;
        if (n.toLowerCase().contains("bytes") || n.equals(Fields.SIZE)) {
          assertThat(f.getAnnotation(DataAmount.class)).as(where).isNotNull();
        }
        if (n.endsWith("Lifetime") || n.equals(Fields.DRAG) || n.equals(Fields.OBJECT_AGE)) {
          assertThat(f.getAnnotation(Timespan.class)).as(where).isNotNull();
        }
        if (n.endsWith("Time")) {
          assertThat(f.getAnnotation(Timestamp.class)).as(where).isNotNull();
        }
        if (n.equals(Fields.PRECISION) || n.equals(Fields.SAMPLE_RATE)) {
          assertThat(f.getAnnotation(Percentage.class)).as(where).isNotNull();
        }
      }
    }
  }

  @Test
  void missionControlShowsEveryFieldWithTheSameLabelAndAMatchingUnit() {
    Map<String, IType<IItem>> types = jmcTypes();
    for (EventType t : jdkTypes.values()) {
      IType<IItem> jmcType = types.get(t.getName());
      assertThat(jmcType.getName()).as(t.getName()).isEqualTo(t.getLabel());
      Map<String, Map.Entry<IAccessorKey<?>, ? extends IDescribable>> keys = new HashMap<>();
      for (Map.Entry<IAccessorKey<?>, ? extends IDescribable> e :
          jmcType.getAccessorKeys().entrySet()) {
        keys.put(e.getKey().getIdentifier(), e);
      }
      for (ValueDescriptor f : ownFields(t)) {
        String where = t.getName() + "." + f.getName();
        assertThat(keys).as(where).containsKey(f.getName());
        Map.Entry<IAccessorKey<?>, ? extends IDescribable> k = keys.get(f.getName());
        assertThat(k.getValue().getName()).as(where).isEqualTo(f.getLabel());
        assertThat(k.getValue().getDescription()).as(where).isEqualTo(f.getDescription());
        assertThat(k.getKey().getContentType()).as(where).isIn(expectedUnits(f));
      }
    }
  }

  /**
   * The units Mission Control may show for a field, from its JFR annotations and type: bytes as
   * memory, times as timespans or timestamps, shares as percentages, counts as plain numbers.
   */
  private static List<ContentType<?>> expectedUnits(ValueDescriptor f) {
    if (f.getAnnotation(DataAmount.class) != null) {
      return List.of(UnitLookup.MEMORY);
    }
    if (f.getAnnotation(Timespan.class) != null) {
      return List.of(UnitLookup.TIMESPAN);
    }
    if (f.getAnnotation(Timestamp.class) != null) {
      return List.of(UnitLookup.TIMESTAMP);
    }
    if (f.getAnnotation(Percentage.class) != null) {
      return List.of(UnitLookup.PERCENTAGE);
    }
    switch (f.getTypeName()) {
      case "java.lang.String":
        return List.of(UnitLookup.PLAIN_TEXT);
      case "boolean":
        return List.of(UnitLookup.FLAG);
      case "int":
      case "long":
        return List.of(UnitLookup.RAW_NUMBER, UnitLookup.RAW_LONG, UnitLookup.NUMBER);
      default:
        throw new AssertionError(
            "refshadow fields are strings, booleans, ints, longs, doubles: " + f);
    }
  }

  @Test
  void missionControlReadsTheSameValuesAsTheJdk() {
    IAttribute<Number> collectedAttribute =
        Attribute.attr(Fields.COLLECTED, "Objects Collected", UnitLookup.RAW_NUMBER);
    long collected = 0;
    for (IItemIterable it : jmc.apply(ItemFilters.type(EventNames.COLLECTION))) {
      IMemberAccessor<Number, IItem> accessor = collectedAttribute.getAccessor(it.getType());
      for (IItem item : it) {
        collected += accessor.getMember(item).longValue();
      }
    }
    long jdkCollected =
        JfrRuns.events(recording, EventNames.COLLECTION).stream()
            .mapToLong(e -> e.getLong(Fields.COLLECTED))
            .sum();
    assertThat(collected).isEqualTo(jdkCollected).isEqualTo(2); // EveryEvent's one cycle
  }

  /** The event's own fields (not startTime, duration, eventThread, stackTrace). */
  private static List<ValueDescriptor> ownFields(EventType t) {
    Set<String> builtIn =
        new TreeSet<>(List.of("startTime", "duration", "eventThread", "stackTrace"));
    return t.getFields().stream().filter(f -> !builtIn.contains(f.getName())).toList();
  }
}
