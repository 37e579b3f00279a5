package twins;

import io.refshadow.Sys;

/** Twin of s36_getrefcount.py: getrefcount with locals, globals, elements, fields, params. */
public class S36Getrefcount {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static void localOnly() {
    Node x = new Node();
    System.out.println("local " + Sys.getRefcount(x));
    Node y = x;
    System.out.println("two_locals " + Sys.getRefcount(x));
    y = null;
    System.out.println("after_del_alias " + Sys.getRefcount(x));
  }

  static long param(Node p) {
    return Sys.getRefcount(p);
  }

  static Node g, h, a;
  static Object[] lst;

  public static void main(String[] args) {
    localOnly();
    System.out.println("temporary " + Sys.getRefcount(new Node()));
    System.out.println("temporary_as_parameter " + param(new Node()));
    g = new Node();
    System.out.println("global " + Sys.getRefcount(g));
    lst = new Object[2];
    lst[0] = g;
    System.out.println("plus_list_element " + Sys.getRefcount(g));
    lst[1] = g;
    System.out.println("plus_second_element " + Sys.getRefcount(g));
    h = new Node();
    h.ref = g;
    System.out.println("plus_slot " + Sys.getRefcount(g));
    h.ref2 = g;
    System.out.println("plus_second_slot " + Sys.getRefcount(g));
    System.out.println("as_parameter " + param(g));
    h = null;
    System.out.println("after_del_holder " + Sys.getRefcount(g));
    lst = null;
    System.out.println("after_del_list " + Sys.getRefcount(g));
    a = g;
    System.out.println("alias " + Sys.getRefcount(g));
    a = null;
    System.out.println("after_del " + Sys.getRefcount(g));
  }
}
