package io.refshadow.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jfrprograms.EveryEvent;
import jfrprograms.TwoObjectCycles;
import org.junit.jupiter.api.Test;

/** {@code refshadow report} and {@code refshadow summary} tell what the recording holds. */
class ReportCommandIT {
  static final String PAIR = TwoObjectCycles.class.getName() + "$Pair";

  private static String report(Path recording, String name, String... options) throws Exception {
    Path html = JfrRuns.DIR.resolve(name + ".html");
    Files.deleteIfExists(html);
    String[] args = new String[3 + options.length];
    args[0] = "report";
    args[1] = recording.toString();
    args[2] = "-o=" + html;
    System.arraycopy(options, 0, args, 3, options.length);
    JfrRuns.Result r = JfrRuns.cli(args);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains("wrote " + html);
    return Files.readString(html);
  }

  @Test
  void theReportHasEverySectionWithChartsAndNeedsNoNetwork() throws Exception {
    String html =
        report(
            JfrRuns.recording(EveryEvent.class, "sample=1,jfr-settings=detailed"), "every-event");
    for (String section :
        new String[] {
          "summary", "memory", "pymalloc", "lifetimes", "drag", "cycles", "collections"
        }) {
      assertThat(html).contains("<section id=\"" + section + "\"");
    }
    assertThat(html).contains("<div id=\"cycle-graphs\">");
    assertThat(html)
        .contains("Shadow live bytes vs JVM heap used")
        .contains("pymalloc-held bytes vs shadow live bytes")
        .contains("Lifetime histogram")
        .contains("Drag histogram")
        .contains("Top cycle-forming types");
    assertThat(count(html, "<svg")).isGreaterThanOrEqualTo(6); // five charts and a cycle
    // self-contained: no script, no stylesheet or image fetched from anywhere
    assertThat(html).doesNotContain("<script", "<link", "<img", "src=\"http", "url(http");
    assertThat(html).doesNotContainPattern("href=\"https?:");
    // EveryEvent: 53 finalizers of Resource, one weakref callback
    assertThat(html)
        .contains(
            "<code>__del__</code> of <code>" + EveryEvent.class.getName() + "$Resource</code>: 53");
  }

  @Test
  void theReportCountsTheCyclesAndDrawsOneOfThemWithItsField() throws Exception {
    String html =
        report(
            JfrRuns.recording(TwoObjectCycles.class, "sample=1"),
            "two-object-cycles",
            "--no-graphviz");
    assertThat(html).contains("200 objects in 100 cycles of <code>" + PAIR + " x2</code>");
    String graphs = html.substring(html.indexOf("id=\"cycle-graphs\""));
    Matcher svg =
        Pattern.compile(
                "<svg class=\"cycle-graph\" data-layout=\"built-in\".*?</svg>", Pattern.DOTALL)
            .matcher(graphs);
    assertThat(svg.find()).as("a built-in drawing of the cycle").isTrue();
    String drawing = svg.group();
    assertThat(count(drawing, "<rect")).isEqualTo(2); // two objects
    assertThat(count(drawing, ">partner</text>")).isEqualTo(2); // each refers to the other
    assertThat(drawing).contains("TwoObjectCycles$Pair #1", "TwoObjectCycles$Pair #2");
    assertThat(html).contains(PAIR + ".partner -&gt; " + PAIR);
    assertThat(html)
        .contains("allocated at <code>" + TwoObjectCycles.class.getName() + ".makeCycle(");
  }

  @Test
  void withGraphvizOnThePathTheCycleIsLaidOutByDot() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        onPath("dot"), "Graphviz is not installed here; the built-in drawing is tested above");
    String html =
        report(JfrRuns.recording(TwoObjectCycles.class, "sample=1"), "two-object-cycles-dot");
    assertThat(html).contains("data-layout=\"graphviz\"").contains(">partner</text>");
  }

  @Test
  void summaryPrintsTheSameFactsAsText() throws Exception {
    JfrRuns.Result r =
        JfrRuns.cli("summary", JfrRuns.recording(TwoObjectCycles.class, "sample=1").toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout())
        .contains("freed by cycle detector           200")
        .contains("200 objects collected")
        .contains("200 objects in 100 cycles of " + PAIR + " x2")
        .contains(PAIR + ".partner -> " + PAIR)
        .contains("Lifetimes (");
    assertThat(r.stderr()).isEmpty();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
