package io.refshadow.scenarios;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
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

/** s59_freeze_counts_referrers: freeze() zeroes all counts and hides objects from gc queries. */
final class S59FreezeCountsReferrers implements Twin {
  static void show(String label) {
    Frame f = enter(2);
    arg(label, f, 0);
    int[] c = local(res(Gc.getCount(), f, 0), f, 1);
    line(f);
    print(f, label + " " + c[0] + " " + c[1] + " " + c[2]);
    line(f);
    exit(f);
  }

  static String names(List<Object> objs) {
    Frame f = enter(3);
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

  static Node node(Frame f, int slot, String name) {
    Node n = local(alloc(new Node(), f, 0), f, slot);
    line(f);
    putField(n, n.name = name, Node.NAME, f);
    line(f);
    return n;
  }

  static final int SPARE = 1, A = 2, B = 3, C = 4, D = 5;

  @Override
  public void module(Frame f) {
    Node spare = local(alloc(new Node(), f, 0), f, SPARE);
    line(f);
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    res(Gc.getCount(), f, 0);
    line(f);
    spare = local(null, f, SPARE);
    line(f);
    Node a = node(f, A, "a");
    Node b = node(f, B, "b");
    putField(b, b.ref = a, Node.REF, f);
    line(f);
    Gc.collect(1);
    line(f);
    Gc.collect(0);
    line(f);
    Node c = node(f, C, "c");
    show("before_freeze");
    line(f);
    Gc.freeze();
    line(f);
    show("after_freeze");
    line(f);
    Node d = node(f, D, "d");
    putField(d, d.ref = a, Node.REF, f);
    line(f);
    print(f, "referrers_a" + res(names(res(Gc.getReferrers(a), f, 1)), f, 1));
    line(f);
    print(
        f,
        "gen0"
            + res(names(res(Gc.getObjects(0), f, 1)), f, 1)
            + " gen2"
            + res(names(res(Gc.getObjects(2), f, 2)), f, 2));
    line(f);
    Gc.unfreeze();
    line(f);
    print(f, "referrers_a_unfrozen" + res(names(res(Gc.getReferrers(a), f, 1)), f, 1));
    line(f);
    print(
        f,
        "gen0"
            + res(names(res(Gc.getObjects(0), f, 1)), f, 1)
            + " gen2"
            + res(names(res(Gc.getObjects(2), f, 2)), f, 2));
    line(f);
  }
}
