package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.jfr.EventNames.Fields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jfrprograms.EveryEvent;
import jfrprograms.ExitsEarly;
import jfrprograms.ShortLivedObjects;
import jfrprograms.TwoObjectCycles;
import org.junit.jupiter.api.Test;

/** The agent option {@code jfr=} records refshadow's events with the values the programs imply. */
class JfrEventsIT {
  static final String PAIR = TwoObjectCycles.class.getName() + "$Pair";

  @Test
  void hundredTwoObjectCyclesGiveCollectionsWhoseCollectedCountsSumTo200() {
    Path rec = JfrRuns.recording(TwoObjectCycles.class, "");
    List<RecordedEvent> collections = JfrRuns.events(rec, EventNames.COLLECTION);
    assertThat(collections).isNotEmpty();
    long collected = collections.stream().mapToLong(e -> e.getLong(Fields.COLLECTED)).sum();
    assertThat(collected).isEqualTo(2L * TwoObjectCycles.CYCLES); // two objects per cycle
    assertThat(collections).allSatisfy(e -> assertThat(e.getLong(Fields.UNCOLLECTABLE)).isZero());
    assertThat(collections.stream().mapToLong(e -> e.getLong(Fields.CYCLES)).sum()).isEqualTo(100);
  }

  @Test
  void cycleEventsNameTheMemberTypeAndTheFieldThatFormsTheCycle() {
    Path rec = JfrRuns.recording(TwoObjectCycles.class, "");
    List<RecordedEvent> cycles = JfrRuns.events(rec, EventNames.CYCLE);
    assertThat(cycles.stream().mapToLong(e -> e.getLong(Fields.CYCLES)).sum()).isEqualTo(100);
    assertThat(cycles.stream().mapToLong(e -> e.getLong(Fields.OBJECTS)).sum()).isEqualTo(200);
    assertThat(cycles)
        .allSatisfy(
            e -> {
              assertThat(e.getString(Fields.MEMBER_TYPES)).isEqualTo(PAIR + " x2");
              assertThat(e.getString(Fields.CYCLE_FIELDS)).isEqualTo(PAIR + ".partner -> " + PAIR);
              assertThat(e.getString(Fields.GRAPH))
                  .isEqualTo(
                      PAIR
                          + "#1 -partner-> "
                          + PAIR
                          + "#2\n"
                          + PAIR
                          + "#2 -partner-> "
                          + PAIR
                          + "#1");
            });
  }

  @Test
  void sampledCycleMembersCarryTheirAllocationStack() {
    Path rec = JfrRuns.recording(TwoObjectCycles.class, "sample=1");
    List<RecordedEvent> cycles = JfrRuns.events(rec, EventNames.CYCLE);
    assertThat(cycles).isNotEmpty();
    assertThat(cycles.get(0).getString(Fields.ALLOCATION_STACK))
        .startsWith(TwoObjectCycles.class.getName() + ".makeCycle(TwoObjectCycles.java:")
        .contains(TwoObjectCycles.class.getName() + ".main(");
  }

  @Test
  void objectsFreedByRefcountHaveLifetimesWithNonNegativeDragOnceTheJvmReclaimedThem() {
    Path rec = JfrRuns.recording(ShortLivedObjects.class, "sample=1");
    String payload = ShortLivedObjects.class.getName() + "$Payload";
    List<RecordedEvent> lifetimes =
        JfrRuns.events(rec, EventNames.LIFETIME).stream()
            .filter(e -> e.getString(Fields.OBJECT_CLASS).equals(payload))
            .toList();
    // sample=1 samples every allocation; each Payload dies at the end of its statement
    assertThat(lifetimes).hasSize(ShortLivedObjects.OBJECTS);
    assertThat(lifetimes)
        .allSatisfy(
            e -> {
              assertThat(e.getString(Fields.FREED_BY))
                  .isEqualTo(EventNames.FREED_BY_REFCOUNT_VALUE);
              assertThat(e.getBoolean(Fields.FREED_BY_PYTHON)).isTrue();
              assertThat(e.getDuration(Fields.PYTHON_LIFETIME)).isPositive();
              assertThat(e.getString(Fields.ALLOCATION_SITE))
                  .startsWith(ShortLivedObjects.class.getName() + ".main(");
            });
    List<RecordedEvent> reclaimed =
        lifetimes.stream().filter(e -> e.getBoolean(Fields.RECLAIMED_BY_JVM)).toList();
    // the program runs System.gc() three times after dropping them all
    assertThat(reclaimed).isNotEmpty();
    assertThat(reclaimed)
        .allSatisfy(
            e -> {
              assertThat(e.getDuration(Fields.DRAG)).isGreaterThanOrEqualTo(Duration.ZERO);
              assertThat(e.getDuration(Fields.JVM_LIFETIME))
                  .isEqualTo(
                      e.getDuration(Fields.PYTHON_LIFETIME).plus(e.getDuration(Fields.DRAG)));
              assertThat(e.getInstant(Fields.JVM_RECLAIM_TIME))
                  .isAfterOrEqualTo(e.getInstant(Fields.ALLOCATION_TIME));
            });
  }

