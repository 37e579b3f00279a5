package io.refshadow.junit;

import static io.refshadow.junit.ExampleSources.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import java.util.Map;
import junitexamples.ConfiguredExamples;
import junitexamples.CycleExamples;
import junitexamples.LeakExamples;
import junitexamples.MemoryExamples;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension under the real agent (failsafe's argLine has {@code -javaagent}, as the README
 * tells users): example test classes run through EngineTestKit, and each passes or fails with the
 * exact message a user reads.
 */
class RefshadowExtensionIT {
  private static final String BREAK_IT =
      "\n  Break each cycle with a weak reference (io.refshadow.Weakref) or by clearing one of its"
          + " references before the objects are dropped.";

  /** Runs one example method; returns its failure message, or null if it passed. */
  static String run(Class<?> example, String method) {
    return runWith(Map.of(), selectMethod(example, method));
  }

  static String runWith(Map<String, String> parameters, DiscoverySelector selector) {
    List<Event> finished =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameters(parameters)
            .selectors(selector)
            .execute()
            .testEvents()
            .finished()
            .list();
    assertThat(finished).as("one test finished").hasSize(1);
    return finished
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .map(Throwable::getMessage)
        .orElse(null);
  }

  // ---- @NoReferenceCycles

  @Test
  void parentAndChildCycleFailsNoReferenceCyclesShowingTypesFieldsAndSite() {
    assertThat(run(CycleExamples.class, "childPointsBackAtItsParent"))
        .isEqualTo(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  Parent.children -> ArrayList -> Child.parent -> Parent\n"
                + "    3 objects; Parent allocated at "
                + site(CycleExamples.class, "childPointsBackAtItsParent", "cycle")
                + BREAK_IT);
  }

  @Test
  void sameCodeWithAWeakrefBackPointerPasses() {
    assertThat(run(CycleExamples.class, "childPointsBackWeakly")).isNull();
  }

  @Test
  void repeatedCyclesOfOneShapeAreCountedOnce() {
    assertThat(run(CycleExamples.class, "manyFamilies"))
        .isEqualTo(
            "@NoReferenceCycles: this test created 3 reference cycles that only the cycle"
                + " detector can reclaim:\n"
                + "  Parent.children -> ArrayList -> Child.parent -> Parent  (x3)\n"
                + "    9 objects; Parent allocated at "
                + site(CycleExamples.class, "manyFamilies", "families")
                + BREAK_IT);
  }

  @Test
  void cyclesAutomaticCollectionsReclaimDuringTheTestAreReported() {
    assertThat(run(CycleExamples.class, "cyclesFoundDuringTheTest"))
        .isEqualTo(
            "@NoReferenceCycles: this test created 300 reference cycles that only the cycle"
                + " detector can reclaim:\n"
                + "  Parent.children -> ArrayList -> Child.parent -> Parent  (x300)\n"
                + "    900 objects; Parent allocated at "
                + site(CycleExamples.class, "cyclesFoundDuringTheTest", "during")
                + BREAK_IT);
  }

  @Test
  void selfReferenceIsTheSmallestCycle() {
    assertThat(run(CycleExamples.class, "selfReference"))
        .isEqualTo(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  Node.next -> Node\n"
                + "    1 object; Node allocated at "
                + site(CycleExamples.class, "selfReference", "self")
                + BREAK_IT);
  }

  @Test
  void anArrayInACycleIsShownWithoutAField() {
    assertThat(run(CycleExamples.class, "arrayInTheCycle"))
        .isEqualTo(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  Folder.entries -> Object[] -> Entry.folder -> Folder\n"
                + "    3 objects; Folder allocated at "
                + site(CycleExamples.class, "arrayInTheCycle", "array")
                + BREAK_IT);
  }

  // ---- @LimitLeaks

  @Test
  void staticCacheThatGrowsFailsLimitLeaksWithTheChainFromItsRoot() {
    assertThat(run(LeakExamples.class, "staticCacheGrows"))
        .isEqualTo(
            "@LimitLeaks(maxObjects = 0): 1 object created by this test is still alive after it:\n"
                + "  byte[] allocated at "
                + site(LeakExamples.class, "staticCacheGrows", "cache")
                + "\n    static LeakExamples.CACHE -> ArrayList -> byte[]");
  }

