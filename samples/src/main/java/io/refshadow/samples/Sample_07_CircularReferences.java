package io.refshadow.samples;

import io.refshadow.Gc;

/**
 * Sample 07: circular references need the cycle detector.
 *
 * <p>{@code a1.ref = a2; a2.ref = a1}: each object holds the other, so after {@code del a1, a2}
 * both still have a reference count of 1 and reference counting alone can never free them. Only
 * CPython's cycle detector finds them: {@code gc.collect()} returns 2. An object that refers to
 * itself ({@code x.obj = x}) is the smallest cycle: {@code gc.collect()} returns 1. The JVM's
 * tracing collector never had this problem; the difference is what refshadow shows.
 *
 * <p>Run: {@code ./samples/run 07}
 */
public class Sample_07_CircularReferences {
  static final class A {
    Object ref;
  }

  static final class X {
    Object obj;
  }

  public static void main(String[] args) {
    Gc.disable(); // only explicit collections, as with gc.disable()
    Gc.collect();

    A a1 = new A();
    A a2 = new A();
    a1.ref = a2;
    a2.ref = a1;
    a1 = null;
    a2 = null;
    System.out.println("two objects referring to each other: gc.collect() = " + Gc.collect());

    X x = new X();
    x.obj = x;
    x = null;
    System.out.println("one object referring to itself:     gc.collect() = " + Gc.collect());
    System.out.println("nothing left:                        gc.collect() = " + Gc.collect());
  }
}
