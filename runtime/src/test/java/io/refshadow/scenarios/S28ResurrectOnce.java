package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.Hooks.putStatic;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.fieldId;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;

/**
 * s28_resurrect_once: a finalizer runs at most once; resurrection keeps its cycle (and a plain node
 * hanging off it) alive.
 */
final class S28ResurrectOnce implements Twin {
  /** The module global {@code saved}. */
  static Fin28 saved;

  static final int SAVED = fieldId(S28ResurrectOnce.class, "saved");

  /** {@code __del__}: prints, and object "a" stores itself in {@code saved}. */
  static final class Fin28 extends Node {
    @Del
    void del() {
      Frame f = enter(1);
      arg(this, f, 0);
      print(f, "del " + name);
      line(f);
      if (name.equals("a")) {
        putStatic(saved = this, SAVED, f);
        line(f);
      }
      exit(f);
    }
  }

  static final int A = 1, B = 2, C = 3, D = 4, P = 5;

  @Override
  public void module(Frame f) {
    putStatic(saved = null, SAVED, f);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    Fin28 a = local(alloc(new Fin28(), f, 0), f, A);
    line(f);
    putField(a, a.name = "a", Node.NAME, f);
    line(f);
    Fin28 b = local(alloc(new Fin28(), f, 0), f, B);
    line(f);
    putField(b, b.name = "b", Node.NAME, f);
    line(f);
    putField(a, a.ref = b, Node.REF, f);
    line(f);
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    Node p = local(alloc(new Node(), f, 0), f, P);
    line(f);
    putField(a, a.ref2 = p, Node.REF2, f);
    line(f);
    p = local(null, f, P);
    line(f);
    Fin28 c = local(alloc(new Fin28(), f, 0), f, C);
    line(f);
    putField(c, c.name = "c", Node.NAME, f);
    line(f);
    Fin28 d = local(alloc(new Fin28(), f, 0), f, D);
    line(f);
    putField(d, d.name = "d", Node.NAME, f);
    line(f);
    putField(c, c.ref = d, Node.REF, f);
    line(f);
    putField(d, d.ref = c, Node.REF, f);
    line(f);
    print(f, "finalized_before " + py(Gc.isFinalized(a)) + " " + py(Gc.isFinalized(b)));
    line(f);
    a = local(null, f, A);
    line(f);
    b = local(null, f, B);
    line(f);
    c = local(null, f, C);
    line(f);
    d = local(null, f, D);
    line(f);
    print(f, "collect_first " + Gc.collect());
    line(f);
    print(f, "saved " + saved.name + " " + ((Node) saved.ref).name);
    line(f);
    print(f, "finalized_after " + py(Gc.isFinalized(saved)) + " " + py(Gc.isFinalized(saved.ref)));
    line(f);
    print(f, "plain_node_finalized " + py(Gc.isFinalized(saved.ref2)));
    line(f);
    print(f, "collect_while_saved " + Gc.collect());
    line(f);
    putStatic(saved = null, SAVED, f);
    line(f);
    print(f, "collect_second " + Gc.collect());
    line(f);
    print(f, "collect_third " + Gc.collect());
    line(f);
  }
}
