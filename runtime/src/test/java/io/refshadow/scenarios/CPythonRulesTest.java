package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.called;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.putStatic;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.fieldId;
import static io.refshadow.twin.Py.fn;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.Sys;
import io.refshadow.Weakref;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Node;
import io.refshadow.twin.Py;
import io.refshadow.twin.Twin;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Twins of small CPython programs, written beside the runtime fixes they guard (rules of {@code
 * Objects/typeobject.c:subtype_dealloc} and {@code Objects/weakrefobject.c} that the reference
 * scenarios do not reach). Each program is quoted in its twin's comment; the expected lines are
 * what CPython 3.12.1 printed for it.
 */
class CPythonRulesTest {
  /** The module global {@code saved}. */
  static Object saved;

  static final int SAVED = fieldId(CPythonRulesTest.class, "saved");

  /** {@code def __del__(self): global saved; print("del", self.name); saved = self}. */
  static final class Resurrecting extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name);
      line(f);
      putStatic(saved = this, SAVED, f);
      line(f);
      exit(f);
    }
  }

  /** {@code " ".join(o.name for o in gc.get_objects(gen) if isinstance(o, Resurrecting))}. */
  static String names(int gen) {
    Frame f = enter(4);
    String s = local("", f, 0);
    line(f);
    List<Object> objs = local(res(Gc.getObjects(gen), f, 0), f, 1);
    line(f);
    for (int i = 0; i < objs.size(); i++) {
      Object o = local(res(objs.get(i), f, 0), f, 2);
      line(f);
      if (o instanceof Resurrecting) {
        s = local(s + " " + ((Node) o).name, f, 0);
        line(f);
      }
    }
    return Py.ret(s, f);
  }

  /**
   * subtype_dealloc untracks the object and re-tracks it into generation 0 for its finalizer
   * ({@code _PyObject_GC_TRACK}), so an object its {@code __del__} resurrects is in gen0:
   *
   * <pre>
   * gc.disable(); gc.collect()
   * x = Fin(); x.name = "x"
   * gc.collect()                      # x -> gen2
   * print("gen2", names(2))
   * x = None                          # __del__ stores self in `saved`
   * print("gen0", names(0), "gen2", names(2))
   * </pre>
   */
  @Test
  void objectResurrectedByRefcountFinalizerIsInGeneration0() {
    Twin twin =
        f -> {
          putStatic(saved = null, SAVED, f);
          line(f);
          Gc.disable();
          line(f);
          Gc.collect();
          line(f);
          Resurrecting x = local(alloc(new Resurrecting(), f, 0), f, 1);
          line(f);
          putField(x, x.name = "x", Node.NAME, f);
          line(f);
          Gc.collect();
          line(f);
          print(f, "gen2" + res(names(2), f, 1));
          line(f);
          x = local(null, f, 1);
          line(f);
          print(f, "gen0" + res(names(0), f, 1) + " gen2" + res(names(2), f, 2));
          line(f);
          putStatic(saved = null, SAVED, f);
          line(f);
        };
    assertThat(Py.run(twin)).containsExactly("gen2 x", "del x", "gen0 x gen2");
  }

  /** {@code def cb(r): print("cb collect", gc.collect())}. */
  static void collectingCallback(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "cb collect " + Gc.collect());
    line(f);
    exit(f);
  }

  /**
   * subtype_dealloc clears weak references with the object untracked ("weakref callbacks ... may
   * trigger GC, and if self is tracked at that point, it will look like trash to GC and GC will try
   * to delete self again"):
   *
   * <pre>
   * gc.disable(); gc.collect()
   * y = Node(); y.name = "y"
   * w = weakref.ref(y, cb)
   * y = None
   * print("after y")
   * </pre>
   */
  @Test
  void collectionInWeakrefCallbackOfRefcountFreeDoesNotSeeTheDyingObject() {
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Gc.collect();
          line(f);
          Node y = local(alloc(new Node(), f, 0), f, 1);
          line(f);
          putField(y, y.name = "y", Node.NAME, f);
          line(f);
          Weakref<Node> w =
              local(
                  res(Weakref.ref(y, fn(CPythonRulesTest::collectingCallback, f, 1)), f, 0), f, 2);
          line(f);
          y = local(null, f, 1);
          line(f);
          print(f, "after y");
          line(f);
        };
    assertThat(Py.run(twin)).containsExactly("cb collect 0", "after y");
  }

  static void noop(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    exit(f);
  }

  /**
   * weakref_dealloc calls clear_weakref: a weak reference object that dies leaves its referent's
   * list, and a new {@code weakref.ref(z)} is a new, working reference.
   *
   * <pre>
   * z = Node()
   * w1 = weakref.ref(z, cb)
   * w2 = weakref.ref(z)
   * print("wcount", weakref.getweakrefcount(z))
   * w1 = None
   * print("wcount_after_w1_dropped", weakref.getweakrefcount(z))
   * w2 = None
   * print("wcount_after_w2_dropped", weakref.getweakrefcount(z))
   * w3 = weakref.ref(z)
   * print("new_plain_alive", w3() is z, weakref.getweakrefcount(z))
   * </pre>
   */
  @Test
  void droppedWeakrefLeavesItsReferentsList() {
    Twin twin =
        f -> {
          Node z = local(alloc(new Node(), f, 0), f, 1);
          line(f);
          Weakref<Node> w1 =
              local(res(Weakref.ref(z, fn(CPythonRulesTest::noop, f, 1)), f, 0), f, 2);
          line(f);
          Weakref<Node> w2 = local(res(Weakref.ref(z), f, 0), f, 3);
          line(f);
          print(f, "wcount " + Weakref.getWeakrefCount(z));
          line(f);
          w1 = local(null, f, 2);
          line(f);
          print(f, "wcount_after_w1_dropped " + Weakref.getWeakrefCount(z));
          line(f);
          w2 = local(null, f, 3);
          line(f);
          print(f, "wcount_after_w2_dropped " + Weakref.getWeakrefCount(z));
          line(f);
          Weakref<Node> w3 = local(res(Weakref.ref(z), f, 0), f, 4);
          line(f);
          print(
              f,
              "new_plain_alive "
                  + py(res(w3.get(), f, 1) == z)
                  + " "
                  + Weakref.getWeakrefCount(z)
                  + " refcount_w3 "
                  + Sys.getRefcount(w3));
          line(f);
        };
    assertThat(Py.run(twin))
        .containsExactly(
            "wcount 2",
            "wcount_after_w1_dropped 1",
            "wcount_after_w2_dropped 0",
            "new_plain_alive True 1 refcount_w3 2");
  }

  /** Counts gc callback calls ({@code events.append(phase)}). */
  static int gcEvents;

  static void countingGcCallback(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    gcEvents++;
    exit(f);
  }

  static final GcCallback COUNTING = CPythonRulesTest::countingGcCallback;

  static void printingCallback(Weakref<Node> r) {
    Frame f = enter(1);
    arg(r, f, 0);
    print(f, "weakref_callback");
    line(f);
    exit(f);
  }

  /**
   * A collection that {@code weakref.ref(...)} triggers runs user code (here a gc callback) before
   * the caller has received the new weak reference; the reference must survive it:
   *
   * <pre>
   * gc.disable(); gc.set_threshold(1)
   * gc.callbacks.append(gccb)          # events.append(phase)
   * gc.collect()
   * x = Node()
   * gc.enable()
   * w = weakref.ref(x, wcb)            # count 2 > 1: an automatic collection runs gccb
   * gc.disable()
   * print("automatic_collection_ran", len(events) > 2)
   * print("refcount_w", sys.getrefcount(w))
   * x = None                           # wcb prints "weakref_callback"
   * print("end")
   * </pre>
   */
  @Test
  void newWeakrefSurvivesUserCodeOfTheCollectionItsAllocationTriggers() {
    gcEvents = 0;
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Gc.setThreshold(1);
          line(f);
          res(Gc.callbacks(), f, 0).add(COUNTING);
          called(f, 0);
          line(f);
          Gc.collect();
          line(f);
          Node x = local(alloc(new Node(), f, 0), f, 1);
          line(f);
          Gc.enable();
          line(f);
          Weakref<Node> w =
              local(res(Weakref.ref(x, fn(CPythonRulesTest::printingCallback, f, 1)), f, 0), f, 2);
          line(f);
          Gc.disable();
          line(f);
          print(f, "automatic_collection_ran " + py(gcEvents > 2));
          line(f);
          print(f, "refcount_w " + Sys.getRefcount(w));
          line(f);
          x = local(null, f, 1);
          line(f);
          print(f, "end");
          line(f);
          res(Gc.callbacks(), f, 0).remove(COUNTING);
          called(f, 0);
          line(f);
        };
    assertThat(Py.run(twin))
        .containsExactly(
            "automatic_collection_ran True", "refcount_w 2", "weakref_callback", "end");
  }

  static void show(String label) {
    Frame f = enter(2);
    arg(label, f, 0);
    int[] c = local(res(Gc.getCount(), f, 0), f, 1);
    line(f);
    print(f, label + " " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    exit(f);
  }

  static void noGc(String phase, GcInfo info) {
    Frame f = enter(2);
    arg(phase, f, 0);
    arg(info, f, 1);
    exit(f);
  }

  static final GcCallback NO_GC = CPythonRulesTest::noGc;

  /**
   * Objects the shadow first meets after their allocation (here the lists behind {@code
   * gc.callbacks} and {@code gc.garbage}) were not counted as allocations, so freeing them must not
   * lower generation 0's count either; in CPython these lists allocate nothing:
   *
   * <pre>
   * gc.disable(); gc.collect()
   * a = Node(); b = Node()
   * show("two_nodes")
   * gc.callbacks.append(cb)
   * gc.callbacks.remove(cb)
   * show("after_callbacks_list")
   * g = gc.garbage
   * g = None
   * show("after_garbage_list")
   * </pre>
   */
  @Test
  void objectsFirstSeenAfterTheirAllocationDoNotLowerTheGen0Count() {
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Gc.collect();
          line(f);
          Node a = local(alloc(new Node(), f, 0), f, 1);
          line(f);
          Node b = local(alloc(new Node(), f, 0), f, 2);
          line(f);
          show("two_nodes");
          line(f);
          res(Gc.callbacks(), f, 0).add(NO_GC);
          called(f, 0);
          line(f);
          res(Gc.callbacks(), f, 0).remove(NO_GC);
          called(f, 0);
          line(f);
          show("after_callbacks_list");
          line(f);
          List<Object> g = local(res(Gc.garbage(), f, 0), f, 3);
          line(f);
          g = local(null, f, 3);
          line(f);
          show("after_garbage_list");
          line(f);
        };
    assertThat(Py.run(twin))
        .containsExactly(
            "two_nodes 2 0 0", "after_callbacks_list 2 0 0", "after_garbage_list 2 0 0");
  }

  static Fin makeFin(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return Py.ret(n, f);
  }

  /**
   * A call into code the agent does not instrument that returns its own argument ({@code
   * Class.cast} here; a builtin such as {@code max} in CPython) hands back a new reference before
   * the call's arguments are released (ceval's CALL: the result first, then the argument decrefs),
   * so the argument survives:
   *
   * <pre>
   * x = max([make("kept")])
   * print("after_call", x.name)
   * x = None
   * print("end")
   * </pre>
   */
  @Test
  void uninstrumentedCallReturningItsArgumentKeepsItAlive() {
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Fin x = local(res(Fin.class.cast(res(makeFin("kept"), f, 1)), f, 0), f, 1);
          line(f);
          print(f, "after_call " + x.name);
          line(f);
          x = local(null, f, 1);
          line(f);
          print(f, "end");
          line(f);
        };
    assertThat(Py.run(twin)).containsExactly("after_call kept", "del kept", "end");
  }

  /** {@code Fin} with {@code def describe(self): return "I am " + self.name}. */
  static class Describable extends Fin {
    String describe() {
      Frame f = enter(1);
      arg(this, f, 0);
      return Py.ret("I am " + name, f);
    }
  }

  static Describable makeDescribable(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Describable n = local(alloc(new Describable(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return Py.ret(n, f);
  }

  /**
   * A method reference bound to a temporary holds its receiver, as a bound method does; the
   * temporary is released only after the function object has taken its reference:
   *
   * <pre>
   * s = make("bound").describe
   * print("after_bind", s())
   * s = None
   * print("end")
   * </pre>
   */
  @Test
  void methodReferenceBoundToATemporaryKeepsItsReceiver() {
    Twin twin =
        f -> {
          Gc.disable();
          line(f);
          Supplier<String> s = local(fn(res(makeDescribable("bound"), f, 0)::describe, f, 0), f, 1);
          line(f);
          print(f, "after_bind " + res(s.get(), f, 1));
          line(f);
          s = local(null, f, 1);
          line(f);
          print(f, "end");
          line(f);
        };
    assertThat(Py.run(twin)).containsExactly("after_bind I am bound", "del bound", "end");
  }
}
