package io.refshadow.samples;

import io.refshadow.Memory;

/**
 * Sample 12: which types hold the memory.
 *
 * <p>CPython's allocator works per object size, and on top of it some types keep allocators of
 * their own (free lists for floats, tuples, lists, dicts): memory management is organised by type.
 * To see where a program's memory goes, count the live objects per type, as {@code objgraph} does
 * from {@code gc.get_objects()}. {@link Memory#byType()} counts the objects traced since {@link
 * Memory#start()} that the shadow heap still holds, with their shallow bytes, most bytes first.
 * Deleting the list of nodes frees every node at once: their count drops to 0 right away, while the
 * JVM would keep them until its next collection.
 *
 * <p>Look at the counts per type before and after {@code del nodes}. (The lines starting with
 * {@code refshadow:} show the JVM's sizes; the other lines match CPython.)
 *
 * <p>Run: {@code ./samples/run 12}
 */
public class Sample_12_ObjectsByType {
  static final class Point {
    Object x;
    Object y;
  }

  static final class Node {
    Node next;
  }

  /** Live objects of this sample's nested type {@code name} (not the JDK's own HashMap$Node). */
  static long count(String name) {
    String type = Sample_12_ObjectsByType.class.getName() + "$" + name;
    for (Memory.TypeStat s : Memory.byType()) {
      if (s.type().equals(type)) {
        return s.count();
      }
    }
    return 0;
  }

  public static void main(String[] args) {
    Memory.start();
    Point[] points = new Point[1000];
    for (int i = 0; i < points.length; i++) {
      points[i] = new Point();
    }
    Node[] nodes = new Node[500];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new Node();
    }
    System.out.println("Point: " + count("Point") + " objects");
    System.out.println("Node: " + count("Node") + " objects");
    for (Memory.TypeStat s : Memory.byType()) {
      if (!s.type().contains(Sample_12_ObjectsByType.class.getSimpleName())) {
        continue; // the JDK's own objects, made meanwhile (by printing, for one)
      }
      String name = s.type().substring(s.type().lastIndexOf('$') + 1);
      System.out.println(
          "  refshadow: " + name + ": " + s.count() + " objects, " + s.bytes() + " bytes");
    }
    nodes = null; // Python: del nodes
    System.out.println(
        "after del nodes: Node: "
            + count("Node")
            + " objects, Point: "
            + count("Point")
            + " objects");
  }
}
