package io.refshadow.samples;

import io.refshadow.Sys;

/**
 * Sample 03: {@code sys.getrefcount}.
 *
 * <p>Python counts every reference to an object: each name bound to it, each list slot and
 * attribute, and, while {@code sys.getrefcount(a)} runs, the argument itself. With {@code b = a}
 * and {@code c = a}, three names refer to one object, so {@code sys.getrefcount(a)} prints 4.
 * {@link Sys#getRefcount} answers the same from the shadow heap. Dropping a name ({@code b = null},
 * Python's {@code del b}) lowers the count at once.
 *
 * <p>Run: {@code ./samples/run 03}
 */
public class Sample_03_GetRefcount {
  static final class Node {
    Object ref;
  }

  public static void main(String[] args) {
    Node a = new Node();
    Node b = a;
    Node c = a;
    System.out.println("a, b and c name one object: getRefcount(a) = " + Sys.getRefcount(a));
    b = null;
    System.out.println("after b = null:              getRefcount(a) = " + Sys.getRefcount(a));
    Node holder = new Node();
    holder.ref = a;
    System.out.println("stored in holder.ref too:    getRefcount(a) = " + Sys.getRefcount(a));
    System.out.println("c is still a: " + (c == a));
  }
}
