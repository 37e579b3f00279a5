package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Classes that reach the agent in every way a JVM loads them: custom, child-first and jar class
 * loaders, hidden classes and lambdas, records and sealed types, a modular (JPMS) application,
 * classes generated at run time (ByteBuddy subclass proxies, java.lang.reflect.Proxy), and a second
 * agent instrumenting the same classes. Each program prints the same output with and without the
 * agent, with no instrumentation failure; where the shadow can tell an object's lifetime cheaply,
 * the program reports it on standard error ({@code shadow:} lines) and the test checks it.
 */
class ClassLoadingIT {
  private static final String BYTEBUDDY_JAR = System.getProperty("refshadow.test.bytebuddy.jar");
  private static final String SECOND_AGENT = System.getProperty("refshadow.test.second.agent.jar");
  private static final String JPMS_SOURCES = System.getProperty("refshadow.test.jpms.sources");

  /** Runs {@code main} without and with the agent; both must exit 0 with the same output. */
  private static HostJvm.Result sameOutputUnderTheAgent(
      String name, String agentOptions, String main, String... classPath) throws Exception {
    HostJvm.Result plain =
        HostJvm.run(name + "-plain", List.of("-cp", HostJvm.plainClassPath(classPath), main));
    assertThat(plain.exit()).as(plain.describe()).isZero();
    HostJvm.Result watched =
        HostJvm.run(
            name + "-agent",
            List.of(HostJvm.agent(agentOptions), "-cp", HostJvm.agentClassPath(classPath), main));
    assertCleanRun(watched);
    assertThat(watched.stdout()).as("the program's output is unchanged").isEqualTo(plain.stdout());
    return watched;
  }

  private static void assertCleanRun(HostJvm.Result watched) {
    assertThat(watched.exit()).as(watched.describe()).isZero();
    assertThat(watched.stderr())
        .as(watched.describe())
        .doesNotContain("could not instrument")
        .doesNotContain("internal failure in")
        .doesNotContain("Exception ignored in")
        .contains("failed: 0 classes, 0 methods")
        .containsPattern("internal failures\\s+0\\b");
  }

  private static List<String> shadowLines(HostJvm.Result r) {
    return r.stderr().lines().filter(l -> l.startsWith("shadow: ")).toList();
  }

  @Test
  void pluginClassesFromCustomChildFirstAndJarLoadersAndHiddenClassesRunUnchanged()
      throws Exception {
    HostJvm.Result r = sameOutputUnderTheAgent("loaders", "summary=stderr", "classloading.Loaders");
    assertThat(r.stdout())
        .contains(
            "defining loader: same class as the application's: false",
            "child-first loader: same class as the application's: false",
            "jar loader: same class as the application's: false")
        .anyMatch(l -> l.startsWith("hidden class: HELLO SECOND! (second;, hidden true)"));
    // objects made by plugin code, whichever loader defined it, live and die by the shadow's rules
    List<String> expected = new ArrayList<>();
    for (String loader :
        List.of("application loader", "defining loader", "child-first loader", "jar loader")) {
      expected.add("shadow: " + loader + " part refcount 2");
      expected.add("shadow: " + loader + " part freed by refcount true");
      expected.add("shadow: " + loader + " ring alive until collected true");
      expected.add("shadow: " + loader + " ring freed by the cycle detector true");
    }
    assertThat(shadowLines(r)).isEqualTo(expected);
  }

  @Test
  void recordsSealedTypesAndLambdasRunUnchangedAndRecordsDieByRefcount() throws Exception {
    HostJvm.Result r = sameOutputUnderTheAgent("shapes", "summary=stderr", "classloading.Shapes");
    assertThat(r.stdout())
        .contains("compact constructor: negative side -1.0", "record keys: one two");
    assertThat(shadowLines(r)).isEqualTo(shapesShadowLines());
  }

  private static List<String> shapesShadowLines() {
    return List.of(
        "shadow: group refcount 2",
        "shadow: record and its members freed by refcount true",
        "shadow: held by a lambda true",
        "shadow: freed with the lambda true");
  }

