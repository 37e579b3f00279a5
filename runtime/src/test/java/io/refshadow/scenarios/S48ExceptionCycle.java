package io.refshadow.scenarios;

import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.unwind;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/**
 * s48_exception_cycle: in CPython, {@code err = e} in the catching frame makes a cycle exception ->
 * traceback -> frame -> err that keeps the raising frame's locals until gc.collect(). A Java
 * exception holds no frames: refshadow releases the raiser's local as the exception unwinds it, and
 * there is no cycle to collect. The documented difference is asserted by {@code
 * DocumentedDifferenceTest}.
 */
final class S48ExceptionCycle implements Twin {
  static final class ValueError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ValueError(String message) {
      super(message);
    }
  }

  static void raiser() {
    Frame f = enter(1);
    try {
      Fin x = local(alloc(new Fin(), f, 0), f, 0);
      line(f);
      putField(x, x.name = "raiser_local", Fin.NAME, f);
      line(f);
      throw alloc(new ValueError("boom"), f, 0);
    } catch (RuntimeException e) {
      unwind(f);
      throw e;
    }
  }

  static void keepsException() {
    Frame f = enter(2);
    RuntimeException err = local(null, f, 0);
    line(f);
    try {
      raiser();
      line(f);
    } catch (ValueError e) {
      local(e, f, 1);
      line(f);
      err = local(e, f, 0);
      line(f);
    }
    print(f, "in_function_after_except " + err.getMessage());
    line(f);
    exit(f);
  }

  static void dropsException() {
    Frame f = enter(2);
    RuntimeException err = local(null, f, 0);
    line(f);
    try {
      raiser();
      line(f);
    } catch (ValueError e) {
      local(e, f, 1);
      line(f);
      err = local(e, f, 0);
      line(f);
    }
    err = local(null, f, 0);
    line(f);
    print(f, "in_function_after_err_cleared");
    line(f);
    exit(f);
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    keepsException();
    line(f);
    print(f, "after_return");
    line(f);
    int r = Gc.collect();
    line(f);
    print(f, "collected_something " + py(r > 0));
    line(f);
    print(f, "---");
    line(f);
    dropsException();
    line(f);
    print(f, "after_return");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
