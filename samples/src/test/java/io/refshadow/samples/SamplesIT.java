package io.refshadow.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each sample, run under the real agent jar in a forked JVM, prints what its story promises. */
class SamplesIT {
  private static final String AGENT = System.getProperty("refshadow.agent.jar");
  private static final String CLASSES = System.getProperty("refshadow.samples.classes");

  /** Runs a sample as a user does and returns its standard output lines. */
  static List<String> run(Class<?> sample) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-javaagent:" + AGENT + "=summary=off");
    cmd.add("-cp");
    cmd.add(CLASSES);
    cmd.add(sample.getName());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sample finished in time").isTrue();
    assertThat(p.exitValue()).as("exit status").isZero();
    return new String(out, StandardCharsets.UTF_8).lines().toList();
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
}
