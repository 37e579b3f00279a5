package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Hooks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Random programs against an independent model. A program is a list of steps (allocations, local,
 * field, array and static stores, statement ends, calls and returns with arguments and results,
 * calls into uninstrumented code, exceptional exits, collections); the test runs each step through
 * {@link Hooks} on real objects, keeping its own account of every root reference the shadow model
 * defines (frame locals, temporaries with their operand-stack positions, statics, the value being
 * returned). After every step it checks, for every object the shadow still holds:
 *
 * <ul>
 *   <li>refcount = references from the fields and items of live objects + root references;
 *   <li>the shadow's edges are the object's real fields (or items);
 *   <li>everything reachable from the roots is alive (nothing freed too early), and nothing is
 *       alive with no reference at all (nothing freed too late by refcount);
 * </ul>
 *
 * and after every full collection (there are no finalizers) that the live objects are exactly those
 * a plain graph search reaches from the roots.
 */
class RefcountModelPropertyTest {
  static final int LOCALS = 4;
  static final int STATICS = 3;
  static final int MAX_DEPTH = 4;

  /** {@code class T: __slots__ = ('a', 'b')}. */
  static final class T {
    static final int A = Hooks.fieldId(T.class.getName(), "a");
    static final int B = Hooks.fieldId(T.class.getName(), "b");
    Object a;
    Object b;
  }

  /** Module globals (their values live in {@link Program#statics}; the ids name them). */
  static final int[] STATIC_IDS = new int[STATICS];

