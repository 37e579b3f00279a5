package io.refshadow.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scenarios whose CPython output refshadow cannot reproduce by design, each with the difference
 * DESIGN.md documents, written as an edit of CPython's own output. The expected output of such a
 * twin is CPython's checked-in output with exactly this edit applied, so a test still fails if the
 * twin prints anything else, or if the difference disappears.
 */
enum DocumentedDifference {
  /**
   * DESIGN.md, "Scope exits": CPython keeps the frames an exception passed through alive (through
   * the traceback) until the except block ends; a Java exception holds no frames, so refshadow
   * releases each frame's locals as the exception unwinds it. The locals' finalizers therefore run
   * before the except block's first statement instead of after its last.
   */
  JAVA_EXCEPTIONS_KEEP_NO_FRAMES_ALIVE(
      "s47_exception_frame",
      cpython -> {
        List<String> out = new ArrayList<>(cpython);
        moveBefore(out, List.of("del plain"), "in_except_plain");
        moveBefore(out, List.of("del as_e"), "in_except_as as_e");
        moveBefore(out, List.of("del deep", "del middle_local"), "in_except_deep");
        return out;
      }),

  /**
   * The same rule, seen through a saved exception: in CPython {@code err = e} makes the cycle
   * exception -> traceback -> frame -> err, so the raising frame's local lives until gc.collect(),
   * which then finds that cycle. In Java the exception holds no frame: the local dies as the
   * exception unwinds its frame, and there is no cycle for collect() to find.
   */
  SAVED_EXCEPTION_MAKES_NO_CYCLE(
      "s48_exception_cycle",
      cpython -> {
        List<String> out = new ArrayList<>(cpython);
        moveBefore(out, List.of("del raiser_local"), "in_function_after_except boom");
        replace(out, "collected_something True", "collected_something False");
        return out;
      });

  final String scenario;
  private final UnaryOperator<List<String>> edit;

  DocumentedDifference(String scenario, UnaryOperator<List<String>> edit) {
    this.scenario = scenario;
    this.edit = edit;
  }

  /** What refshadow documents it prints, given what CPython printed. */
  List<String> applyTo(List<String> cpython) {
    return edit.apply(cpython);
  }

  static final Map<String, DocumentedDifference> BY_SCENARIO = byScenario();

  private static Map<String, DocumentedDifference> byScenario() {
    Map<String, DocumentedDifference> m = new java.util.HashMap<>();
    for (DocumentedDifference d : values()) {
      m.put(d.scenario, d);
    }
    return Map.copyOf(m);
  }

  /** Moves the first occurrence of each of {@code lines} (in order) before {@code anchor}. */
  private static void moveBefore(List<String> out, List<String> lines, String anchor) {
    for (String l : lines) {
      if (!out.remove(l)) {
        throw new IllegalStateException("CPython's output has no line '" + l + "'");
      }
    }
    int at = out.indexOf(anchor);
    if (at < 0) {
      throw new IllegalStateException("CPython's output has no line '" + anchor + "'");
    }
    out.addAll(at, lines);
  }

  private static void replace(List<String> out, String line, String by) {
    int at = out.indexOf(line);
    if (at < 0) {
      throw new IllegalStateException("CPython's output has no line '" + line + "'");
    }
    out.set(at, by);
  }
}
