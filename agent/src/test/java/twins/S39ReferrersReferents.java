package twins;

import io.refshadow.Gc;
import java.util.List;

/** Twin of s39_referrers_referents.py: get_referents in slot order, get_referrers by generation. */
public class S39ReferrersReferents {
  static class Node {
    String name;
    Node ref;
    Node ref2;
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

  static Node a, b, c, d, e;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Node();
    a.name = "a";
    b = new Node();
    b.name = "b";
    c = new Node();
    c.name = "c";
    a.ref = c;
    b.ref2 = c;
    c.ref = a;
    c.ref2 = b;
    System.out.println("referrers_c" + names(Gc.getReferrers(c)));
    System.out.println("referents_a" + names(Gc.getReferents(a)));
    System.out.println("referents_c" + names(Gc.getReferents(c)));
    System.out.println("referents_a_b" + names(Gc.getReferents(a, b)));
    System.out.println("referrers_a_b" + names(Gc.getReferrers(a, b)));
    Gc.collect(0);
    d = new Node();
    d.name = "d";
    d.ref = c;
    System.out.println("referrers_c_after_promotion" + names(Gc.getReferrers(c)));
    Gc.collect(1);
    e = new Node();
    e.name = "e";
    e.ref2 = c;
    System.out.println("referrers_c_mixed" + names(Gc.getReferrers(c)));
    a.ref = null;
    System.out.println("referrers_c_unlinked" + names(Gc.getReferrers(c)));
  }
}