  static {
    for (int i = 0; i < STATICS; i++) {
      STATIC_IDS[i] = Hooks.fieldId(RefcountModelPropertyTest.class.getName(), "global" + i);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Steps. Their ints pick operands modulo what exists when the step runs.

  interface Step {}

  /** {@code new T()} or {@code new Object[length]}, left on the operand stack. */
  record New(boolean array, int length) implements Step {}

  record StoreLocal(int slot, int value) implements Step {}

  record StoreField(int owner, boolean second, int value) implements Step {}

  record StoreItem(int array, int index, int value) implements Step {}

  record StoreStatic(int which, int value) implements Step {}

  /** A statement ends: the frame's temporaries and an unclaimed result are released. */
  record Line() implements Step {}

  /** A call into an instrumented method with up to two reference arguments. */
  record Call(int argc, int arg0, int arg1) implements Step {}

  /**
   * The current method returns {@code value} (or nothing) and the caller takes the result as a
   * temporary at {@code position}, or discards it ({@code Hooks.called}).
   */
  record Return(boolean withValue, int value, boolean claim, int position) implements Step {}

  /**
   * A call into code the agent does not instrument (no frame of its own) whose receiver or first
   * argument sits at {@code position}: it consumes the temporaries from there up and returns one of
   * them, another value, or nothing.
   */
  record OpaqueCall(int position, boolean returnsArgument, int value, boolean returnsValue)
      implements Step {}

  /**
   * An exception leaves {@code levels} frames below the current one too: only the lowest of them
   * reports it ({@code Hooks.unwind}); the frames above it never report their exit.
   */
  record Unwind(int levels) implements Step {}

  record Collect(int generation) implements Step {}

  @Provide
  Arbitrary<List<Step>> programs() {
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(
                6,
                Combinators.combine(
                        Arbitraries.of(false, true), Arbitraries.integers().between(1, 3))
                    .as(New::new)),
            Tuple.of(
                6,
                Combinators.combine(Arbitraries.integers().between(0, LOCALS - 1), any)
                    .as(StoreLocal::new)),
            Tuple.of(
                6, Combinators.combine(any, Arbitraries.of(false, true), any).as(StoreField::new)),
            Tuple.of(4, Combinators.combine(any, any, any).as(StoreItem::new)),
            Tuple.of(2, Combinators.combine(any, any).as(StoreStatic::new)),
            Tuple.of(3, Arbitraries.just(new Line())),
            Tuple.of(
                2,
                Combinators.combine(Arbitraries.integers().between(0, 2), any, any).as(Call::new)),
            Tuple.of(
                2,
                Combinators.combine(
                        Arbitraries.of(false, true), any, Arbitraries.of(false, true), any)
                    .as(Return::new)),
            Tuple.of(
                2,
                Combinators.combine(
                        any, Arbitraries.of(false, true), any, Arbitraries.of(false, true))
                    .as(OpaqueCall::new)),
            Tuple.of(1, Arbitraries.integers().between(0, MAX_DEPTH).map(Unwind::new)),
            Tuple.of(1, Arbitraries.integers().between(0, 2).map(Collect::new)));
    return step.list().ofMinSize(1).ofMaxSize(120);
  }

  @Property(tries = 400)
  void refcountsAndLivenessFollowTheModel(
      @ForAll("programs") List<Step> program, @ForAll @IntRange(min = 0, max = 3) int threshold) {
    ShadowHeap heap = new ShadowHeap(Profile.DEFAULT, null);
    // automatic collections: none (threshold 0), very frequent (1, 3), or the default 700
    heap.cycleDetector().setThreshold(new int[] {0, 1, 3, 700}[threshold], 2, 2);
    ShadowHeap.install(heap);
    try {
      Program p = new Program(heap);
      for (Step s : program) {
        p.run(s);
        p.check(s);
      }
      p.collect(2);
      p.check(new Collect(2));
      assertThat(heap.stats().adopted)
          .as("objects the shadow met without their allocation")
          .isZero();
      assertThat(heap.stats().invariantViolations).isZero();
    } finally {
      ShadowHeap.install(null);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The interpreter and its model.

  /** One activation: the shadow frame and the test's own account of its roots. */
  static final class Activation {
    final Frame frame;
    final Object[] locals = new Object[LOCALS];
    final List<Object> temps = new ArrayList<>();
    final List<Integer> positions = new ArrayList<>();

    Activation(Frame frame) {
      this.frame = frame;
    }

    void push(Object o, int position) {
      temps.add(o);
      positions.add(position);
    }

    /** The shadow's takeTemp: the newest temporary holding {@code o} is consumed, if any. */
    boolean take(Object o) {
      for (int i = temps.size() - 1; i >= 0; i--) {
        if (temps.get(i) == o) {
          temps.remove(i);
          positions.remove(i);
          return true;
        }
      }
      return false;
    }

    void releaseFrom(int position) {
      for (int i = temps.size() - 1; i >= 0; i--) {
        if (positions.get(i) >= position) {
          temps.remove(i);
          positions.remove(i);
        }
      }
    }
  }

  static final class Program {
    final ShadowHeap heap;
    final Deque<Activation> stack = new ArrayDeque<>();
    final Object[] statics = new Object[STATICS];
    Object pending;
    boolean fullCollectionJustRan;

    /** Every object the program allocated, held here so that the JVM keeps them all. */
    final List<Object> all = new ArrayList<>();

    Program(ShadowHeap heap) {
      this.heap = heap;
      stack.push(new Activation(Hooks.enter(LOCALS)));
    }

    Activation top() {
      return stack.peek();
    }

    /** Values a step may use: null, the frame's temporaries, then everything reachable. */
    List<Object> candidates() {
      List<Object> out = new ArrayList<>();
      out.add(null);
      out.addAll(top().temps);
      out.addAll(reachable());
      return out;
    }

    Object pick(int choice) {
      List<Object> c = candidates();
      return c.get(choice % c.size());
    }

    <X> X pickOf(Class<X> type, int choice) {
      List<X> c = new ArrayList<>();
      for (Object o : reachable()) {
        if (type.isInstance(o)) {
          c.add(type.cast(o));
        }
      }
      return c.isEmpty() ? null : c.get(choice % c.size());
    }

    void run(Step s) {
      fullCollectionJustRan = false;
      Activation a = top();
      if (s instanceof New n) {
        Object o = n.array() ? new Object[n.length()] : new T();
        all.add(o);
        int position = a.temps.size();
        Hooks.allocated(o, a.frame, position);
        a.push(o, position);
      } else if (s instanceof StoreLocal st) {
        Object v = pick(st.value());
        Hooks.storeLocal(v, a.frame, st.slot());
        a.take(v);
        a.locals[st.slot()] = v;
      } else if (s instanceof StoreField st) {
        T owner = pickOf(T.class, st.owner());
        if (owner != null) {
          Object v = pick(st.value());
          if (st.second()) {
            owner.b = v;
            Hooks.putField(owner, v, T.B, a.frame);
          } else {
            owner.a = v;
            Hooks.putField(owner, v, T.A, a.frame);
          }
          a.take(v);
        }
      } else if (s instanceof StoreItem st) {
        Object[] array = pickOf(Object[].class, st.array());
        if (array != null) {
          Object v = pick(st.value());
          Hooks.arrayStore(array, st.index() % array.length, v, a.frame);
          a.take(v);
        }
      } else if (s instanceof StoreStatic st) {
        Object v = pick(st.value());
        int which = st.which() % STATICS;
        Hooks.putStatic(v, STATIC_IDS[which], a.frame);
        a.take(v);
        statics[which] = v;
      } else if (s instanceof Line) {
        Hooks.line(a.frame);
        a.releaseFrom(0);
        pending = null;
      } else if (s instanceof Call c) {
        if (stack.size() < MAX_DEPTH) {
          Object[] args = {pick(c.arg0()), pick(c.arg1())};
          Activation callee = new Activation(Hooks.enter(LOCALS));
          pending = null;
          for (int i = 0; i < c.argc(); i++) {
            Hooks.arg(args[i], callee.frame, i);
            a.take(args[i]); // CPython 3.12 moves an argument from the caller's stack
            callee.locals[i] = args[i];
          }
          stack.push(callee);
        }
      } else if (s instanceof Return r) {
        if (stack.size() > 1) {
          Object v = r.withValue() ? pick(r.value()) : null;
          stack.pop();
          Activation caller = top();
          if (r.withValue()) {
            Hooks.returnValue(v, a.frame);
            pending = v;
          } else {
            Hooks.exit(a.frame);
          }
          check(s); // the value in flight is a root of its own
          int position = r.position() % (caller.temps.size() + 1);
          if (r.claim() && r.withValue()) {
            Hooks.result(v, caller.frame, position);
            caller.releaseFrom(position);
            if (v != null) {
              caller.push(v, position);
            }
          } else {
            Hooks.called(caller.frame, position);
            caller.releaseFrom(position);
          }
          pending = null;
        }
      } else if (s instanceof OpaqueCall c) {
        int position = c.position() % (a.temps.size() + 1);
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < a.temps.size(); i++) {
          if (a.positions.get(i) >= position) {
            arguments.add(a.temps.get(i));
          }
        }
        if (c.returnsValue()) {
          Object v =
              c.returnsArgument() && !arguments.isEmpty()
                  ? arguments.get(c.value() % arguments.size())
                  : pick(c.value());
          Hooks.result(v, a.frame, position);
          a.releaseFrom(position);
          pending = null;
          if (v != null) {
            a.push(v, position);
          }
        } else {
          Hooks.called(a.frame, position);
          a.releaseFrom(position);
          pending = null;
        }
      } else if (s instanceof Unwind u) {
        int frames = Math.min(u.levels() + 1, stack.size() - 1); // the module frame stays
        if (frames > 0) {
          Activation lowest = null;
          for (int i = 0; i < frames; i++) {
            lowest = stack.pop();
          }
          Hooks.unwind(lowest.frame);
          // the handler in the frame now on top catches the exception: a new statement begins
          Hooks.line(top().frame);
          top().releaseFrom(0);
          pending = null;
        }
      } else if (s instanceof Collect c) {
        collect(c.generation());
      }
    }

    void collect(int generation) {
      heap.cycleDetector().collect(generation);
      fullCollectionJustRan = generation == 2;
    }

    /** Root references, counted per object (a local and a temporary holding x count 2). */
    Map<Object, Integer> rootCounts() {
      Map<Object, Integer> roots = new IdentityHashMap<>();
      for (Activation a : stack) {
        for (Object o : a.locals) {
          count(roots, o);
        }
        for (Object o : a.temps) {
          count(roots, o);
        }
      }
      for (Object o : statics) {
        count(roots, o);
      }
      count(roots, pending);
      return roots;
    }

    private static void count(Map<Object, Integer> m, Object o) {
      if (o != null) {
        m.merge(o, 1, Integer::sum);
      }
    }

    /** The real references an object holds, in the shadow's slot order. */
    static Object[] referents(Object o) {
      if (o instanceof T t) {
        return new Object[] {t.a, t.b};
      }
      return ((Object[]) o).clone();
    }

    /** A plain graph search over the real objects from the roots. */
    Set<Object> reachable() {
      Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<Object> todo = new ArrayDeque<>(rootCounts().keySet());
      while (!todo.isEmpty()) {
        Object o = todo.pop();
        if (seen.add(o)) {
          for (Object r : referents(o)) {
            if (r != null) {
              todo.push(r);
            }
          }
        }
      }
      return seen;
    }

    void check(Step after) {
      String where = "after " + after;
      Set<Object> live = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Object o : all) {
        if (heap.nodeOf(o) != null) {
          live.add(o);
        }
      }
      Map<Object, Integer> expected = rootCounts();
      for (Object o : live) {
        for (Object r : referents(o)) {
          count(expected, r);
        }
      }
      for (Object o : live) {
        assertThat(heap.nodeOf(o).refcount())
            .as("%s: refcount of %s", where, describe(o))
            .isEqualTo(expected.getOrDefault(o, 0))
            .isPositive();
        assertThat(describeAll(heap.edgesOf(o)))
            .as("%s: shadow edges of %s", where, describe(o))
            .isEqualTo(describeAll(referents(o)));
      }
      Set<Object> reachable = reachable();
      for (Object o : reachable) {
        assertThat(live.contains(o)).as("%s: reachable %s is alive", where, describe(o)).isTrue();
      }
      if (fullCollectionJustRan) {
        assertThat(live.size())
            .as("%s: live objects = reachable objects", where)
            .isEqualTo(reachable.size());
      }
      assertThat(heap.liveObjects()).as("%s: the shadow's live objects", where).hasSameSizeAs(live);
    }

    /** Objects by identity: T#3 is the fourth object allocated; arrays print as list#n. */
    String describe(Object o) {
      if (o == null) {
        return "None";
      }
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i) == o) {
          return (o instanceof T ? "T#" : "list#") + i;
        }
      }
      return "unknown " + o.getClass().getName();
    }

    List<String> describeAll(Object[] objects) {
      List<String> out = new ArrayList<>();
      for (Object o : objects) {
        out.add(describe(o));
      }
      return out;
    }
  }
}
