package io.refshadow.samples;

import io.refshadow.Sys;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample 02: two names for one list.
 *
 * <p>In Python, {@code b = a} copies nothing: it binds a second name to the same list object, so
 * {@code b.append(4)} changes what {@code a} shows too, {@code a is b} is true, and the list's
 * reference count rises by one ({@code sys.getrefcount(a)} goes from 2 to 3: the name {@code a} and
 * the argument, then {@code b} as well). Java references behave the same way; refshadow counts them
 * as CPython does. Binding {@code b} to a new, equal list ({@code a == b} but not {@code a is b})
 * gives the first list its count back.
 *
 * <p>Look at the refcount lines: each assignment of a name moves the count at once.
 *
 * <p>Run: {@code ./samples/run 02}
 */
public class Sample_02_TwoNamesOneList {
  public static void main(String[] args) {
    List<Integer> a = new ArrayList<>();
    a.add(1);
    a.add(2);
    a.add(3);
    System.out.println("a = [1, 2, 3]:          getRefcount(a) = " + Sys.getRefcount(a));
    List<Integer> b = a;
    System.out.println("b = a:                  getRefcount(a) = " + Sys.getRefcount(a));
    System.out.println("a is b: " + (a == b));
    b.add(4);
    System.out.println("after b.append(4): a = " + a);
    b = new ArrayList<>(List.of(1, 2, 3, 4));
    System.out.println("b = a new equal list: a == b: " + a.equals(b) + " a is b: " + (a == b));
    System.out.println("                        getRefcount(a) = " + Sys.getRefcount(a));
  }
}
