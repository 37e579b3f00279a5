package io.refshadow.samples;

import io.refshadow.Memory;
import java.util.Iterator;

/**
 * Sample 10: a generator instead of a list keeps the peak small.
 *
 * <p>{@code sum([x * x for x in range(n)])} builds the whole list of squares first: all n objects
 * are alive at once, and the peak memory grows with n. {@code sum(x * x for x in range(n))} hands
 * the squares over one at a time: each is freed (its refcount reaches 0) as soon as {@code sum} has
 * added it, so the peak stays at a few objects, whatever n is. The JVM would reclaim the streamed
 * objects too, but only at its next collection; under Python's rules each is gone before the next
 * one exists. Here a Java array plays the list and an {@link Iterator} the generator; {@link
 * Memory} measures the peak as {@code tracemalloc.get_traced_memory()} does.
 *
 * <p>Look at the two peaks: the sums agree, the memory does not. (The lines starting with {@code
 * refshadow:} show the JVM's sizes, which differ from CPython's; the other lines match CPython.)
 *
 * <p>Run: {@code ./samples/run 10}
 */
public class Sample_10_Generators {
  static final int N = 100_000;

  /** A Python int: one object per square. */
  static final class Square {
    final long value;

    Square(long value) {
      this.value = value;
    }
  }

  /** {@code [x * x for x in range(n)]}. */
  static Square[] squaresList(int n) {
    Square[] list = new Square[n];
    for (int x = 0; x < n; x++) {
      list[x] = new Square((long) x * x);
    }
    return list;
  }

  /** {@code (x * x for x in range(n))}: makes each square when asked for it. */
  static final class SquaresGenerator implements Iterator<Square> {
    private final int n;
    private int x;

    SquaresGenerator(int n) {
      this.n = n;
    }

    @Override
    public boolean hasNext() {
      return x < n;
    }

    @Override
    public Square next() {
      long square = (long) x * x;
      x++;
      return new Square(square);
    }
  }

  static long sum(Square[] squares) {
    long total = 0;
    for (Square s : squares) {
      total += s.value;
    }
    return total;
  }

  static long sum(Iterator<Square> squares) {
    long total = 0;
    while (squares.hasNext()) {
      total += squares.next().value; // the square is freed at the end of this statement
    }
    return total;
  }

  public static void main(String[] args) {
    Memory.start();
    long total = sum(squaresList(N));
    long peakList = Memory.getTracedMemory()[1];
    System.out.println("sum of squares below 100000, from a list:      " + total);
    Memory.resetPeak();
    total = sum(new SquaresGenerator(N));
    long peakGenerator = Memory.getTracedMemory()[1];
    System.out.println("sum of squares below 100000, from a generator: " + total);
    System.out.println(
        "peak with list > 100x peak with generator: " + (peakList > 100 * peakGenerator));
    System.out.println("peak with list holds all 100000 squares at once: " + (peakList > N * 8L));
    System.out.println(
        "  refshadow: peak with list "
            + peakList
            + " bytes, with generator "
            + peakGenerator
            + " bytes");
  }
}
