package io.refshadow.junit;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Makes sure the refshadow agent runs in this JVM before anything touches the shadow heap.
 *
 * <p>The agent appends its runtime jar to the <em>bootstrap</em> class path, and the runtime's
 * classes ({@code io.refshadow.Gc}, {@code Weakref}, {@code Hooks}...) must be loaded from there
 * alone: if the application class loader loaded them earlier (from a {@code refshadow-runtime} jar
 * on the class path), test code keeps using that second copy, whose heap the agent never installs,
 * and nothing is measured. Three rules keep that from happening:
 *
 * <ol>
 *   <li>the extension, the annotations and this class refer to no runtime class: they find out
 *       whether the agent runs by asking the bootstrap loader, reflectively;
 *   <li>without {@code -javaagent}, {@link EarlyAttachListener} attaches the agent when test
 *       discovery starts, before any test class is loaded;
 *   <li>after attaching, and once per class loader, {@link #ensureActive} checks that each runtime
 *       class the tests can see is the bootstrap one, and fails with the fix when it is not.
 * </ol>
 *
 * <p>Self-attach goes through byte-buddy-agent, which attaches from a helper JVM when this one does
 * not allow attaching to itself ({@code jdk.attach.allowAttachSelf}). Classes loaded before the
 * attach are retransformed by the agent (its {@code RETRANSFORMATION} strategy), but their static
 * initializers have already run unobserved: starting the JVM with {@code -javaagent} stays the
 * surest way.
 */
final class AgentActivation {
  /** A runtime class whose presence on the bootstrap path shows that the agent started. */
  static final String HEAP_CLASS = "io.refshadow.heap.ShadowHeap";

  /** Runtime classes test code may name; each must come from the bootstrap loader. */
  private static final List<String> RUNTIME_CLASSES =
      List.of(
          "io.refshadow.Gc",
          "io.refshadow.Sys",
          "io.refshadow.Weakref",
          "io.refshadow.Hooks",
          "io.refshadow.heap.ShadowHeap");

  /** The agent's main class, to find its jar on the class path. */
  private static final String AGENT_CLASS_RESOURCE = "io/refshadow/agent/RefshadowAgent.class";

  private static final Set<ClassLoader> VERIFIED =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  /** Why an earlier attach failed; later attempts report it instead of trying again. */
  private static volatile String attachFailure;

  private AgentActivation() {}

  /**
   * Whether the agent runs in this JVM: its runtime is on the bootstrap path, its heap installed.
   */
  static boolean isActive() {
    Class<?> heap = bootstrapClass(HEAP_CLASS);
    if (heap == null) {
      return false;
    }
    try {
      return heap.getField("active").get(null) != null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Ensures the agent is active, attaching it unless {@link ConfigKeys#ATTACH} is {@code never},
   * and that {@code testLoader} sees the bootstrap copy of the runtime.
   *
   * @throws ExtensionConfigurationException with the fix, when either is not so
   */
  static void ensureActive(Function<String, Optional<String>> config, ClassLoader testLoader) {
    if (!isActive()) {
      synchronized (AgentActivation.class) {
        if (!isActive()) {
          String mode = attachMode(config);
          if (mode.equals("never")) {
            throw new ExtensionConfigurationException(notActiveMessage());
          }
          attach(config);
        }
      }
    }
    verifySingleRuntime(testLoader);
    verifySingleRuntime(AgentActivation.class.getClassLoader());
    verifySingleRuntime(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Attaches the agent if it is not active; on failure prints one line and remembers why, so that
   * the first checked test fails with the full explanation. Never throws: test discovery goes on.
   */
  static void attachQuietly(Function<String, Optional<String>> config) {
    synchronized (AgentActivation.class) {
      if (isActive() || attachFailure != null) {
        return;
      }
      try {
        attach(config);
      } catch (RuntimeException e) {
        System.err.println(
            "refshadow: could not attach the agent when test discovery started;"
                + " tests with memory checks will fail and say why");
      }
    }
  }

  static String attachMode(Function<String, Optional<String>> config) {
    String mode = config.apply(ConfigKeys.ATTACH).orElse("auto").trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("auto") && !mode.equals("lazy") && !mode.equals("never")) {
      throw new ExtensionConfigurationException(
          "refshadow: bad value '"
              + mode
              + "' for "
              + ConfigKeys.ATTACH
              + "; valid values: auto (default), lazy, never");
    }
    return mode;
  }

  private static void attach(Function<String, Optional<String>> config) {
    if (attachFailure != null) {
      throw new ExtensionConfigurationException(attachFailure);
    }
    File jar = findAgentJar(config);
    String options = config.apply(ConfigKeys.AGENT_OPTIONS).orElse(null);
    try {
      ByteBuddyAgent.attach(jar, String.valueOf(ProcessHandle.current().pid()), options);
    } catch (RuntimeException | LinkageError e) {
      attachFailure = attachFailedMessage(jar, e);
      throw new ExtensionConfigurationException(attachFailure, e);
    }
    if (!isActive()) {
      attachFailure =
          "refshadow: the agent "
              + jar
              + " was attached but did not start (see its message on stderr). "
              + javaagentAdvice(jar);
      throw new ExtensionConfigurationException(attachFailure);
    }
  }

  /**
   * The agent jar: the {@link ConfigKeys#AGENT_JAR} parameter or system property, else the jar of
   * the refshadow-agent dependency on the class path, else {@code agent/target/refshadow-agent.jar}
   * of a refshadow checkout (this project's own modules).
   */
  static File findAgentJar(Function<String, Optional<String>> config) {
    Optional<String> configured = config.apply(ConfigKeys.AGENT_JAR);
    if (configured.isEmpty()) {
      configured = Optional.ofNullable(System.getProperty(ConfigKeys.AGENT_JAR));
    }
    if (configured.isPresent()) {
      File f = new File(configured.get());
      if (!f.isFile()) {
        throw new ExtensionConfigurationException(
            "refshadow: "
                + ConfigKeys.AGENT_JAR
                + "="
                + configured.get()
                + " is not a file; point it at refshadow-agent.jar");
      }
      return f;
    }
    List<Path> candidates = new ArrayList<>();
    ClassLoader loader = AgentActivation.class.getClassLoader();
    URL url = loader == null ? null : loader.getResource(AGENT_CLASS_RESOURCE);
    if (url != null && url.getProtocol().equals("jar")) {
      String path = url.getPath(); // file:/.../refshadow-agent.jar!/io/refshadow/agent/...
      int bang = path.indexOf("!/");
      try {
        candidates.add(Path.of(new URL(path.substring(0, bang)).toURI()));
      } catch (java.net.MalformedURLException | URISyntaxException | RuntimeException e) {
        // not a local file: try the other places
      }
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName() + "";
      if (name.startsWith("refshadow-agent") && name.endsWith(".jar")) {
        candidates.add(Path.of(entry));
      }
    }
    Path here = Path.of(System.getProperty("user.dir"));
    candidates.add(here.resolve("agent/target/refshadow-agent.jar"));
    candidates.add(here.resolve("../agent/target/refshadow-agent.jar"));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize().toFile();
      }
    }
    throw new ExtensionConfigurationException(
        "refshadow: cannot find the agent jar to attach. Add io.refshadow:refshadow-agent to the"
            + " test class path (refshadow-junit depends on it), or name the jar with -D"
            + ConfigKeys.AGENT_JAR
            + "=/path/to/refshadow-agent.jar (or the JUnit configuration parameter of that name),"
            + " or start the test JVM with -javaagent:/path/to/refshadow-agent.jar");
  }

  /**
   * Fails when {@code loader} resolves a runtime class to a copy other than the bootstrap one.
   * Asking is harmless: a class not loaded yet is delegated to the bootstrap loader, which has it.
   */
  static void verifySingleRuntime(ClassLoader loader) {
    if (loader == null || VERIFIED.contains(loader)) {
      return;
    }
    for (String name : RUNTIME_CLASSES) {
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // not visible from this loader: it cannot be used from there either
      }
      if (c.getClassLoader() != null) {
        throw new ExtensionConfigurationException(twoCopiesMessage(c));
      }
    }
    VERIFIED.add(loader);
  }

  private static Class<?> bootstrapClass(String name) {
    try {
      return Class.forName(name, false, null);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  static String notActiveMessage() {
    return "refshadow is not active in this JVM and "
        + ConfigKeys.ATTACH
        + "=never forbids attaching it. "
        + javaagentAdvice(null);
  }

  static String attachFailedMessage(File jar, Throwable e) {
    int feature = Runtime.version().feature();
    StringBuilder b = new StringBuilder();
    b.append("refshadow: could not attach the agent ")
        .append(jar)
        .append(" to this JVM (")
        .append(e)
        .append("). ")
        .append(javaagentAdvice(jar))
        .append(" To let the extension attach it instead, run the tests on a JDK (not a JRE: the")
        .append(" jdk.attach module is needed)");
    if (feature >= 9) {
      b.append(", with -Djdk.attach.allowAttachSelf=true");
    }
    if (feature >= 21) {
      b.append(" and -XX:+EnableDynamicAgentLoading");
    }
    b.append('.');
    return b.toString();
  }

  private static String javaagentAdvice(File jar) {
    String path = jar == null ? "/path/to/refshadow-agent.jar" : jar.getPath();
    return "Start the test JVM with -javaagent:"
        + path
        + " (Maven Surefire: <argLine>-javaagent:${io.refshadow:refshadow-agent:jar}</argLine>"
        + " with the maven-dependency-plugin 'properties' goal; Gradle: jvmArgs"
        + " \"-javaagent:...\"; see the README, section \"Memory checks in JUnit tests\").";
  }

  private static String twoCopiesMessage(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    String where = source == null || source.getLocation() == null ? "?" : source.getLocation() + "";
    return "refshadow: "
        + c.getName()
        + " was loaded by "
        + c.getClassLoader()
        + " from "
        + where
        + " before the agent put refshadow-runtime on the bootstrap class path, so the tests see"
        + " a second copy of the runtime that the agent never installs: nothing would be"
        + " measured. "
        + javaagentAdvice(null)
        + " Or let the extension attach the agent when test discovery starts ("
        + ConfigKeys.ATTACH
        + "=auto, the default), and keep refshadow-runtime in scope 'provided'.";
  }
}
