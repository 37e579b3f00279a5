package io.refshadow.bench;

import io.refshadow.Hooks;
import io.refshadow.heap.Frame;

/**
 * Builds object graphs of real objects through {@link Hooks}, making the calls the agent inserts
 * into instrumented code (one shadow frame per function, a statement boundary before each
 * statement, {@code allocated} after each {@code new}, a store hook before each store), so that the
 * shadow heap holds the same graph as the JVM heap. Each builder is one Python function; {@code
 * gc_shapes.py} holds its CPython twin, statement for statement.
 *
 * <p>A builder returns its graph's root: the caller either keeps it ({@link #keep}: a local of the
 * caller's frame, so the graph stays alive) or drops it ({@link #drop}: the statement ends, the
 * graph's cycles become garbage for the cycle detector).
 */
public final class ShadowGraphs {
  /** The shapes, by the names the benchmarks and scripts use. */
  public enum Shape {
    /** n Links, each referring to the previous one; kept alive, so a collection finds nothing. */
    CHAIN(true),
    /** A ring of n Links (one cycle), dropped: n objects of cyclic garbage. */
    RING(false),
    /** n/2 two-Link cycles, dropped: many small cycles. */
    PAIRS(false),
    /**
     * n lists in cliques of {@link #CLIQUE_SIZE}: each list holds every other list of its clique.
     */
    CLIQUES(false);

    private final boolean kept;

    Shape(boolean kept) {
      this.kept = kept;
    }

    /** Whether the benchmark keeps the graph alive (or drops it as garbage). */
    public boolean kept() {
      return kept;
    }

    public static Shape of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** Builds the shape with {@code n} objects in a new function frame and returns its root. */
    public Object build(int n) {
      switch (this) {
        case CHAIN:
          return chain(n);
        case RING:
          return ring(n);
        case PAIRS:
          return pairs(n);
        case CLIQUES:
          return cliques(n, CLIQUE_SIZE);
        default:
          throw new AssertionError(this);
      }
    }
  }

  /** Members per clique: each holds k-1 references, so the edges grow as n*(k-1). */
  public static final int CLIQUE_SIZE = 10;

  private ShadowGraphs() {}

  /** {@code x = f(...)}: the call's result becomes local {@code slot} of {@code caller}. */
  public static <T> T keep(T result, Frame caller, int slot) {
    Hooks.result(result, caller, 0);
    Hooks.storeLocal(result, caller, slot);
    return result;
  }

  /** {@code f(...)} as a statement: the result is released when the statement ends. */
  public static void drop(Object result, Frame caller) {
    Hooks.result(result, caller, 0);
    Hooks.line(caller);
  }

  /** {@code local = Link()} in function frame {@code f}. */
  static Link newLink(Frame f, int slot) {
    Hooks.line(f);
    Link l = new Link();
    Hooks.allocated(l, f, 0);
    Hooks.storeLocal(l, f, slot);
    return l;
  }

  /** {@code local = [None] * length} in function frame {@code f}. */
  static Object[] newList(Frame f, int slot, int length) {
    Hooks.line(f);
    Object[] list = new Object[length];
    Hooks.allocated(list, f, 0);
    Hooks.storeLocal(list, f, slot);
    return list;
  }

  /** {@code owner.next = value}. */
  static void setNext(Link owner, Object value, Frame f) {
    Hooks.line(f);
    Hooks.putField(owner, value, Link.NEXT, f);
    owner.next = value;
  }

  /**
   *
   *
   * <pre>{@code
   * def chain(n):
   *     head = None
   *     for i in range(n):
   *         s = Link(); s.next = head; head = s
   *     return head
   * }</pre>
   */
  public static Link chain(int n) {
    Frame f = Hooks.enter(4);
    Hooks.line(f);
    Link head = null;
    Hooks.storeLocal(null, f, 1);
    for (int i = 0; i < n; i++) {
      Link s = newLink(f, 3);
      setNext(s, head, f);
      Hooks.line(f);
      Hooks.storeLocal(s, f, 1);
      head = s;
    }
    Hooks.line(f);
    Hooks.returnValue(head, f);
    return head;
  }

  /**
   *
   *
   * <pre>{@code
   * def ring(n):
   *     first = Link(); head = first
   *     for i in range(1, n):
   *         s = Link(); s.next = head; head = s
   *     first.next = head
   *     return first
   * }</pre>
   */
  public static Link ring(int n) {
    Frame f = Hooks.enter(5);
    Link first = newLink(f, 1);
    Hooks.line(f);
    Hooks.storeLocal(first, f, 2);
    Link head = first;
    for (int i = 1; i < n; i++) {
      Link s = newLink(f, 4);
      setNext(s, head, f);
      Hooks.line(f);
      Hooks.storeLocal(s, f, 2);
      head = s;
    }
    setNext(first, head, f);
    Hooks.line(f);
    Hooks.returnValue(first, f);
    return first;
  }

  /**
   *
   *
   * <pre>{@code
   * def pairs(n):
   *     firsts = [None] * (n // 2)
   *     for i in range(n // 2):
   *         a = Link(); b = Link(); a.next = b; b.next = a; firsts[i] = a
   *     return firsts
   * }</pre>
   */
  public static Object[] pairs(int n) {
    Frame f = Hooks.enter(5);
    Object[] firsts = newList(f, 1, n / 2);
    for (int i = 0; i < n / 2; i++) {
      Link a = newLink(f, 3);
      Link b = newLink(f, 4);
      setNext(a, b, f);
      setNext(b, a, f);
      Hooks.line(f);
      Hooks.arrayStore(firsts, i, a, f);
    }
    Hooks.line(f);
    Hooks.returnValue(firsts, f);
    return firsts;
  }

  /**
   *
   *
   * <pre>{@code
   * def cliques(n, k):
   *     firsts = [None] * (n // k)
   *     for c in range(n // k):
   *         members = [[None] * (k - 1) for _ in range(k)]
   *         for j in range(k):
   *             mj = members[j]; p = 0
   *             for i in range(k):
   *                 if i != j: mj[p] = members[i]; p += 1
   *         firsts[c] = members[0]
   *     return firsts
   * }</pre>
   */
  public static Object[] cliques(int n, int k) {
    Frame f = Hooks.enter(10);
    int count = n / k;
    Object[] firsts = newList(f, 2, count);
    for (int c = 0; c < count; c++) {
      Object[] members = newList(f, 4, k);
      for (int j = 0; j < k; j++) {
        Hooks.line(f);
        Object[] m = new Object[k - 1];
        Hooks.allocated(m, f, 2);
        Hooks.arrayStore(members, j, m, f);
      }
      for (int j = 0; j < k; j++) {
        Hooks.line(f);
        Object[] mj = (Object[]) members[j];
        Hooks.storeLocal(mj, f, 6);
        int p = 0;
        for (int i = 0; i < k; i++) {
          if (i != j) {
            Hooks.line(f);
            Hooks.arrayStore(mj, p++, members[i], f);
          }
        }
      }
      Hooks.line(f);
      Hooks.arrayStore(firsts, c, members[0], f);
    }
    Hooks.line(f);
    Hooks.returnValue(firsts, f);
    return firsts;
  }
}