  @Test
  void objectsFreedByRefcountAreNoLeak() {
    assertThat(run(LeakExamples.class, "localListIsFreed")).isNull();
  }

  @Test
  void maxObjectsToleratesThatMany() {
    assertThat(run(LeakExamples.class, "oneLeakIsTolerated")).isNull();
  }

  @Test
  void typeFilterCountsOnlyThoseTypes() {
    assertThat(run(LeakExamples.class, "onlySessionsCount")).isNull();
    assertThat(run(LeakExamples.class, "sessionsLeak"))
        .isEqualTo(
            "@LimitLeaks(maxObjects = 0, types = Session): 1 object created by this test is still"
                + " alive after it:\n"
                + "  Session allocated at "
                + site(LeakExamples.class, "sessionsLeak", "session")
                + "\n    static LeakExamples.CACHE -> ArrayList -> Session");
  }

  @Test
  void whatOnlyTheTestInstanceKeepsIsNoLeak() {
    assertThat(run(LeakExamples.class, "keptByTheTestInstance")).isNull();
  }

  // ---- @LimitShadowMemory

  @Test
  void bigArrayOverTheLimitFailsLimitShadowMemoryWithPeakAndTypes() {
    assertThat(run(MemoryExamples.class, "bigArray"))
        .isEqualTo(
            "@LimitShadowMemory(\"24 MB\"): the objects this test allocated peaked at 32.0 MB"
                + " (33554448 bytes) of shadow memory, over the limit of 24.0 MB (25165824"
                + " bytes). Largest types at the peak:\n"
                + "  byte[]                      32.0 MB in 1 object");
  }

  @Test
  void arrayUnderTheLimitPasses() {
    assertThat(run(MemoryExamples.class, "arrayUnderTheLimit")).isNull();
  }

  @Test
  void peakCountsWhatRefcountingWouldStillHold() {
    assertThat(run(MemoryExamples.class, "chunksFreedOneByOne")).isNull();
    assertThat(run(MemoryExamples.class, "chunksKeptInAList"))
        .startsWith(
            "@LimitShadowMemory(\"24 MB\"): the objects this test allocated peaked at 32.0 MB")
        .contains("\n  byte[]                      32.0 MB in 4 objects");
  }

  @Test
  void methodAnnotationTakesPrecedenceOverTheClass() {
    assertThat(run(MemoryExamples.class, "methodLimitTakesPrecedence")).isNull();
  }

  // ---- settings from configuration parameters

  @Test
  void aBuildOptsInThroughConfigurationParameters() {
    String unannotated = ConfiguredExamples.Unannotated.class.getName();
    assertThat(runWith(Map.of(), selectClass(ConfiguredExamples.Unannotated.class))).isNull();
    assertThat(
            runWith(
                Map.of(
                    "junit.jupiter.extensions.autodetection.enabled",
                    "true",
                    ConfigKeys.NO_REFERENCE_CYCLES,
                    "true"),
                selectClass(ConfiguredExamples.Unannotated.class)))
        .isEqualTo(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  Pair.other -> Pair.other -> Pair\n"
                + "    2 objects; Pair allocated at "
                + site(ConfiguredExamples.class, "pairOfObjects", "config")
                    .replace(ConfiguredExamples.class.getName(), unannotated)
                + BREAK_IT);
  }

  @Test
  void anEnclosingClassAnnotationAppliesToNestedTests() {
    assertThat(runWith(Map.of(), selectClass(ConfiguredExamples.Outer.class)))
        .startsWith(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  Pair.other -> Pair.other -> Pair\n");
  }

  @Test
  void aMethodAnnotationReplacesTheBuildWideLimit() {
    Map<String, String> strict =
        Map.of(
            "junit.jupiter.extensions.autodetection.enabled",
            "true",
            ConfigKeys.LIMIT_LEAKS_MAX_OBJECTS,
            "0");
    assertThat(runWith(strict, selectClass(ConfiguredExamples.Tolerant.class))).isNull();
  }
}
