package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads mutating shared graphs while collections, finalizers and weakref callbacks run
 * (reliability.ConcurrentGraphs): under the real agent the program finishes, prints what it prints
 * without the agent, and the shadow heap is consistent afterwards and has freed every graph object
 * the program made.
 */
class ConcurrentGraphsIT {
  private static final String MAIN = "reliability.ConcurrentGraphs";
  private static final String GRAPH_CLASSES = "reliability.ConcurrentGraphs$Graph$";

  @Test
  void sixteenThreadsMutatingSharedGraphsFinishWithTheSameOutputAndAConsistentShadow()
      throws Exception {
    HostJvm.Result plain =
        HostJvm.run("concurrent-graphs-plain", List.of("-cp", HostJvm.plainClassPath(), MAIN));
    assertThat(plain.exit()).as(plain.describe()).isZero();
    HostJvm.Result watched =
        HostJvm.run(
            "concurrent-graphs-agent",
            List.of(
                "-Drefshadow.test.invariants=" + GRAPH_CLASSES,
                HostJvm.agent("summary=stderr"),
                "-cp",
                HostJvm.agentClassPath(),
                MAIN));
    assertThat(watched.exit()).as(watched.describe()).isZero();
    assertThat(watched.stdout()).as("the program's output is unchanged").isEqualTo(plain.stdout());
    String err = watched.stderr();
    assertThat(err)
        .as(watched.describe())
        .doesNotContain("Exception ignored in")
        .contains("failed: 0 classes, 0 methods")
        .containsPattern("internal failures\\s+0\\b")
        .doesNotContain("model inconsistencies");

    // The program exercised what the test is about: finalizers, callbacks, collections.
    Matcher shadow =
        Pattern.compile(
                "shadow: finalizers (\\d+), weakref callbacks (\\d+) \\((\\d+) capturing\\),"
                    + " collections from threads (\\d+), graph objects tracked after the final"
                    + " collection (\\d+)")
            .matcher(err);
    assertThat(shadow.find()).as(err).isTrue();
    assertThat(Long.parseLong(shadow.group(1))).as("finalizers run").isPositive();
    assertThat(Long.parseLong(shadow.group(2))).as("weakref callbacks run").isPositive();
    assertThat(Long.parseLong(shadow.group(3))).as("capturing callbacks run").isPositive();
    assertThat(Long.parseLong(shadow.group(4))).as("collections from threads").isPositive();
    assertThat(shadow.group(5)).as("graph objects the collector still tracks").isEqualTo("0");
    assertThat(err).containsPattern("collections\\s+gen0 [1-9]");

    // Every graph object the program made was allocated, and freed exactly once, in the shadow.
    long created =
        Long.parseLong(
            plain.stdout().stream()
                .filter(l -> l.startsWith("graph objects created "))
                .findFirst()
                .orElseThrow()
                .substring("graph objects created ".length()));
    long allocated = 0;
    long freed = 0;
    long byCycles = 0;
    Matcher perClass =
        Pattern.compile(
                "refshadow invariants: (\\S+) allocated (\\d+) freed (\\d+) \\(refcount (\\d+),"
                    + " cycles (\\d+), adopted (\\d+)\\)")
            .matcher(err);
    int classes = 0;
    while (perClass.find()) {
      classes++;
      assertThat(perClass.group(1)).startsWith(GRAPH_CLASSES);
      assertThat(perClass.group(3)).as(perClass.group()).isEqualTo(perClass.group(2));
      assertThat(perClass.group(6)).as("adopted graph objects freed").isEqualTo("0");
      allocated += Long.parseLong(perClass.group(2));
      freed += Long.parseLong(perClass.group(3));
      byCycles += Long.parseLong(perClass.group(5));
    }
    assertThat(classes).as(err).isEqualTo(3); // Item, Finalized, Registry
    assertThat(allocated).as("graph objects allocated in the shadow").isEqualTo(created);
    assertThat(freed).as("graph objects freed in the shadow").isEqualTo(created);
    assertThat(byCycles).as("some freed by the cycle detector").isPositive();
    assertThat(err)
        .as("refcount = in-edges + roots, nothing reachable freed, no freed node in use")
        .containsPattern("refshadow invariants: checked [1-9]\\d* nodes, 0 violations");
  }
}
