package twins;

import io.refshadow.Gc;

/** Twin of s24_get_count_promotion.py: get_count() and promotion by collect(n). */
public class S24GetCountPromotion {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node spare, a, b, c, d, e, f;

  static void show(String label) {
    int[] c = Gc.getCount();
    System.out.println(label + " " + c[0] + " " + c[1] + " " + c[2]);
  }

  public static void main(String[] args) {
    spare = new Node();
    Gc.disable();
    Gc.collect();
    Gc.getCount();
    spare = null;
    show("after_collect");
    a = new Node();
    b = new Node();
    c = new Node();
    show("three_nodes");
    Gc.collect(0);
    show("after_collect0");
    d = new Node();
    e = new Node();
    show("two_more");
    Gc.collect(0);
    show("after_collect0_again");
    Gc.collect(1);
    show("after_collect1");
    f = new Node();
    show("one_more");
    Gc.collect(1);
    show("after_collect1_again");
    Gc.collect(0);
    show("after_collect0_third");
    Gc.collect(2);
    show("after_collect2");
  }
}
