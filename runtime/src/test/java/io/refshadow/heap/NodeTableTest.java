package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

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
        Entry e = in.remove(random.nextInt(in.size()));
        table.remove(e.node);
        out.add(e);
      }
    }
    assertThat(table.size()).isEqualTo(in.size());
    for (Entry e : in) {
      assertThat(table.find(e.obj, e.hash)).isSameAs(e.node);
    }
    for (Entry e : out) {
      assertThat(table.find(e.obj, e.hash)).isNull();
    }
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
    List<Entry> in = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      Entry e = entry(random.nextInt());
      table.add(e.node, e.hash);
      in.add(e);
    }
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
