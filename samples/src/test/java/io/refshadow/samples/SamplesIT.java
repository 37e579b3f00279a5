package io.refshadow.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each sample, run under the real agent jar in a forked JVM, prints what its story promises. */
class SamplesIT {
  private static final String AGENT = System.getProperty("refshadow.agent.jar");
  private static final String CLASSES = System.getProperty("refshadow.samples.classes");

  /** Lines a sample prints about the JVM's own sizes, which its Python twin cannot print. */
  static final String JVM_DETAIL = "  refshadow: ";

  /** Runs a sample as a user does and returns its standard output lines. */
  static List<String> run(Class<?> sample) throws IOException, InterruptedException {
    return run(sample, "summary=off");
  }

  /** Runs a sample under the agent with {@code options}, as {@code ./samples/run NN options}. */
  static List<String> run(Class<?> sample, String options)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-javaagent:" + AGENT + "=" + options);
    cmd.add("-cp");
    cmd.add(CLASSES);
    cmd.add(sample.getName());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sample finished in time").isTrue();
    assertThat(p.exitValue()).as("exit status").isZero();
    return new String(out, StandardCharsets.UTF_8).lines().toList();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void sample01_listIsFreedWhenTheCallReturnsBeforeTheJvmReclaimsIt() throws Exception {
    assertThat(run(Sample_01_ListPassedToFunction.class))
        .containsExactly(
            "calling getDays(new Days(\"Sunday\", \"Monday\", \"Tuesday\"))",
            "  inside getDays: 3 days",
            "  Python frees the list here: its refcount reached 0",
            "getDays returned 3",
            "freed by refcount before the next statement: true",
            "the JVM reclaimed it only at a later garbage collection: true");
  }

  /** CPython's output for the sample's Python twin, checked in beside it (resources/python). */
  static List<String> cpython(String name) throws IOException {
    try (var in = SamplesIT.class.getResourceAsStream("/python/" + name + ".expected")) {
      assertThat(in).as("expected output " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void sample03_getRefcountCountsNamesAndTheArgumentLikeCPython() throws Exception {
    // Python's print shows True where Java shows true
    assertThat(run(Sample_03_GetRefcount.class))
        .containsExactlyElementsOf(
            cpython("sample_03_getrefcount").stream().map(l -> l.replace("True", "true")).toList());
  }

  /** CPython's output with Python's {@code True}/{@code False} spelled as Java prints them. */
  static List<String> cpythonAsJava(String name) throws IOException {
    return cpython(name).stream()
        .map(l -> l.replace("True", "true").replace("False", "false"))
        .toList();
  }

  /** The lines a sample shares with its Python twin: all but its JVM details. */
  static List<String> pythonFacts(List<String> lines) {
    assertThat(lines).as("JVM details").anyMatch(l -> l.startsWith(JVM_DETAIL));
    return lines.stream().filter(l -> !l.startsWith(JVM_DETAIL)).toList();
  }

  @Test
  void sample02_twoNamesShareOneListAndItsRefcountRises() throws Exception {
    assertThat(run(Sample_02_TwoNamesOneList.class))
        .containsExactlyElementsOf(cpythonAsJava("sample_02_two_names"));
  }

  @Test
  void sample04_smallIntegersAreSharedAndImmortalLikeCPython312() throws Exception {
    assertThat(run(Sample_04_Interning.class))
        .containsExactlyElementsOf(cpythonAsJava("sample_04_interning"));
  }

  @Test
  void sample05_aLocalsObjectIsFreedWhenItsFunctionReturns() throws Exception {
    assertThat(run(Sample_05_StackAndHeap.class))
        .containsExactlyElementsOf(cpythonAsJava("sample_05_stack_and_heap"));
  }

  @Test
  void sample06_delRunsAtDelBeforeCollect() throws Exception {
    assertThat(run(Sample_06_DelFinalizer.class))
        .containsExactlyElementsOf(cpython("sample_06_del"));
  }

  @Test
  void sample07_cyclesAreFoundOnlyByTheCycleDetector() throws Exception {
    assertThat(run(Sample_07_CircularReferences.class))
        .containsExactlyElementsOf(cpython("sample_07_circular"));
  }

  @Test
  void sample08_thresholdsAndAutomaticCollections() throws Exception {
    assertThat(run(Sample_08_Generations.class))
        .containsExactlyElementsOf(cpython("sample_08_generations"));
  }

  @Test
  void sample10_aGeneratorPeaksAtAFewObjectsAListAtAllOfThem() throws Exception {
    assertThat(pythonFacts(run(Sample_10_Generators.class)))
        .containsExactlyElementsOf(cpythonAsJava("sample_10_generators"));
  }

  @Test
  void sample11_pymallocHoldsItsArenasUntilTheirLastObjectIsFreed() throws Exception {
    assertThat(pythonFacts(run(Sample_11_MemoryNotReturned.class)))
        .containsExactlyElementsOf(cpythonAsJava("sample_11_memory_not_returned"));
  }

  @Test
  void sample12_liveObjectsPerTypeDropAtDel() throws Exception {
    List<String> lines = run(Sample_12_ObjectsByType.class);
    assertThat(pythonFacts(lines))
        .containsExactlyElementsOf(cpythonAsJava("sample_12_objects_by_type"));
    assertThat(lines)
        .anyMatch(l -> l.matches("  refshadow: Point: 1000 objects, \\d+ bytes"))
        .anyMatch(l -> l.matches("  refshadow: Node: 500 objects, \\d+ bytes"));
  }

  @Test
  void sample13_delHalvesThePeakOfTwoLargeObjects() throws Exception {
    assertThat(pythonFacts(run(Sample_13_DelLargeObjects.class)))
        .containsExactlyElementsOf(cpythonAsJava("sample_13_del_large_objects"));
  }

  @Test
  void sample14_aRecordedRunBecomesAReportWithItsCharts(@TempDir Path dir) throws Exception {
    Path recording = dir.resolve("rec.jfr");
    assertThat(run(Sample_14_ContrastInOnePicture.class, "jfr=" + recording + ",summary=off"))
        .containsExactly(
            "made 200000 short-lived objects, 4000 two-object cycles, and kept 20000 objects");
    assertThat(recording).isNotEmptyFile();

    Path html = dir.resolve("rec.html");
    Process p =
        new ProcessBuilder(java(), "-jar", AGENT, "report", recording.toString(), "-o=" + html)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("report finished in time").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("wrote " + html);

    String report = Files.readString(html);
    for (String section :
        List.of("summary", "memory", "pymalloc", "lifetimes", "drag", "cycles", "collections")) {
      assertThat(report).contains("<section id=\"" + section + "\"");
    }
    String pair = Sample_14_ContrastInOnePicture.Pair.class.getName();
    assertThat(report)
        .contains("Shadow live bytes vs JVM heap used")
        .contains("pymalloc-held bytes vs shadow live bytes")
        .contains("Lifetime histogram")
        .contains("Drag histogram")
        .contains(pair + ".partner -&gt; " + pair);
  }
}
