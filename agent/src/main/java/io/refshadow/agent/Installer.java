package io.refshadow.agent;

import io.refshadow.heap.Failures;
import io.refshadow.heap.HeapStats;
import io.refshadow.heap.InvariantCheck;
import io.refshadow.heap.Profile;
import io.refshadow.heap.PyApi;
import io.refshadow.heap.ShadowHeap;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Installs the shadow heap and the class transformer, and the exit summary. Loaded only after the
 * runtime is on the bootstrap class path.
 */
final class Installer {
  private Installer() {}

  static void install(AgentOptions options, Instrumentation inst, boolean attached) {
    Profile profile = Profile.byId(options.profile);
    ShadowHeap heap =
        new ShadowHeap(
            profile,
            obj -> {
              try {
                return inst.getObjectSize(obj);
              } catch (RuntimeException e) {
                return -1;
              }
            });
    Scope scope = new Scope(options.includes, options.excludes, options.collections);
    AgentStats stats = new AgentStats(options.verbose);
    warmUp(scope, stats);
    JfrOutput.install(options, heap, stats);
    heap.setMemoryBudget(
        options.shadowBudget(Runtime.getRuntime().maxMemory()), options.shadowBudgetOrigin());
    boolean mirrors = options.mirrorOneIn > 0; // mirror=none: instrumented, never mirrored
    if (mirrors) {
      heap.mirrorOneIn(options.mirrorOneIn);
      try {
        HeapGuard.install(heap);
      } catch (Throwable t) {
        // a JVM without the management API: the budget alone applies
      }
    }
    // Test-only switch: every mirrored hook fails inside refshadow (true), or the hooks of one
    // class's methods do (its binary name), to prove the host never sees it and that only that
    // class's instrumentation is switched off.
    String fault = System.getProperty("refshadow.test.fault", "false");
    if (fault.equals("true")) {
      heap.injectFault(true);
    } else if (!fault.equals("false") && !fault.isEmpty()) {
      heap.injectFaultInto(fault);
    }
    io.refshadow.heap.InstrumentedTypes.install(scope::instruments);
    if (mirrors) {
      ShadowHeap.install(heap);
    } else {
      // every hook finds no active heap and returns at its first test; the API says why
      ShadowHeap.installNone(
          "the agent runs with mirror=none, which only measures what the rewritten bytecode costs;"
              + " remove that option to use refshadow's API");
    }

    AgentBuilder.Listener errors =
        new AgentBuilder.Listener.Adapter() {
          @Override
          public void onTransformation(
              TypeDescription type,
              ClassLoader loader,
              JavaModule module,
              boolean loaded,
              DynamicType dynamicType) {
            stats.classesInstrumented.incrementAndGet();
            if (options.verbose) {
              System.err.println("refshadow: instrumented " + type.getName());
            }
          }

          @Override
          public void onIgnored(
              TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded) {
            if (options.verbose && loader == null && scope.instrumentsJdk(type.getInternalName())) {
              System.err.println("refshadow: ignored " + type.getName());
            }
          }

          @Override
          public void onError(
              String typeName,
              ClassLoader loader,
              JavaModule module,
              boolean loaded,
              Throwable throwable) {
            stats.classFailed(typeName, throwable);
          }
        };
    String[] quiet = quietByteBuddy();
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(
            options.verbose
                ? AgentBuilder.RedefinitionStrategy.Listener.StreamWriting.toSystemError()
                : AgentBuilder.RedefinitionStrategy.Listener.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(errors)
        .with((AgentBuilder.TransformerDecorator) t -> new Suppressing(t, heap))
        .ignore(ElementMatchers.none())
        .type(
            (type, loader, module, beingRedefined, pd) ->
                !type.isInterface()
                    && (loader == null
                        ? scope.instrumentsJdk(type.getInternalName())
                        : scope.instruments(type.getInternalName())))
        .transform(
            (builder, type, loader, module, pd) ->
                builder.visit(new Wrapper(scope, stats, options.nodeField)))
        .installOn(inst);
    for (String property : quiet) {
      System.clearProperty(property); // read once, by the classes' initializers above
    }

    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> writeSummary(options, heap, stats), "refshadow-summary"));
    // Test-only: count the allocations and frees of the named classes and check the shadow's
    // invariants at exit (forked-JVM stress tests; see InvariantCheck).
    String invariantsPrefix = System.getProperty("refshadow.test.invariants");
    if (invariantsPrefix != null) {
      InvariantCheck check = InvariantCheck.install(heap, invariantsPrefix);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      System.err.print(
                          PyApi.tryCall(
                              30_000,
                              check::report,
                              "refshadow invariants: not checked, the heap stayed busy\n")),
                  "refshadow-invariants"));
    }
    if (options.verbose) {
      System.err.println(
          "refshadow: active (profile "
              + profile.id()
              + (attached ? ", attached to a running JVM" : "")
              + ")");
    }
  }

  /**
   * Opens the packages of the instrumented JDK classes that write through VarHandles or Unsafe
   * (atomics, ConcurrentHashMap) to the runtime, which re-reads their fields after such a write,
   * and exports {@code jdk.internal.misc} to it for the node field's {@code Unsafe} ({@code
   * NodeField}: {@code sun.misc.Unsafe} would print a deprecation warning on the program's stderr
   * from JDK 24). Opened to refshadow's runtime only (the bootstrap loader's unnamed module), so
   * the program's own access rules are unchanged. Called as soon as the runtime is on the boot
   * class path, before its classes are initialized ({@code RefshadowAgent.preloadRuntime}).
   */
  static void openToRuntime(Instrumentation inst) {
    try {
      Module runtime = ShadowHeap.class.getModule();
      Module base = Object.class.getModule();
      java.util.Map<String, java.util.Set<Module>> opens = new java.util.HashMap<>();
      for (String pkg :
          new String[] {"java.util", "java.util.concurrent", "java.util.concurrent.atomic"}) {
        opens.put(pkg, java.util.Set.of(runtime));
      }
      inst.redefineModule(
          base,
          java.util.Set.of(),
          java.util.Map.of("jdk.internal.misc", java.util.Set.of(runtime)),
          opens,
          java.util.Set.of(),
          java.util.Map.of());
    } catch (RuntimeException e) {
      System.err.println(
          "refshadow: could not open java.base's collection packages to its runtime ("
              + e
              + "); writes through VarHandles in JDK collections are not mirrored, and nodes"
              + " are found through the identity table only");
    }
  }

  /**
   * Keeps refshadow's own (relocated) ByteBuddy from {@code sun.misc.Unsafe}: its class injectors,
   * which refshadow does not use (no initialization strategy, the runtime is on the boot class
   * path), probe Unsafe when the agent builder is made, and from JDK 24 that probe prints a
   * deprecation warning on the program's stderr (JEP 498). The relocated property names concern
   * only refshadow's copy of ByteBuddy, never one the program uses. Set only while the builder is
   * made and installed, then cleared, so the program's system properties stay as they were.
   *
   * @return the properties set, for the caller to clear
   */
  private static String[] quietByteBuddy() {
    String prefix = AgentBuilder.class.getPackageName().replace(".agent.builder", "");
    String[] properties = {prefix + ".safe", prefix + ".nexus.disabled"};
    java.util.List<String> set = new java.util.ArrayList<>();
    for (String property : properties) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, "true");
        set.add(property);
      }
    }
    return set.toArray(new String[0]);
  }

  /** Instruments one class before the transformer is live, so its code paths are loaded. */
  private static void warmUp(Scope scope, AgentStats stats) {
    try (var in = Installer.class.getResourceAsStream("WarmUp.class")) {
      if (in == null) {
        return;
      }
      ClassReader reader = new ClassReader(in.readAllBytes());
      ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
      reader.accept(
          new InstrumentingClassVisitor(writer, scope, new AgentStats(false), false, true),
          ClassReader.SKIP_FRAMES);
      writer.toByteArray();
    } catch (Throwable t) {
      stats.classFailed("(warm-up)", t);
    }
  }

  /**
   * Runs the transformer with the current thread marked as refshadow's own work: ByteBuddy and ASM
   * use JDK collections, which refshadow may have instrumented, and that use must not be mirrored.
   */
  static final class Suppressing extends ResettableClassFileTransformer.WithDelegation {
    private final ShadowHeap heap;

    /**
     * The transformation running on this thread is a retransformation of a class that cannot take a
     * node field (one defined without it): see {@link InstrumentingClassVisitor#mayAddNodeField}.
     */
    private static final ThreadLocal<Boolean> NO_NODE_FIELD = new ThreadLocal<>();

    static boolean mayAddNodeField() {
      return NO_NODE_FIELD.get() == null;
    }

    private static Boolean enter(Class<?> redefined) {
      Boolean outer = NO_NODE_FIELD.get();
      NO_NODE_FIELD.set(InstrumentingClassVisitor.mayAddNodeField(redefined) ? null : Boolean.TRUE);
      return outer;
    }

    Suppressing(ResettableClassFileTransformer delegate, ShadowHeap heap) {
      super(delegate);
      this.heap = heap;
    }

    @Override
    public byte[] transform(
        ClassLoader loader,
        String name,
        Class<?> redefined,
        java.security.ProtectionDomain pd,
        byte[] bytes)
        throws java.lang.instrument.IllegalClassFormatException {
      heap.suppressThread();
      Boolean outer = enter(redefined);
      try {
        return classFileTransformer.transform(loader, name, redefined, pd, bytes);
      } finally {
        NO_NODE_FIELD.set(outer);
        heap.resumeThread();
      }
    }

    @Override
    public byte[] transform(
        Module module,
        ClassLoader loader,
        String name,
        Class<?> redefined,
        java.security.ProtectionDomain pd,
        byte[] bytes)
        throws java.lang.instrument.IllegalClassFormatException {
      heap.suppressThread();
      Boolean outer = enter(redefined);
      try {
        return classFileTransformer.transform(module, loader, name, redefined, pd, bytes);
      } finally {
        NO_NODE_FIELD.set(outer);
        heap.resumeThread();
      }
    }
  }

  /** The visitor wrapper: frames recomputed (with ByteBuddy's type pool, never loading classes). */
  static final class Wrapper implements AsmVisitorWrapper {
    private final Scope scope;
    private final AgentStats stats;
    private final boolean nodeField;

    Wrapper(Scope scope, AgentStats stats, boolean nodeField) {
      this.scope = scope;
      this.stats = stats;
      this.nodeField = nodeField;
    }

    @Override
    public int mergeWriter(int flags) {
      return flags | ClassWriter.COMPUTE_FRAMES;
    }

    @Override
    public int mergeReader(int flags) {
      return flags | ClassReader.SKIP_FRAMES;
    }

    @Override
    public ClassVisitor wrap(
        TypeDescription instrumentedType,
        ClassVisitor classVisitor,
        Implementation.Context implementationContext,
        TypePool typePool,
        FieldList<FieldDescription.InDefinedShape> fields,
        MethodList<?> methods,
        int writerFlags,
        int readerFlags) {
      return new InstrumentingClassVisitor(
          classVisitor,
          scope,
          stats,
          scope.instrumentsJdk(instrumentedType.getInternalName()),
          nodeField && Suppressing.mayAddNodeField());
    }
  }

  static void writeSummary(AgentOptions options, ShadowHeap heap, AgentStats stats) {
    if (options.summary.equals("off")) {
      return;
    }
    // this thread's own use of instrumented JDK code (formatting, lambdas) is refshadow's work:
    // never mirrored, and never waiting for a heap lock that a stopped thread may hold
    heap.suppressThread();
    String text;
    try {
      if (options.mirrorOneIn == 0) {
        // the heap was never installed: nothing to lock, and its figures are all zero
        text =
            summaryOf(heap, stats, figures(heap))
                + "  mirroring off (option mirror=none): the classes were instrumented, no event"
                + " was mirrored\n";
      } else {
        text = summaryText(heap, stats);
      }
    } catch (Throwable t) {
      text = "refshadow: summary unavailable: " + t + "\n";
    }
    try {
      switch (options.summary) {
        case "stdout":
          System.out.print(text);
          System.out.flush();
          break;
        case "stderr":
          System.err.print(text);
          System.err.flush();
          break;
        default:
          Files.writeString(Path.of(options.summary), text);
      }
    } catch (Throwable t) {
      System.err.print(text);
      System.err.println("refshadow: could not write the summary to " + options.summary + ": " + t);
    }
  }

  static String summaryText(ShadowHeap heap, AgentStats stats) {
    // The figures are only read under the heap's lock; they are formatted after it is released.
    // Formatting (Formatter, Locale data) may load classes, which must never happen under the
    // lock: a thread loading a class holds its loader's lock while a hook of its own waits for the
    // heap (ClassLoader.addClass stores into an instrumented ArrayList), and the two threads would
    // wait for each other forever (found as a JVM that never exited after SIGTERM, the summary
    // thread transforming a class under the lock). Never wait long: a thread stopped inside a hook
    // must not keep the JVM from exiting; if the lock stays busy, the counters are read without
    // it (they are final figures at exit).
    java.util.function.Function<ShadowHeap, long[]> read = Installer::figures; // linked here
    long[] figures = PyApi.tryCall(2000, read, null);
    boolean unlocked = figures == null;
    if (unlocked) {
      figures = figures(heap);
    }
    return summaryOf(heap, stats, figures)
        + (unlocked ? "  (read without the shadow heap's lock, which stayed busy at exit)\n" : "");
  }

  /** The heap's figures for the summary, in the order {@link #summaryOf} reads them. */
  private static long[] figures(ShadowHeap heap) {
    HeapStats s = heap.stats();
    long[][] g = heap.cycleDetector().statsSnapshot();
    return new long[] {
      s.allocations,
      s.adopted,
      s.freedByRefcount,
      s.freedByCycles,
      s.pinned,
      Double.doubleToRawLongBits(s.precision()),
      g[0][0],
      g[1][0],
      g[2][0],
      s.unsampled,
      s.invariantViolations,
      s.reclaimedPinned
    };
  }

  private static String summaryOf(ShadowHeap heap, AgentStats stats, long[] f) {
    long allocated = f[0];
    long adopted = f[1];
    long seen = allocated + adopted;
    long freed = f[2] + f[3];
    StringBuilder b = new StringBuilder();
    b.append("refshadow summary (profile ")
        .append(heap.cycleDetector().profile().id())
        .append(")\n");
    line(b, "objects seen", seen, "(" + allocated + " allocated, " + adopted + " adopted)");
    line(b, "freed by refcount", f[2], "");
    line(b, "freed by cycle detector", f[3], "");
    line(b, "still alive", Math.max(0, seen - freed), "");
    // a pinned object's lifetime falls back to the JVM's: released once the JVM has reclaimed it
    line(
        b,
        "pinned (escaped)",
        f[4],
        f[11] > 0 ? "(" + f[11] + " released once the JVM reclaimed them)" : "");
    b.append(
        String.format(
            Locale.ROOT, "  %-24s %9.1f%%%n", "precision", 100.0 * Double.longBitsToDouble(f[5])));
    b.append(
        String.format(
            Locale.ROOT, "  %-24s gen0 %d, gen1 %d, gen2 %d%n", "collections", f[6], f[7], f[8]));
    b.append(
        String.format(
            Locale.ROOT,
            "  %-24s %d classes, %d methods; failed: %d classes, %d methods%n",
            "instrumented",
            stats.classesInstrumented.get(),
            stats.methodsInstrumented.get(),
            stats.classesFailed.get(),
            stats.methodsFailed.get()));
    line(b, "internal failures", Failures.total(), "");
    String[] off = io.refshadow.heap.ClassSwitches.switchedOffNames();
    if (off.length > 0) {
      String names =
          String.join(", ", java.util.Arrays.asList(off).subList(0, Math.min(5, off.length)));
      line(
          b,
          "classes switched off",
          off.length,
          "(" + names + (off.length > 5 ? ", ..." : "") + ")");
    }
    if (heap.isSampling()) {
      line(
          b,
          "not mirrored (sampled)",
          f[9],
          "(1 in "
              + heap.sampleEvery()
              + " new objects mirrored"
              + (heap.isSampledByOption() ? ", option mirror" : " from 80% of maxShadowMemory on")
              + ")");
    }
    if (heap.isStopped()) {
      b.append("  mirroring stopped ")
          .append(heap.stopReason())
          .append(": figures cover the run until then\n");
    }
    if (f[10] > 0) {
      line(b, "model inconsistencies", f[10], "(please report)");
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String label, long value, String note) {
    b.append(String.format(Locale.ROOT, "  %-24s %9d %s%n", label, value, note).stripTrailing())
        .append('\n');
  }
}
