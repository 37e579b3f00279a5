package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.unwind;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;
import static io.refshadow.twin.Py.ret;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Fin;
import io.refshadow.twin.Twin;

/**
 * s47_exception_frame: locals of a function an exception leaves. CPython keeps the raising frames
 * alive (through the traceback) until the except block ends; refshadow releases each frame's locals
 * as the exception unwinds it (DESIGN.md, "Scope exits"). The twin is the Java program; its
 * documented difference from CPython is asserted by {@code DocumentedDifferenceTest}.
 */
final class S47ExceptionFrame implements Twin {
  static final class ValueError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ValueError(String message) {
      super(message);
    }
  }

  static final class KeyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyError(String message) {
      super(message);
    }
  }

  static Fin make(String name) {
    Frame f = enter(2);
    arg(name, f, 0);
    Fin n = local(alloc(new Fin(), f, 0), f, 1);
    line(f);
    putField(n, n.name = name, Fin.NAME, f);
    line(f);
    return ret(n, f);
  }

  static void raiser(String name) {
    Frame f = enter(2);
    try {
      arg(name, f, 0);
      Fin x = local(res(make(name), f, 0), f, 1);
      line(f);
      print(f, "raising " + name);
      line(f);
      throw alloc(new ValueError(name), f, 0);
    } catch (RuntimeException e) {
      unwind(f); // the agent's catch-all handler: the frame is released as the exception leaves
      throw e;
    }
  }

  static void catchPlain() {
    Frame f = enter(1);
    try {
      raiser("plain");
      line(f);
    } catch (ValueError e) {
      local(e, f, 0);
      line(f);
      print(f, "in_except_plain");
      line(f);
    }
    print(f, "after_except_plain");
    line(f);
    exit(f);
  }

  static void catchAs() {
    Frame f = enter(1);
    try {
      raiser("as_e");
      line(f);
    } catch (ValueError e) {
      local(e, f, 0);
      line(f);
      print(f, "in_except_as " + e.getMessage());
      line(f);
    }
    print(f, "after_except_as");
    line(f);
    exit(f);
  }

  static void catchOwn() {
    Frame f = enter(2);
    Fin y = local(res(make("own_local"), f, 0), f, 0);
    line(f);
    try {
      throw alloc(new KeyError("k"), f, 0);
    } catch (KeyError e) {
      local(e, f, 1);
      line(f);
      print(f, "in_except_own");
      line(f);
    }
    print(f, "after_except_own");
    line(f);
    exit(f);
  }

  static void catchDeep() {
    Frame f = enter(1);
    try {
      middle();
      line(f);
    } catch (ValueError e) {
      local(e, f, 0);
      line(f);
      print(f, "in_except_deep");
      line(f);
    }
    print(f, "after_except_deep");
    line(f);
    exit(f);
  }

  static void middle() {
    Frame f = enter(1);
    try {
      Fin z = local(res(make("middle_local"), f, 0), f, 0);
      line(f);
      raiser("deep");
      line(f);
      exit(f);
    } catch (RuntimeException e) {
      unwind(f);
      throw e;
    }
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    catchPlain();
    line(f);
    print(f, "---");
    line(f);
    catchAs();
    line(f);
    print(f, "---");
    line(f);
    catchOwn();
    line(f);
    print(f, "after_catch_own_returned");
    line(f);
    print(f, "---");
    line(f);
    catchDeep();
    line(f);
    print(f, "---");
    line(f);
    print(f, "collect " + Gc.collect());
    line(f);
  }
}
