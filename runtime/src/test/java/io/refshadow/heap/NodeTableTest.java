package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The identity table finds exactly the nodes added and not removed, whatever the order of adds and
 * removals (tombstones, rebuilds and wrapping probes included).
 */
class NodeTableTest {
  private static final ClassInfo TYPE = ClassInfo.of(Object.class);

  /** An entry of the test: the object (kept strongly, as the program would), its node and hash. */
  private record Entry(Object obj, Node node, int hash) {}

  private static Entry entry(int hash) {
    Object obj = new Object();
    return new Entry(obj, new Node(obj, TYPE, 16, null), hash);
  }

  /**
   * Random adds and removals whose hashes fall on a few slots, so that probes collide, wrap past
   * the table's end and cross removed slots: every entry still in the table is found, every removed
   * one is not.
   */
  @Property(tries = 200)
  void findsWhatIsInTheTableAndNothingElse(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4000) int operations) {
    Random random = new Random(seed);
    NodeTable table = new NodeTable();
    List<Entry> in = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    for (int op = 0; op < operations; op++) {
      if (in.isEmpty() || random.nextInt(3) > 0) {
        // hashes near the top of the first table's 4,096 slots: the probes wrap around
        Entry e = entry(4096 - 8 + random.nextInt(24));
        table.add(e.node, e.hash);
        in.add(e);
      } else {
        removeAny(table, in, out, random);
      }
    }
    assertThat(table.size()).isEqualTo(in.size());
    assertFinds(table, in, out);
  }

  /** Adds {@code count} entries with random hashes and returns them, in the order added. */
  private static List<Entry> fill(NodeTable table, int count, Random random) {
    List<Entry> in = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Entry e = entry(random.nextInt());
      table.add(e.node, e.hash);
      in.add(e);
    }
    return in;
  }

  /**
   * Removes an entry of {@code in}, chosen at random, from the table, and notes it in {@code out}.
   */
  private static void removeAny(NodeTable table, List<Entry> in, List<Entry> out, Random random) {
    Entry e = in.remove(random.nextInt(in.size()));
    table.remove(e.node);
    out.add(e);
  }

  /** The table finds every entry of {@code in} and none of {@code out}. */
  private static void assertFinds(NodeTable table, List<Entry> in, List<Entry> out) {
    for (Entry e : in) {
      assertThat(table.find(e.obj, e.hash)).isSameAs(e.node);
    }
    for (Entry e : out) {
      assertThat(table.find(e.obj, e.hash)).isNull();
    }
  }

  /**
   * A table whose size stays level while entries come and go fills with tombstones, which are
   * purged in place at the same size again and again: with half the hashes in a window across the
   * table's end (long probe paths that wrap), every entry still in it is found, at the slot it
   * knows (removing them all empties it), and the table does not grow.
   */
  @Property(tries = 100)
  void findsEverythingThroughTombstonePurges(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int level) {
    Random random = new Random(seed);
    NodeTable table = new NodeTable();
    long footprint = table.footprint();
    List<Entry> in = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    for (int op = 0; op < 20_000; op++) {
      if (in.size() < level || (in.size() == level && random.nextBoolean()) || in.isEmpty()) {
        int hash =
            random.nextBoolean()
                ? NodeTable.MIN_CAPACITY - 200 + random.nextInt(400)
                : random.nextInt();
        Entry e = entry(hash);
        table.add(e.node, e.hash);
        in.add(e);
      } else {
        removeAny(table, in, out, random);
      }
    }
    assertThat(table.footprint()).isEqualTo(footprint);
    assertFinds(table, in, out);
    for (Entry e : in) {
      table.remove(e.node);
    }
    assertThat(table.size()).isZero();
    assertFinds(table, List.of(), in);
  }

  /**
   * The purge's pass must start after a slot that was empty, not after a tombstone, which a probe
   * path may cross. Here the first null slot from 0 is a tombstone inside a cluster that wraps past
   * the table's end: an entry there moved into it, and an entry before it moved back later, would
   * leave a hole in the first one's path, and it would no longer be found.
   */
  @Test
  void aPurgeKeepsPathsThatWrapPastTheEnd() {
    NodeTable table = new NodeTable();
    int end = NodeTable.MIN_CAPACITY;
    Entry g = entry(end - 6); // slot end-6
    Entry f = entry(end - 6); // slot end-5
    List<Entry> kept = new ArrayList<>(List.of(f));
    table.add(g.node, g.hash);
    table.add(f.node, f.hash);
    for (int i = 4; i >= 1; i--) {
      Entry e = entry(end - i); // slots end-4 .. end-1
      table.add(e.node, e.hash);
      kept.add(e);
    }
    Entry c = entry(end - 1); // wraps to slot 0
    Entry e = entry(end - 5); // slot 1: its path runs from end-5 across the end
    table.add(c.node, c.hash);
    table.add(e.node, e.hash);
    kept.add(e);
    table.remove(g.node); // a tombstone at end-6
    table.remove(c.node); // and at 0, the first null slot from 0
    for (int i = 0; i < end / 2; i++) { // tombstones far from the cluster, until a purge
      Entry filler = entry(100 + i);
      table.add(filler.node, filler.hash);
      table.remove(filler.node);
    }
    assertThat(table.footprint())
        .as("purged at the same size")
        .isEqualTo(new NodeTable().footprint());
    for (Entry k : kept) {
      assertThat(table.find(k.obj, k.hash)).isSameAs(k.node);
    }
    assertThat(table.find(c.obj, c.hash)).isNull();
  }

  /**
   * A node keeps its index while the hash part is rebuilt around it (grown, or purged of
   * tombstones): a rebuild writes no node, and the nodes sit in the order they were added, which is
   * the order the JVM's collections meet them through the table. Only a shrink renumbers them,
   * densely and in the same order.
   */
  @Test
  void nodesKeepTheirIndexThroughRebuildsAndTheirOrderThroughShrinks() {
    NodeTable table = new NodeTable();
    Random random = new Random(42);
    // grows the hash part from 4,096 slots to 65,536, where 20,000 entries fill less than a third:
    // the tombstones below are then purged at the same size
    List<Entry> in = fill(table, 20_000, random);
    long grown = table.footprint();
    for (int i = 0; i < 40_000; i++) {
      Entry e = entry(random.nextInt());
      table.add(e.node, e.hash);
      table.remove(e.node);
    }
    assertThat(table.footprint()).isEqualTo(grown);
    for (int i = 0; i < in.size(); i++) {
      assertThat(in.get(i).node.tableSlot).as("index of entry %d", i).isEqualTo(i);
    }
    List<Node> visited = new ArrayList<>();
    table.forEach(visited::add);
    assertThat(visited).containsExactlyElementsOf(in.stream().map(Entry::node).toList());

    List<Entry> kept = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      if (i % 100 == 0) {
        kept.add(in.get(i));
      } else {
        table.remove(in.get(i).node);
      }
    }
    table.shrinkIfSparse();
    assertThat(table.footprint()).isLessThan(grown / 8);
    for (int i = 0; i < kept.size(); i++) {
      Entry e = kept.get(i);
      assertThat(e.node.tableSlot).isEqualTo(i);
      assertThat(table.find(e.obj, e.hash)).isSameAs(e.node);
    }
  }

  /**
   * An add shrinks the table only when less than a sixteenth of it is in use; the end of an
   * explicit collection already at an eighth, with every entry left still found.
   */
  @Test
  void anExplicitCollectionShrinksATableAnEighthFull() {
    NodeTable table = new NodeTable();
    List<Entry> in = fill(table, 40_000, new Random(7));
    long full = table.footprint();
    List<Entry> out = new ArrayList<>();
    while (in.size() > 12_000) { // 12,000 of 131,072 slots: over a sixteenth, under an eighth
      Entry e = in.remove(in.size() - 1);
      table.remove(e.node);
      out.add(e);
    }
    table.shrinkIfSparse();
    assertThat(table.footprint()).as("as an add asks").isEqualTo(full);
    table.shrinkIfSparse(3);
    assertThat(table.footprint()).as("at the end of gc.collect()").isLessThan(full / 2);
    assertFinds(table, in, out);
  }

  /**
   * A table filled far past its first size and then emptied again gives its memory back, at the
   * next add or when asked at the end of a mass free: its footprint follows what it holds (the
   * largest table is less than a sixteenth full, or the smallest), and everything left in it is
   * still found.
   */
  @Property(tries = 20)
  void shrinksWhenEmptied(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int kept) {
    Random random = new Random(seed);
    NodeTable table = new NodeTable();
    long empty = table.footprint();
    List<Entry> in = fill(table, 100_000, random);
    long full = table.footprint();
    assertThat(full).isGreaterThan(empty * 32);
    List<Entry> out = new ArrayList<>();
    while (in.size() > kept) {
      int batch = 1 + random.nextInt(5000);
      for (int b = 0; b < batch && in.size() > kept; b++) {
        Entry e = in.remove(random.nextInt(in.size()));
        table.remove(e.node);
        out.add(e);
      }
      if (random.nextBoolean()) {
        table.shrinkIfSparse(); // the end of a gc.collect()
      } else { // the program's next allocation, and that object's death
        Entry e = entry(random.nextInt());
        table.add(e.node, e.hash);
        table.remove(e.node);
        out.add(e);
      }
      long limit = Math.max(empty, (long) (in.size() + 1) * 16 * empty / NodeTable.MIN_CAPACITY);
      assertThat(table.footprint()).isLessThanOrEqualTo(limit);
    }
    assertThat(table.size()).isEqualTo(kept);
    for (Entry e : in) {
      assertThat(table.find(e.obj, e.hash)).isSameAs(e.node);
      assertThat(e.node.has(Node.IN_TABLE)).isTrue();
    }
    for (Entry e : out) {
      assertThat(table.find(e.obj, e.hash)).isNull();
      assertThat(e.node.has(Node.IN_TABLE)).isFalse();
    }
    if (kept * 16 < NodeTable.MIN_CAPACITY) {
      assertThat(table.footprint()).isEqualTo(empty);
    }
  }
}
