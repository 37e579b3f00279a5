package twins;

import io.refshadow.Gc;

/** Twin of s23_collect_generations.py: collect(n) examines generations 0..n only. */
public class S23CollectGenerations {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Node a, b, c, d, e, f, g, h, i;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("young_garbage collect0 " + Gc.collect(0));
    c = new Node();
    d = new Node();
    c.ref = d;
    d.ref = c;
    System.out.println("live collect0 " + Gc.collect(0));
    c = null;
    d = null;
    System.out.println("gen1_garbage collect0 " + Gc.collect(0));
    System.out.println("gen1_garbage collect1 " + Gc.collect(1));
    e = new Node();
    f = new Node();
    e.ref = f;
    f.ref = e;
    System.out.println("live collect1 " + Gc.collect(1));
    e = null;
    f = null;
    System.out.println("gen2_garbage collect0 " + Gc.collect(0));
    System.out.println("gen2_garbage collect1 " + Gc.collect(1));
    System.out.println("gen2_garbage collect2 " + Gc.collect(2));
    g = new Node();
    h = new Node();
    g.ref = h;
    h.ref = g;
    System.out.println("live collect " + Gc.collect());
    g = null;
    h = null;
    System.out.println("gen2_garbage collect " + Gc.collect());
    i = new Node();
    i.ref = i;
    System.out.println("live kw_collect1 " + Gc.collect(1));
    i = null;
    System.out.println("gen2_garbage kw_collect1 " + Gc.collect(1));
    System.out.println("nothing_left " + Gc.collect());
  }
}
