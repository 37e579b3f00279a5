package twins;

import io.refshadow.Gc;
import java.util.List;

/** Twin of s59_freeze_counts_referrers.py: freeze zeroes counts; frozen objects are invisible. */
public class S59FreezeCountsReferrers {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static void show(String label) {
    int[] c = Gc.getCount();
    System.out.println(label + " " + c[0] + " " + c[1] + " " + c[2]);
  }

  static String names(List<Object> objs) {
    String s = "";
    for (Object o : objs) {
      if (o instanceof Node) {
        s = s + " " + ((Node) o).name;
      }
    }
    return s;
  }

  static Node spare, a, b, c, d;

  public static void main(String[] args) {
    spare = new Node();
    Gc.disable();
    Gc.collect();
    Gc.getCount();
    spare = null;
    a = new Node();
    a.name = "a";
    b = new Node();
    b.name = "b";
    b.ref = a;
    Gc.collect(1);
    Gc.collect(0);
    c = new Node();
    c.name = "c";
    show("before_freeze");
    Gc.freeze();
    show("after_freeze");
    d = new Node();
    d.name = "d";
    d.ref = a;
    System.out.println("referrers_a" + names(Gc.getReferrers(a)));
    System.out.println("gen0" + names(Gc.getObjects(0)) + " gen2" + names(Gc.getObjects(2)));
    Gc.unfreeze();
    System.out.println("referrers_a_unfrozen" + names(Gc.getReferrers(a)));
    System.out.println("gen0" + names(Gc.getObjects(0)) + " gen2" + names(Gc.getObjects(2)));
  }
}
