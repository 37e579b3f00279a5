package io.refshadow.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.refshadow.heap.Failures;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import io.refshadow.twin.Py;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against CPython 3.12: each scenario program's Java twin, run on a fresh shadow
 * heap, must print line for line what CPython printed ({@code sNN_topic.expected}, checked in).
 * Scenarios with a difference that DESIGN.md documents are compared with CPython's output edited by
 * exactly that difference ({@link DocumentedDifference}, also asserted by {@link
 * DocumentedDifferenceTest}).
 */
class ScenarioDifferentialTest {
  @TestFactory
  Stream<DynamicTest> everyTwinPrintsWhatCPythonPrinted() {
    List<String> names = Scenarios.names();
    assertThat(names).as("scenario programs on the class path").hasSizeGreaterThanOrEqualTo(25);
    return names.stream().map(ScenarioDifferentialTest::test);
  }

  private static DynamicTest test(String name) {
    DocumentedDifference difference = DocumentedDifference.BY_SCENARIO.get(name);
    if (difference == null) {
      return dynamicTest(name, () -> assertMatchesCPython(name));
    }
    return dynamicTest(
        name + " [documented difference: " + difference + "]",
        () -> assertDocumentedDifference(name, difference));
  }

  static void assertMatchesCPython(String name) {
    List<String> cpython = Scenarios.expected(name);
    List<String> refshadow = runCleanly(name);
    assertThat(refshadow)
        .as("output of the Java twin of %s, against CPython's %s.expected", name, name)
        .containsExactlyElementsOf(cpython);
  }

  /** Runs the twin of {@code name}; the runtime must neither fail inside nor break an invariant. */
  static List<String> runCleanly(String name) {
    long failuresBefore = Failures.total();
    ShadowHeap heap = new ShadowHeap(Profile.DEFAULT, null);
    List<String> out = Py.run(Scenarios.twin(name), heap);
    assertThat(Failures.total() - failuresBefore)
        .as("internal failures while %s ran", name)
        .isZero();
    assertThat(heap.stats().invariantViolations).as("invariant violations in %s", name).isZero();
    return out;
  }

  static void assertDocumentedDifference(String name, DocumentedDifference difference) {
    List<String> cpython = Scenarios.expected(name);
    List<String> documented = difference.applyTo(cpython);
    List<String> refshadow = runCleanly(name);
    assertThat(documented)
        .as("the documented difference changes CPython's output")
        .isNotEqualTo(cpython);
    assertThat(refshadow)
        .as(
            "output of the Java twin of %s, against CPython's output edited by %s",
            name, difference)
        .containsExactlyElementsOf(documented);
  }
}