  @Test
  void byteBuddySubclassProxiesAndJdkProxiesRunUnchangedAndGeneratedClassesAreMirrored()
      throws Exception {
    // ByteBuddy itself is excluded only to keep this test quick: instrumenting it as well gives
    // the same output with no failure, about 30 s on a 2-core machine (README, Reliability).
    HostJvm.Result r =
        sameOutputUnderTheAgent(
            "proxies",
            "summary=stderr,verbose,exclude=net.bytebuddy.",
            "classloading.Proxies",
            BYTEBUDDY_JAR);
    assertThat(r.stdout())
        .contains(
            "ByteBuddy, new class loader: HELLO PROXY generated [item-0, item-1, item-2] calls"
                + " [proxy] generated subclass true",
            "proxy class is a Proxy true");
    assertThat(r.stderr())
        .as("the subclasses ByteBuddy generated at run time were instrumented")
        .containsPattern("refshadow: instrumented classloading\\.Proxies\\$Service\\$ByteBuddy\\$");
    assertThat(shadowLines(r))
        .containsExactly(
            "shadow: ByteBuddy, new class loader proxy and its result freed by refcount true",
            "shadow: ByteBuddy, injected through a lookup proxy and its result freed by refcount"
                + " true",
            "shadow: an argument passed through a JDK proxy is pinned true");
  }

  @Test
  void aModularApplicationRunsUnchangedWithItsModulesInstrumented() throws Exception {
    Path out = Path.of(HostJvm.TEST_CLASSES).getParent().resolve("jpms-modules");
    compileModules(Path.of(JPMS_SOURCES), out);
    List<String> module = List.of("--module-path", out.toString(), "-m", "demo.app/demo.app.Main");
    HostJvm.Result plain = HostJvm.run("jpms-plain", module);
    assertThat(plain.exit()).as(plain.describe()).isZero();
    List<String> args = new ArrayList<>(List.of(HostJvm.agent("summary=stderr,verbose")));
    args.addAll(module);
    HostJvm.Result watched = HostJvm.run("jpms-agent", args);
    assertCleanRun(watched);
    assertThat(watched.stdout()).isEqualTo(plain.stdout());
    assertThat(plain.stdout())
        .contains(
            "module demo.app",
            "encapsulated: InaccessibleObjectException",
            "internal package open to app: false");
    assertThat(watched.stderr())
        .contains(
            "refshadow: instrumented demo.app.Main",
            "refshadow: instrumented demo.lib.Inventory",
            "refshadow: instrumented demo.lib.internal.DefaultGreeter");
  }

  private static void compileModules(Path sources, Path out) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                out.toString(),
                "--module-source-path",
                sources.toString(),
                "--module",
                "demo.lib,demo.app"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("javac %s", args)
        .isZero();
  }

  @Test
  void aSecondAgentAttachedBeforeOrAfterRefshadowChangesNothingForTheProgram() throws Exception {
    String main = "classloading.Shapes";
    HostJvm.Result plain =
        HostJvm.run("two-agents-plain", List.of("-cp", HostJvm.plainClassPath(), main));
    assertThat(plain.exit()).as(plain.describe()).isZero();
    String cp = HostJvm.agentClassPath();
    String refshadow = HostJvm.agent("summary=stderr");
    String second = "-javaagent:" + SECOND_AGENT;

    HostJvm.Result refshadowFirst =
        HostJvm.run("two-agents-refshadow-first", List.of(refshadow, second, "-cp", cp, main));
    assertCleanRun(refshadowFirst);
    assertThat(refshadowFirst.stdout()).isEqualTo(plain.stdout());
    // the second agent rewrites the classes after refshadow: the shadow sees the program as alone
    assertThat(shadowLines(refshadowFirst)).isEqualTo(shapesShadowLines());

    HostJvm.Result secondFirst =
        HostJvm.run("two-agents-second-first", List.of(second, refshadow, "-cp", cp, main));
    assertCleanRun(secondFirst);
    assertThat(secondFirst.stdout()).isEqualTo(plain.stdout());
    // Here refshadow rewrites code the allocation instrumenter already rewrote: the program runs
    // unchanged and these lifetimes hold, but an array whose copy the other agent shuffles below
    // a recording call (dup_x1) is released at that call and adopted again, so a record's
    // members outlive it in the shadow (README, Reliability: an open finding).
    assertThat(shadowLines(secondFirst))
        .contains(
            "shadow: group refcount 2",
            "shadow: held by a lambda true",
            "shadow: freed with the lambda true");
  }
}
