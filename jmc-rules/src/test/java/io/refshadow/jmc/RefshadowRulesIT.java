package io.refshadow.jmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.EventNames.Fields;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jmcprograms.Acyclic;
import jmcprograms.ManyCycles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedCollectionResult;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

/**
 * refshadow's Mission Control rules, found as services beside the JDK's own rules, scoring
 * recordings that the agent makes of small programs in forked JVMs.
 */
class RefshadowRulesIT {
  static Path cycles;
  static Path acyclic;
  static Path cyclesUnsampled;

  @BeforeAll
  static void record() throws Exception {
    cycles = record(ManyCycles.class, "sample=1");
    cyclesUnsampled = record(ManyCycles.class, "sample=0");
    acyclic = record(Acyclic.class, "sample=1");
  }

  static Path record(Class<?> program, String options) throws Exception {
    Path dir =
        Path.of(System.getProperty("refshadow.test.classes")).getParent().resolve("jfr-runs");
    Files.createDirectories(dir);
    Path file = dir.resolve(program.getSimpleName() + "-" + options.replace('=', '_') + ".jfr");
    Files.deleteIfExists(file);
    String extra = System.getProperty("refshadow.test.agent.extra", "");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-javaagent:"
                + System.getProperty("refshadow.agent.jar")
                + "=jfr="
                + file
                + ",summary=off,"
                + options
                + (extra.isEmpty() ? "" : "," + extra),
            "-cp",
            System.getProperty("refshadow.test.classes"),
            program.getName());
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve(program.getSimpleName() + ".err").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
    assertThat(p.exitValue()).as("exit status of " + cmd).isZero();
    return file;
  }

  static IResult evaluate(IRule rule, Path recording, IPreferenceValueProvider preferences)
      throws Exception {
    IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
    RunnableFuture<IResult> f = rule.createEvaluation(items, preferences, NO_RESULTS);
    f.run();
    return f.get();
  }

  static IResult evaluate(IRule rule, Path recording) throws Exception {
    return evaluate(rule, recording, IPreferenceValueProvider.DEFAULT_VALUES);
  }

  /** Default preferences except {@code pref}, which is {@code value}. */
  static <V> IPreferenceValueProvider with(TypedPreference<V> pref, V value) {
    return new IPreferenceValueProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T getPreferenceValue(TypedPreference<T> p) {
        return p.equals(pref) ? (T) value : p.getDefaultValue();
      }
    };
  }

  static final IResultValueProvider NO_RESULTS =
      new IResultValueProvider() {
        @Override
        public <T> T getResultValue(TypedResult<T> result) {
          return null;
        }

        @Override
        public <T> Collection<T> getResultValue(TypedCollectionResult<T> result) {
          return null;
        }

        @Override
        public TypedResult<?> getResultByIdentifier(String identifier) {
          return null;
        }
      };

  @Test
  void bothRulesAreServicesMissionControlFindsBesideTheJdkRules() {
    List<String> ids = new ArrayList<>();
    for (IRule r : RuleRegistry.getRules()) {
      ids.add(r.getId());
    }
    assertThat(ids).contains(CyclicGarbageRule.ID, DragRule.ID);
    assertThat(ids.size()).as("the JDK rules of flightrecorder.rules.jdk too").isGreaterThan(20);
  }

  @Test
  void cyclicGarbageWarnsForAProgramThatMakesCyclesAndNamesThem() throws Exception {
    IResult r = evaluate(new CyclicGarbageRule(), cycles);
    long objects = 2L * ManyCycles.CYCLES;
    assertThat(r.getSeverity()).isEqualTo(Severity.WARNING); // 300 objects >= the default 100
    assertThat(r.getResult(CyclicGarbageRule.CYCLIC_GARBAGE).longValue()).isEqualTo(objects);
    assertThat(r.getSummary())
        .startsWith(objects + " objects were garbage in reference cycles")
        .contains(objects + " objects in " + ManyCycles.CYCLES + " cycles")
        .contains(ManyCycles.class.getName() + "$Node x2")
        .contains(ManyCycles.class.getName() + "$Node.peer -> ");
  }

  @Test
  void cyclicGarbageBelowTheWarningLimitIsInformation() throws Exception {
    IResult r =
        evaluate(
            new CyclicGarbageRule(),
            cycles,
            with(CyclicGarbageRule.WARNING_LIMIT, UnitLookup.NUMBER_UNITY.quantity(1000)));
    assertThat(r.getSeverity()).isEqualTo(Severity.INFO);
  }

  @Test
  void noCyclesIsOk() throws Exception {
    IResult r = evaluate(new CyclicGarbageRule(), acyclic);
    assertThat(r.getSeverity()).isEqualTo(Severity.OK);
    assertThat(r.getResult(TypedResult.SCORE).doubleValue()).isZero();
  }

  @Test
  void dragIsScoredOnTheNinetiethPercentileOfTheSampledDrag() throws Exception {
    long[] drags = bothClocks(acyclic);
    assertThat(drags).as("Acyclic runs System.gc() after freeing its objects").isNotEmpty();
    long p90 = DragRule.quantile(drags, 0.9);
    IResult r = evaluate(new DragRule(), acyclic);
    assertThat(r.getResult(DragRule.DRAG_P90).clampedLongValueIn(UnitLookup.NANOSECOND))
        .isEqualTo(p90);
    assertThat(r.getSeverity()).isEqualTo(Severity.get(DragRule.score(p90, 1e9)));
    assertThat(r.getSummary()).contains("longest for " + longestMedianDragType(acyclic) + " ");
  }

  @Test
  void dragAboveTheWarningLimitWarns() throws Exception {
    IQuantity oneNanosecond = UnitLookup.NANOSECOND.quantity(1);
    IResult r = evaluate(new DragRule(), acyclic, with(DragRule.WARNING_LIMIT, oneNanosecond));
    // freed by refcount first, reclaimed by System.gc() later: drag is positive
    assertThat(r.getSeverity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void withoutLifetimeSamplesDragIsNotApplicable() throws Exception {
    IResult r = evaluate(new DragRule(), cyclesUnsampled);
    assertThat(r.getSeverity()).isEqualTo(Severity.NA);
    assertThat(r.getSummary()).contains("sample=");
  }

  /** The type whose samples have the longest median drag, found independently. */
  static String longestMedianDragType(Path recording) throws Exception {
    java.util.Map<String, List<Long>> byType = new java.util.TreeMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (e.getEventType().getName().equals(EventNames.LIFETIME)
          && e.getBoolean(Fields.FREED_BY_PYTHON)
          && e.getBoolean(Fields.RECLAIMED_BY_JVM)) {
        byType
            .computeIfAbsent(e.getString(Fields.OBJECT_CLASS), k -> new ArrayList<>())
            .add(e.getDuration(Fields.DRAG).toNanos());
      }
    }
    String best = null;
    long bestMedian = Long.MIN_VALUE;
    for (var en : byType.entrySet()) {
      long m =
          DragRule.quantile(
              en.getValue().stream().mapToLong(Long::longValue).sorted().toArray(), 0.5);
      if (m > bestMedian) {
        bestMedian = m;
        best = en.getKey();
      }
    }
    return best;
  }

  /** The drag of samples that have both clocks, read independently with jdk.jfr.consumer. */
  static long[] bothClocks(Path recording) throws Exception {
    List<Long> out = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (e.getEventType().getName().equals(EventNames.LIFETIME)
          && e.getBoolean(Fields.FREED_BY_PYTHON)
          && e.getBoolean(Fields.RECLAIMED_BY_JVM)) {
        out.add(e.getDuration(Fields.DRAG).toNanos());
      }
    }
    return out.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
