package io.refshadow.bench;

import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each hook, called the way the agent's rewritten bytecode calls it (see {@code
 * MethodInstrumenter}): the benchmark method plays an instrumented method whose shadow frame was
 * entered at set-up and holds three objects and a list in its locals.
 *
 * <p>{@code heap=shadow}: a {@link ShadowHeap} is installed, the hooks do their work. {@code
 * heap=none}: no heap, so every hook returns at its first check: the cost of the calls the
 * instrumented bytecode makes when refshadow is idle, the nearest in-process stand-in for plain
 * code. Run with {@code -prof gc} for bytes allocated per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HookBenchmarks {
  @Param({"shadow", "none"})
  public String heap;

  private Frame frame;
  private Link owner;
  private Link a;
  private Link b;
  private Object[] list;
  private int counter;

  @Setup(Level.Trial)
  public void setUp() {
    ShadowHeap.install("shadow".equals(heap) ? new ShadowHeap(Profile.DEFAULT, null) : null);
    frame = Hooks.enter(8);
    owner = ShadowGraphs.newLink(frame, 1);
    a = ShadowGraphs.newLink(frame, 2);
    b = ShadowGraphs.newLink(frame, 3);
    list = ShadowGraphs.newList(frame, 4, 16);
    Hooks.line(frame);
    // As in any program that has run through a few young collections: the heap's own state (its
    // lock, the thread's frame pool, the nodes) is in the old generation, where G1's write barrier
    // costs most (a reference stored into an old object fences and dirties a card).
    System.gc();
    System.gc();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Hooks.exit(frame);
    ShadowHeap.install(null);
  }

  /** One of two objects in turn, so that every store replaces a different referent. */
  private Object next() {
    return (counter++ & 1) == 0 ? a : b;
  }

  /** A call of a method that holds no references ({@code static int f(int, int)}). */
  @Benchmark
  public Frame frameEnterExit() {
    Frame f = Hooks.enter(2);
    Hooks.line(f);
    Hooks.exit(f);
    return f;
  }

  /**
   * The same call as instrumented code makes it now: entry and both reference locals in one hook
   * ({@code Hooks.enterArgs}), and no {@code line} where no temporary can be live.
   */
  @Benchmark
  public Frame frameWithArgsBatched() {
    Frame f = Hooks.enterArgs(2, owner, 0, a, 1);
    Hooks.exit(f);
    return f;
  }

  /**
   * A call of an instance method with one reference parameter ({@code void set(Object v)}), as the
   * agent instrumented it before entry arguments were batched: one hook per event.
   */
  @Benchmark
  public Frame frameWithArgs() {
    Frame f = Hooks.enter(2);
    Hooks.arg(owner, f, 0);
    Hooks.arg(a, f, 1);
    Hooks.line(f);
    Hooks.exit(f);
    return f;
  }

  /**
   * {@code new Link();} as a statement: the constructor's frame, {@code allocated}, and the end of
   * the statement, which frees the object by refcount.
   */
  @Benchmark
  public Link allocation() {
    Link l = new Link();
    Hooks.allocated(l, frame, 0);
    Hooks.line(frame);
    return l;
  }

  /** {@code new Object[8];} as a statement: an array has no constructor frame. */
  @Benchmark
  public Object[] arrayAllocation() {
    Object[] l = new Object[8];
    Hooks.allocated(l, frame, 0);
    Hooks.line(frame);
    return l;
  }

  /** {@code owner.next = v} (putfield): incref the new referent, decref the old one. */
  @Benchmark
  public void fieldStore() {
    Object v = next();
    Hooks.putField(owner, v, Link.NEXT, frame);
    owner.next = v;
  }

  /** {@code list[i] = v} (aastore, performed by the hook). */
  @Benchmark
  public void arrayStore() {
    Object v = next();
    Hooks.arrayStore(list, counter & 15, v, frame);
  }

  /** {@code local = v} (astore). */
  @Benchmark
  public void localStore() {
    Hooks.storeLocal(next(), frame, 5);
  }

  /** A call's reference result becomes a temporary; the statement's end releases it. */
  @Benchmark
  public void callResult() {
    Hooks.result(next(), frame, 0);
    Hooks.line(frame);
  }

  /** A statement boundary with no temporaries (the most frequent hook after enter/exit). */
  @Benchmark
  public void statementBoundary() {
    Hooks.line(frame);
  }
}
