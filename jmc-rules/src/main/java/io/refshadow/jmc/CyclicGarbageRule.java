package io.refshadow.jmc;

import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.EventNames.Fields;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

/**
 * Scores a refshadow recording for cyclic garbage: objects that CPython could free only with its
 * cycle detector, because they refer to each other. No cyclic garbage scores 0 (OK); up to the
 * warning limit (a preference, 100 objects by default) the score rises from 25 to 75 (information);
 * at the limit and beyond it is a warning. The result names the cycle shape with the most objects.
 */
public final class CyclicGarbageRule extends RefshadowRule {
  static final String ID = "RefshadowCyclicGarbage";

  static final TypedPreference<IQuantity> WARNING_LIMIT =
      new TypedPreference<>(
          "refshadow.cyclicGarbage.warningLimit",
          "Cyclic garbage warning limit",
          "Objects collected by the cycle detector at which the rule warns",
          UnitLookup.NUMBER.getPersister(),
          UnitLookup.NUMBER_UNITY.quantity(100));

  static final TypedResult<IQuantity> CYCLIC_GARBAGE =
      new TypedResult<>(
          "cyclicGarbage",
          "Cyclic garbage",
          "Objects collected by the cycle detector",
          UnitLookup.NUMBER,
          IQuantity.class);

  public CyclicGarbageRule() {
    super(
        ID,
        "Cyclic Garbage (Python's Rules)",
        EventNames.COLLECTION,
        WARNING_LIMIT,
        CYCLIC_GARBAGE);
  }

  /** The score for {@code objects} of cyclic garbage with warning limit {@code limit}. */
  static double score(long objects, double limit) {
    if (objects <= 0) {
      return 0;
    }
    return Math.min(100, 25 + 50 * objects / Math.max(1, limit));
  }

  @Override
  IResult evaluate(IItemCollection items, IPreferenceValueProvider preferences) {
    if (!RefshadowRuleSupport.isRefshadowRecording(items)) {
      return ResultBuilder.createFor(this, preferences)
          .setSeverity(Severity.NA)
          .setSummary("Not a refshadow recording: it has no refshadow events.")
          .setExplanation(
              "Record the program with -javaagent:refshadow-agent.jar=jfr=rec.jfr to see how its"
                  + " memory would behave under CPython's rules.")
          .build();
    }
    long collected =
        RefshadowRuleSupport.rows(items, EventNames.COLLECTION, r -> r.count(Fields.COLLECTED))
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    RefshadowRuleSupport.rows(
            items,
            EventNames.CYCLE,
            r ->
                new Object[] {
                  r.text(Fields.MEMBER_TYPES)
                      + " ("
                      + r.text(Fields.CYCLE_FIELDS).replace('\n', ';')
                      + ")",
                  r.count(Fields.OBJECTS),
                  r.count(Fields.CYCLES)
                })
        .forEach(
            row -> {
              long[] v = shapes.computeIfAbsent((String) row[0], k -> new long[2]);
              v[0] += (Long) row[1];
              v[1] += (Long) row[2];
            });
    double limit = preferences.getPreferenceValue(WARNING_LIMIT).doubleValue();
    double score = score(collected, limit);
    ResultBuilder b =
        ResultBuilder.createFor(this, preferences)
            .setSeverity(Severity.get(score))
            .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(score))
            .addResult(CYCLIC_GARBAGE, UnitLookup.NUMBER_UNITY.quantity(collected));
    if (collected == 0) {
      return b.setSummary("No cyclic garbage: reference counting alone would free every object.")
          .build();
    }
    Map.Entry<String, long[]> worst =
        shapes.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[0])).orElse(null);
    String where =
        worst == null
            ? ""
            : " The most, "
                + worst.getValue()[0]
                + " objects in "
                + worst.getValue()[1]
                + " cycles, are "
                + worst.getKey()
                + ".";
    return b.setSummary(
            collected
                + " objects were garbage in reference cycles that only CPython's cycle detector"
                + " could free."
                + where)
        .setExplanation(
            "Under Python's rules an object is freed the moment its last reference goes, unless it"
                + " is part of a reference cycle: then it waits for the generational cycle"
                + " detector (thresholds 700/10/10), and its __del__ runs late. See the"
                + " refshadow.Cycle events for the types and the fields that form each cycle, and"
                + " the allocation stack of a sampled member.")
        .setSolution(
            "Break the cycle where it is made: hold the back reference (child to parent, observer"
                + " to subject) through a weak reference, or clear it when the structure is"
                + " discarded.")
        .build();
  }
}
