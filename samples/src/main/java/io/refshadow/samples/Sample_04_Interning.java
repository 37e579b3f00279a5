package io.refshadow.samples;

import io.refshadow.Sys;

/**
 * Sample 04: small integers are shared and immortal; {@code x += 1} makes a new object.
 *
 * <p>CPython keeps one object for each small integer from -5 to 256, made at start-up: every {@code
 * 100} in a program is the same object, so {@code x is y} is true, and since CPython 3.12 (PEP 683)
 * those objects are immortal: their reference count is never changed and {@code
 * sys.getrefcount(100)} answers a huge constant, 4294967295. The JVM does the same for {@code
 * Integer} values from -128 to 127 (the {@code Integer} cache, used by autoboxing), and refshadow
 * treats those boxes as immortal too, answering the same constant. Integers made at run time
 * outside those ranges ({@code int("1000")}, {@code Integer.valueOf("1000")}) are new objects each
 * time: equal, but not the same object, with an ordinary count. Integers are immutable, so {@code x
 * += 1} cannot change the object {@code x} names; it binds {@code x} to another one.
 *
 * <p>The ranges differ (200 is shared in Python, not in Java): the values here lie in both.
 *
 * <p>Run: {@code ./samples/run 04}
 */
public class Sample_04_Interning {
  public static void main(String[] args) {
    Integer x = 100;
    Integer y = 100;
    System.out.println("x = 100; y = 100: x is y: " + (x == y));
    System.out.println("getRefcount(100) = " + Sys.getRefcount(x));
    Integer p = Integer.valueOf("1000");
    Integer q = Integer.valueOf("1000");
    System.out.println(
        "p = 1000; q = 1000 (made at run time): p == q: " + p.equals(q) + " p is q: " + (p == q));
    System.out.println("getRefcount(p) = " + Sys.getRefcount(p));
    y = x;
    x += 1;
    System.out.println("y = x; x += 1: x = " + x + " y = " + y + " x is y: " + (x == y));
  }
}
