package io.refshadow.twin;

import io.refshadow.Hooks;
import io.refshadow.heap.Frame;
import io.refshadow.heap.Profile;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * The test harness for Java twins of Python programs: it drives {@link Hooks} the way instrumented
 * bytecode does, so that a twin reads like the Java program it stands for with each hook call
 * beside the statement that causes it.
 *
 * <h2>How a twin is written</h2>
 *
 * <ul>
 *   <li>Every method starts with {@code Frame f = Hooks.enter(maxLocals)}, then {@code Hooks.arg}
 *       for {@code this} (slot 0) and each reference parameter, and ends with {@link #ret} (for
 *       {@code areturn}) or {@code Hooks.exit(f)}. A method that lets an exception out passes
 *       through {@code catch (RuntimeException e) { Hooks.unwind(f); throw e; }}, the catch-all
 *       handler the agent adds.
 *   <li>{@code new T(...)} is wrapped in {@link #alloc} (the agent's {@code Hooks.allocated} after
 *       the constructor returns), an {@code astore} in {@link #local}, a call that returns a
 *       reference in {@link #res} ({@code Hooks.result}), a lambda or method reference in {@link
 *       #fn} ({@code Hooks.lambda}); a call without a reference result is followed by {@code
 *       Hooks.called} (or wrapped in {@link #called(long, Frame, int)} inside an expression).
 *   <li>A field store is the real Java assignment inside the hook call: {@code Hooks.putField(a,
 *       a.ref = b, Node.REF, f)}; {@code Hooks.arrayStore} performs the array store itself.
 *   <li>Each statement ends with {@code Hooks.line(f)}, the line-number boundary the agent hooks.
 *   <li>Module globals are locals of the module frame (the outermost frame, see {@link Twin}), or
 *       static fields stored with {@code Hooks.putStatic} when a finalizer or callback needs them.
 * </ul>
 *
 * <p>Operand-stack positions (the {@code position} arguments) are written as javac lays out the
 * stack: a statement's first operand is at 0; in {@link #print} the stream is at 0 and the printed
 * value's operands start at 1; for {@code a.ref = new Node()} the owner is at 0 and the new node at
 * 1; for a call, the receiver (or first argument of a static call) is the position passed to {@code
 * called}/{@code result}.
 *
 * <p>Left out on purpose, because they cannot change the shadow: {@code Hooks.called} after a call
 * that consumed no temporary and returned no reference (most {@code Gc}/{@code Sys} calls: with no
 * temporary at or above its position and no result pending it releases nothing), and the hooks of
 * string concatenation and of the calls that only format printed values ({@link #py}): strings are
 * immortal atoms in the shadow heap. Lists of strings a program prints (Python's {@code events =
 * []}) are plain Java lists for the same reason. Callbacks kept in {@code static final} fields are
 * made when the twin class is initialized, before any heap exists; the shadow adopts them when it
 * first meets them.
 *
 * <p>A twin never keeps a reference in a Java local the shadow does not know about: every local
 * that holds an object is stored through {@link #local}, as javac's {@code astore} would be.
 */
public final class Py {
  private static final List<String> OUT = Collections.synchronizedList(new ArrayList<>());

  private Py() {}

  /**
   * Runs {@code twin} on a fresh shadow heap (profile cpython-3.12, thresholds 700/10/10, enabled)
   * and returns the lines it printed, including any printed while its module frame exits.
   */
  public static List<String> run(Twin twin) {
    ShadowHeap heap = new ShadowHeap(Profile.DEFAULT, null);
    return run(twin, heap);
  }

  /** Runs {@code twin} on {@code heap}, which is installed for the run and removed after it. */
  public static List<String> run(Twin twin, ShadowHeap heap) {
    synchronized (OUT) {
      OUT.clear();
    }
    ShadowHeap.install(heap);
    try {
      Frame f = Hooks.enter(Twin.MODULE_LOCALS);
      twin.module(f);
      Hooks.exit(f);
    } finally {
      ShadowHeap.install(null);
    }
    synchronized (OUT) {
      List<String> lines = new ArrayList<>(OUT);
      OUT.clear();
      return lines;
    }
  }

  /**
   * {@code System.out.println(line)}: a call to code refshadow does not watch, with the stream at
   * position 0; the temporaries its argument left (at positions 1 and up) are released when it
   * returns, as Python's {@code print(...)} releases its arguments.
   */
  public static void print(Frame f, String line) {
    OUT.add(line);
    Hooks.called(f, 0);
  }

  /** {@code new T(...)} has returned {@code obj}: {@code Hooks.allocated(obj, f, position)}. */
  public static <T> T alloc(T obj, Frame f, int position) {
    Hooks.allocated(obj, f, position);
    return obj;
  }

  /** A call has returned {@code value}: {@code Hooks.result(value, f, position)}. */
  public static <T> T res(T value, Frame f, int position) {
    Hooks.result(value, f, position);
    return value;
  }

  /**
   * A call returned the primitive {@code value}: {@code Hooks.called(f, position)} releases the
   * temporaries it consumed (those at {@code position} and above). Twins write it where a call
   * consumes temporaries; after a call that consumed none it would release nothing.
   */
  public static long called(long value, Frame f, int position) {
    Hooks.called(f, position);
    return value;
  }

  /** As {@link #called(long, Frame, int)}, for a boolean result. */
  public static boolean called(boolean value, Frame f, int position) {
    Hooks.called(f, position);
    return value;
  }

  /**
   * invokedynamic made the function object {@code fn} (a lambda or method reference): {@code
   * Hooks.lambda(fn, f, position)}.
   */
  public static <T> T fn(T fn, Frame f, int position) {
    Hooks.lambda(fn, f, position);
    return fn;
  }

  /** {@code astore slot}: {@code Hooks.storeLocal(value, f, slot)}. */
  public static <T> T local(T value, Frame f, int slot) {
    Hooks.storeLocal(value, f, slot);
    return value;
  }

  /** {@code areturn}: {@code Hooks.returnValue(value, f)}; the frame ends. */
  public static <T> T ret(T value, Frame f) {
    Hooks.returnValue(value, f);
    return value;
  }

  /** The id the agent gives field {@code name} declared by {@code owner}. */
  public static int fieldId(Class<?> owner, String name) {
    return Hooks.fieldId(owner.getName(), name);
  }

  /** Python's {@code str(bool)}. */
  public static String py(boolean b) {
    return b ? "True" : "False";
  }

  /** Python's {@code repr} of a list of strings: {@code ['a', 'b']}. */
  public static String pyList(List<String> items) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    synchronized (items) {
      for (String s : items) {
        j.add("'" + s + "'");
      }
    }
    return j.toString();
  }
}
