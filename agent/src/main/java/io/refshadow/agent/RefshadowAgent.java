package io.refshadow.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * The entry points: {@code premain} ({@code -javaagent:}), {@code agentmain} (attach to a running
 * JVM) and {@code main} (the command line). Each does little more than parse options and hand over
 * to {@link Installer}, after putting the runtime on the bootstrap class path, so that every class,
 * the JDK's included, can reach the shadow heap, and the runtime is loaded exactly once.
 */
public final class RefshadowAgent {
  private static volatile boolean started;

  private RefshadowAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }

  private static synchronized void start(String args, Instrumentation inst, boolean attached) {
    if (started) {
      System.err.println("refshadow: already active in this JVM; ignoring the second start");
      return;
    }
    AgentOptions options;
    try {
      options = AgentOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      throw e; // the JVM refuses to start with a bad -javaagent, as for any agent
    }
    try {
      JarFile runtime = new JarFile(extractRuntime());
      inst.appendToBootstrapClassLoaderSearch(runtime);
      Installer.openToRuntime(inst); // before NodeField's initializer binds the JDK's Unsafe
      preloadRuntime(runtime);
    } catch (IOException e) {
      throw new IllegalStateException(
          "refshadow: could not put its runtime on the bootstrap class path ("
              + e
              + "); check that java.io.tmpdir is writable",
          e);
    }
    started = true;
    Installer.install(options, inst, attached);
  }

  /**
   * Loads and initializes every runtime class now, before any JDK class is instrumented: loading a
   * class later, from inside a hook that instrumented JDK code calls, could recurse into the same
   * hook (class loading itself uses JDK collections).
   */
  private static void preloadRuntime(JarFile runtime) {
    // the JDK classes the heap's lock needs only when contended or timed, loaded now rather than
    // from inside a transformer, where loading them would be circular
    for (String jdk :
        new String[] {
          "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode",
          "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode",
          "java.util.concurrent.locks.AbstractQueuedSynchronizer$SharedNode",
          "java.util.concurrent.locks.LockSupport",
          "java.util.concurrent.TimeUnit"
        }) {
      try {
        Class.forName(jdk, true, null);
      } catch (Throwable t) {
        // another JDK version: not needed there
      }
    }
    // ClassValue's own classes (ClassValueMap, Entry...), which every hook needs at its first
    // ClassInfo.of: if they were first loaded from inside a hook that runs in another agent's
    // transformer (java-allocation-instrumenter's ASM uses ArrayList, which refshadow rewrites),
    // the load would recurse into itself and ClassValue would fail with a ClassCircularityError,
    // for the host too
    new ClassValue<Object>() {
      @Override
      protected Object computeValue(Class<?> type) {
        return type;
      }
    }.get(RefshadowAgent.class);
    var entries = runtime.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.endsWith(".class") && !name.contains("module-info")) {
        String cls = name.substring(0, name.length() - 6).replace('/', '.');
        try {
          Class.forName(cls, true, null);
        } catch (Throwable t) {
          System.err.println("refshadow: could not preload " + cls + ": " + t);
        }
      }
    }
  }

  /** Copies the embedded runtime jar to a temporary file (deleted at exit). */
  private static File extractRuntime() throws IOException {
    try (InputStream in =
        RefshadowAgent.class.getResourceAsStream("/META-INF/refshadow/refshadow-runtime.jar")) {
      if (in == null) {
        throw new IOException(
            "the agent jar has no META-INF/refshadow/refshadow-runtime.jar: use the jar that"
                + " `mvn package` builds at agent/target/refshadow-agent.jar");
      }
      Path tmp = Files.createTempFile("refshadow-runtime-", ".jar");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      File f = tmp.toFile();
      f.deleteOnExit();
      return f;
    }
  }
}
