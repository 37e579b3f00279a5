package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.res;
import static io.refshadow.twin.Py.ret;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Node;
import io.refshadow.twin.Twin;
import java.util.List;

/**
 * s39_referrers_referents: get_referents in slot order; get_referrers youngest generation first.
 */
final class S39ReferrersReferents implements Twin {
  /**
   * {@code def names(objs): s = ""; for o in objs: if isinstance(o, Node): s = s + " " + o.name}.
   */
  static String names(List<Object> objs) {
    Frame f = enter(4);
    arg(objs, f, 0);
    String s = local("", f, 1);
    line(f);
    for (int i = 0; i < objs.size(); i++) {
      Object o = local(res(objs.get(i), f, 0), f, 2);
      line(f);
      if (o instanceof Node) {
        s = local(s + " " + ((Node) o).name, f, 1);
        line(f);
      }
    }
    return ret(s, f);
  }

  static final int A = 1, B = 2, C = 3, D = 4, E = 5;

  static Node node(Frame f, int slot, String name) {
    Node n = local(alloc(new Node(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    // a = Node(); a.name = "a" (node() is these two statements, inlined), and so on
    Node a = node(f, A, "a");
    Node b = node(f, B, "b");
    Node c = node(f, C, "c");
    putField(a, a.ref = c, Node.REF, f);
    line(f);
    putField(b, b.ref2 = c, Node.REF2, f);
    line(f);
    putField(c, c.ref = a, Node.REF, f);
    line(f);
    putField(c, c.ref2 = b, Node.REF2, f);
    line(f);
    print(f, "referrers_c" + res(names(res(Gc.getReferrers(c), f, 1)), f, 1));
    line(f);
    print(f, "referents_a" + res(names(res(Gc.getReferents(a), f, 1)), f, 1));
    line(f);
    print(f, "referents_c" + res(names(res(Gc.getReferents(c), f, 1)), f, 1));
    line(f);
    print(f, "referents_a_b" + res(names(res(Gc.getReferents(a, b), f, 1)), f, 1));
    line(f);
    print(f, "referrers_a_b" + res(names(res(Gc.getReferrers(a, b), f, 1)), f, 1));
    line(f);
    Gc.collect(0);
    line(f);
    Node d = node(f, D, "d");
    putField(d, d.ref = c, Node.REF, f);
    line(f);
    print(f, "referrers_c_after_promotion" + res(names(res(Gc.getReferrers(c), f, 1)), f, 1));
    line(f);
    Gc.collect(1);
    line(f);
    Node e = node(f, E, "e");
    putField(e, e.ref2 = c, Node.REF2, f);
    line(f);
    print(f, "referrers_c_mixed" + res(names(res(Gc.getReferrers(c), f, 1)), f, 1));
    line(f);
    putField(a, a.ref = null, Node.REF, f);
    line(f);
    print(f, "referrers_c_unlinked" + res(names(res(Gc.getReferrers(c), f, 1)), f, 1));
    line(f);
  }
}
