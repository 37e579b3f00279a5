package io.refshadow.samples;

import io.refshadow.Memory;

/**
 * Sample 11: freed memory that a Python process keeps.
 *
 * <p>CPython does not ask the operating system for each small object. Its allocator, pymalloc,
 * takes 1 MiB arenas, cuts them into 16 KiB pools, and each pool into blocks of one size class (16,
 * 32, ... 512 bytes). Freeing an object returns its block to its pool, not to the system; an arena
 * goes back to the system only when every one of its pools is empty. So a program that makes
 * 200,000 small objects and keeps every hundredth one frees 99% of the bytes, yet still holds every
 * arena: each pool keeps a few survivors. Only when the survivors go too do the arenas go back
 * (pymalloc keeps one empty arena ready). The JVM works otherwise: its collectors move survivors
 * together, so a few survivors do not pin the space around them. {@link Memory#pymalloc()} tells
 * what pymalloc would hold for the same objects; the Python twin reads the same figures from
 * CPython's own {@code sys._debugmallocstats()}.
 *
 * <p>Look at the held bytes: they stay while the live bytes fall. (The lines starting with {@code
 * refshadow:} show the JVM's sizes; the other lines match CPython.)
 *
 * <p>Run: {@code ./samples/run 11}
 */
public class Sample_11_MemoryNotReturned {
  static final class Point {
    Object x;
  }

  public static void main(String[] args) {
    Memory.start();
    long liveBefore = Memory.getTracedMemory()[0];
    Point[] objects = new Point[200_000];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = new Point();
    }
    long liveFull = Memory.getTracedMemory()[0];
    Memory.Pymalloc full = Memory.pymalloc();
    Point[] survivors = new Point[objects.length / 100];
    for (int i = 0; i < survivors.length; i++) {
      survivors[i] = objects[i * 100];
    }
    objects = null; // Python: del objects
    long live = Memory.getTracedMemory()[0];
    Memory.Pymalloc after = Memory.pymalloc();
    System.out.println("objects alive: " + survivors.length + " of 200000");
    System.out.println(
        "live bytes fell by more than 90%: " + (live - liveBefore < (liveFull - liveBefore) / 10));
    System.out.println(
        "arenas held after freeing 99% of the objects: no fewer than before: "
            + (after.arenas() >= full.arenas()));
    System.out.println(
        "  refshadow: live "
            + live
            + " bytes in "
            + after.blocks()
            + " small objects; pymalloc holds "
            + after.arenas()
            + " arenas ("
            + after.pools()
            + " pools), "
            + after.idleBytes()
            + " bytes of them unused");
    survivors = null; // Python: del survivors
    Memory.Pymalloc empty = Memory.pymalloc();
    System.out.println(
        "after freeing the survivors too, arenas went back to the system: "
            + (empty.arenas() < full.arenas()));
    System.out.println(
        "  refshadow: arenas at the peak "
            + full.arenas()
            + ", after freeing 99% "
            + after.arenas()
            + ", after freeing all "
            + empty.arenas());
  }
}