  @Test
  void shadowHeapSummariesStandBesideTheJvmHeapSummaryAndPymallocHoldsAtLeastTheLiveBytes() {
    Path rec = JfrRuns.recording(EveryEvent.class, "sample=1,jfr-settings=detailed");
    List<RecordedEvent> summaries = JfrRuns.events(rec, EventNames.SHADOW_HEAP_SUMMARY);
    // the program sleeps 1.2 s; the detailed settings ask for a summary every 100 ms
    assertThat(summaries.size()).isGreaterThanOrEqualTo(5);
    assertThat(summaries)
        .allSatisfy(
            e -> {
              assertThat(e.getLong(Fields.PYMALLOC_HELD_BYTES))
                  .isGreaterThanOrEqualTo(e.getLong(Fields.LIVE_BYTES));
              assertThat(e.getLong(Fields.JVM_HEAP_USED)).isPositive();
              assertThat(e.getDouble(Fields.PRECISION)).isBetween(0.0, 1.0);
            });
    // System.gc() in the program: the JVM's own heap figures are in the same recording
    assertThat(JfrRuns.events(rec, EventNames.JDK_GC_HEAP_SUMMARY)).isNotEmpty();
  }

  @Test
  void finalizersAndWeakrefCallbacksAreRecordedWithWhatRanThem() {
    Path rec = JfrRuns.recording(EveryEvent.class, "sample=1,jfr-settings=detailed");
    String resource = EveryEvent.class.getName() + "$Resource";
    List<RecordedEvent> finalizers = JfrRuns.events(rec, EventNames.FINALIZER);
    // one dropped by refcount, two on a cycle, fifty dropped at the end of their statements
    assertThat(finalizers).hasSize(1 + 2 + 50);
    assertThat(finalizers)
        .allSatisfy(e -> assertThat(e.getString(Fields.OBJECT_CLASS)).isEqualTo(resource));
    assertThat(finalizers.stream().filter(e -> e.getBoolean(Fields.BY_CYCLE_DETECTOR))).hasSize(2);
    // every one was allocated by the program, so its age is known: more than nothing, and less
    // than the run (a lost birth time gives 0; a missing one, the time since the clock's origin)
    assertThat(finalizers)
        .allSatisfy(
            e ->
                assertThat(e.getDuration(Fields.OBJECT_AGE))
                    .isPositive()
                    .isLessThan(Duration.ofMinutes(5)));
    List<RecordedEvent> callbacks = JfrRuns.events(rec, EventNames.WEAKREF_CALLBACK);
    assertThat(callbacks).hasSize(1);
    assertThat(callbacks.get(0).getString(Fields.REFERENT_CLASS)).isEqualTo(resource);
    assertThat(callbacks.get(0).getBoolean(Fields.BY_CYCLE_DETECTOR)).isFalse();
  }

  @Test
  void theRunSummaryCarriesPrecisionAndTotalsToTheRecording() {
    Path rec = JfrRuns.recording(EveryEvent.class, "sample=1,jfr-settings=detailed");
    List<RecordedEvent> runs = JfrRuns.events(rec, EventNames.RUN_SUMMARY);
    assertThat(runs).isNotEmpty();
    RecordedEvent last = runs.get(runs.size() - 1);
    assertThat(last.getString(Fields.PROFILE)).isEqualTo("cpython-3.12");
    assertThat(last.getDouble(Fields.PRECISION)).isBetween(0.0, 1.0);
    assertThat(last.getLong(Fields.ALLOCATIONS)).isGreaterThanOrEqualTo(53); // the Resources
    assertThat(last.getLong(Fields.FREED_BY_CYCLES)).isGreaterThanOrEqualTo(2);
    assertThat(last.getLong(Fields.COLLECTED)).isEqualTo(2); // gc.collect() found the one cycle
    assertThat(last.getDouble(Fields.SAMPLE_RATE)).isEqualTo(1.0);
    assertThat(last.getLong(Fields.INTERNAL_FAILURES)).isZero();
  }

  @Test
  void theRecordingIsWrittenWhenTheProgramLeavesThroughSystemExit() throws Exception {
    Path file = JfrRuns.DIR.resolve("exits-early.jfr");
    Files.createDirectories(JfrRuns.DIR);
    Files.deleteIfExists(file);
    JfrRuns.Result r =
        JfrRuns.runProgram(ExitsEarly.class, "jfr=" + file + ",summary=off", List.of());
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
    assertThat(r.stdout()).doesNotContain("not reached");
    assertThat(JfrRuns.events(file, EventNames.COLLECTION))
        .extracting(e -> e.getLong(Fields.COLLECTED))
        .containsExactly(2L);
    assertThat(JfrRuns.events(file, EventNames.RUN_SUMMARY)).isNotEmpty();
  }

  @Test
  void startFlightRecordingWithTheShippedSettingsRecordsRefshadowAndJvmGcEvents() throws Exception {
    JfrRuns.Result settings = JfrRuns.cli("settings");
    assertThat(settings.exitCode()).as(settings.describe()).isZero();
    Path jfc = JfrRuns.DIR.resolve("refshadow.jfc");
    Files.writeString(jfc, settings.stdout());
    Path file = JfrRuns.DIR.resolve("start-flight-recording.jfr");
    Files.deleteIfExists(file);
    JfrRuns.Result r =
        JfrRuns.runProgram(
            ShortLivedObjects.class,
            "summary=off,sample=1",
            List.of("-XX:StartFlightRecording:settings=" + jfc + ",filename=" + file));
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(JfrRuns.events(file, EventNames.LIFETIME)).isNotEmpty();
    assertThat(JfrRuns.events(file, EventNames.RUN_SUMMARY)).isNotEmpty();
    assertThat(JfrRuns.events(file, EventNames.JDK_GC_HEAP_SUMMARY)).isNotEmpty(); // System.gc()
    assertThat(JfrRuns.events(file, EventNames.JDK_GARBAGE_COLLECTION)).isNotEmpty();
  }

  @Test
  void aBadSampleRateStopsTheJvmWithAMessageNamingTheOption() throws Exception {
    JfrRuns.Result r = JfrRuns.runProgram(TwoObjectCycles.class, "sample=2", List.of());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("bad value '2' for option sample").contains("sample=0.01");
  }
}
