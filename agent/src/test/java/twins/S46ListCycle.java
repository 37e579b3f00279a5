package twins;

import io.refshadow.Gc;

/** Twin of s46_list_cycle.py: cycles through a Java reference array (a Python list). */
public class S46ListCycle {
  static class Node {
    String name;
    Object ref;
    Object ref2;
  }

  static Node node, x, y, z;
  static Object[] lst;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    node = new Node();
    lst = new Object[1];
    node.ref = lst;
    lst[0] = node;
    node = null;
    lst = null;
    System.out.println("collect " + Gc.collect());
    lst = new Object[1];
    lst[0] = lst;
    lst = null;
    System.out.println("collect_self_list " + Gc.collect());
    lst = new Object[2];
    x = new Node();
    y = new Node();
    lst[0] = x;
    lst[1] = y;
    x.ref = lst;
    y.ref2 = lst;
    x = null;
    y = null;
    lst = null;
    System.out.println("collect_list_two_nodes " + Gc.collect());
    lst = new Object[1];
    z = new Node();
    lst[0] = z;
    lst = null;
    System.out.println("acyclic_list_collect " + Gc.collect());
  }
}
