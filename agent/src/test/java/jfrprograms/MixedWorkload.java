package jfrprograms;

import io.refshadow.Gc;
import io.refshadow.Weakref;
import java.util.ArrayList;
import java.util.List;

/**
 * A little of everything the report shows, over about two seconds: short-lived objects freed by
 * refcount, a growing then shrinking live set, reference cycles of three shapes (parent and child
 * referring to each other, an object referring to itself, a ring of 20 nodes) collected by
 * automatic collections and by gc.collect(), a finalizer and a weakref callback, and JVM
 * collections to compare with.
 */
public final class MixedWorkload {
  /** A tree node whose children point back at it: a two-object cycle per child. */
  static final class Parent {
    final List<Child> children = new ArrayList<>();
  }

  static final class Child {
    Parent parent;
  }

  /** An object that refers to itself. */
  static final class Loop {
    Loop self;
  }

  /** A node of a ring. */
  static final class RingNode {
    RingNode next;
    byte[] payload = new byte[64];
  }

  /** An object with a finalizer (Python's __del__). */
  static final class Closeable {
    @io.refshadow.Del
    void close() {
      closed++;
    }
  }

  static int closed;
  static int callbacks;
  static final List<Object> kept = new ArrayList<>();

  public static void main(String[] args) throws InterruptedException {
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 300; i++) {
        Parent p = new Parent();
        Child c = new Child();
        c.parent = p;
        p.children.add(c);
      }
      for (int i = 0; i < 50; i++) {
        Loop l = new Loop();
        l.self = l;
      }
      ring(20);
      for (int i = 0; i < 2000; i++) {
        kept.add(new byte[48]);
      }
      if (round >= 5) {
        kept.subList(0, 3000).clear();
      }
      Closeable c = new Closeable();
      Weakref<Closeable> w = Weakref.ref(c, r -> callbacks++);
      c = null;
      System.gc();
      Thread.sleep(150);
    }
    System.out.println("gc.collect() = " + Gc.collect());
    System.out.println("finalizers " + closed + ", weakref callbacks " + callbacks);
  }

  static void ring(int n) {
    RingNode first = new RingNode();
    RingNode last = first;
    for (int i = 1; i < n; i++) {
      RingNode r = new RingNode();
      last.next = r;
      last = r;
    }
    last.next = first;
  }
}
