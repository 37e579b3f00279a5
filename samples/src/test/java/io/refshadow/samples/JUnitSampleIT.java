package io.refshadow.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import junitsamples.Sample_09_NoReferenceCycles;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Sample 09 under the agent (this class's failsafe execution has {@code -javaagent}): the failing
 * version fails with the cycle, the fixed one passes.
 */
class JUnitSampleIT {
  static String outcome(Class<?> testClass) {
    List<Event> finished =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(testClass))
            .execute()
            .testEvents()
            .finished()
            .list();
    assertThat(finished).hasSize(1);
    return finished
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .map(Throwable::getMessage)
        .orElse("passed");
  }

  /** The line of the sample that allocates the root of the failing tree. */
  static int rootLine() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of(System.getProperty("refshadow.samples.test.sources"))
                .resolve("junitsamples/Sample_09_NoReferenceCycles.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// site: failing")) {
        return i + 1;
      }
    }
    throw new AssertionError("no site marker");
  }

  @Test
  void sample09_treeWithParentPointersFailsNoReferenceCyclesAndTheWeakrefFixPasses()
      throws IOException {
    assertThat(outcome(Sample_09_NoReferenceCycles.Failing.class))
        .isEqualTo(
            "@NoReferenceCycles: this test created 1 reference cycle that only the cycle detector"
                + " can reclaim:\n"
                + "  TreeNode.children -> ArrayList -> TreeNode.parent -> TreeNode\n"
                + "    4 objects; TreeNode allocated at"
                + " junitsamples.Sample_09_NoReferenceCycles$Failing.buildsATree"
                + "(Sample_09_NoReferenceCycles.java:"
                + rootLine()
                + ")\n"
                + "  Break each cycle with a weak reference (io.refshadow.Weakref) or by clearing"
                + " one of its references before the objects are dropped.");
    assertThat(outcome(Sample_09_NoReferenceCycles.Fixed.class)).isEqualTo("passed");
  }
}
