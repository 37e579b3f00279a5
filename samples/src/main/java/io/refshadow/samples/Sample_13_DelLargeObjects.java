package io.refshadow.samples;

import io.refshadow.Memory;

/**
 * Sample 13: {@code del} a large object as soon as it is no longer needed.
 *
 * <p>A function that reads a large list and then builds another one holds both at its peak, because
 * the first list's name keeps it alive until the function returns. {@code del data} as soon as the
 * first list has served drops its last reference: CPython frees it right there, and the second list
 * takes its place, so the peak is one list instead of two. On the JVM, {@code data = null} lets the
 * collector reclaim the array later, at no particular moment; under Python's rules, and in
 * refshadow, it is freed at that line. {@link Memory} measures both peaks.
 *
 * <p>Look at the two peaks. (The line starting with {@code refshadow:} shows the JVM's sizes; the
 * other lines match CPython.)
 *
 * <p>Run: {@code ./samples/run 13}
 */
public class Sample_13_DelLargeObjects {
  static final int N = 1_000_000;

  static long keepBoth() {
    long[] data = new long[N];
    long total = data.length;
    long[] result = new long[N];
    return total + result.length;
  }

  static long delEarly() {
    long[] data = new long[N];
    long total = data.length;
    data = null; // Python: del data
    long[] result = new long[N];
    return total + result.length;
  }

  public static void main(String[] args) {
    Memory.start();
    keepBoth();
    long peakKeep = Memory.getTracedMemory()[1];
    Memory.resetPeak();
    delEarly();
    long peakDel = Memory.getTracedMemory()[1];
    System.out.println("without del, the peak holds both large lists: " + (peakKeep >= 2 * 8L * N));
    System.out.println(
        "with del, the peak holds only one: " + (8L * N <= peakDel && peakDel < 2 * 8L * N));
    System.out.println("peak without del > 1.5x peak with del: " + (peakKeep > 1.5 * peakDel));
    System.out.println(
        "  refshadow: peak without del " + peakKeep + " bytes, with del " + peakDel + " bytes");
  }
}
