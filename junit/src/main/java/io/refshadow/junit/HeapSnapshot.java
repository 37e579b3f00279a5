package io.refshadow.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shadow heap's objects counted by type at one moment, for custom checks: what objgraph's
 * {@code typestats} gives a Python user. Two snapshots give the growth between them ({@link
 * #growthSince}), as objgraph's {@code show_growth} does:
 *
 * <pre>{@code
 * HeapSnapshot before = HeapSnapshot.take();
 * service.handle(request);
 * HeapGrowth growth = HeapSnapshot.take().growthSince(before);
 * assertEquals(0, growth.delta(Session.class), growth::toString);
 * }</pre>
 *
 * <p>Counted are the objects the cycle detector tracks (those that can hold references, as {@code
 * gc.get_objects()} lists them; a JDK collection's own storage is not one, nor an object the JDK
 * made for itself and the shadow met in an instrumented collection, such as a class loader's cache
 * entry), alive in the shadow heap: what Python would still hold. Immutable.
 */
public final class HeapSnapshot {
  private final Map<String, long[]> byType;

  private HeapSnapshot(Map<String, long[]> byType) {
    this.byType = byType;
  }

  /**
   * Runs a full collection ({@code gc.collect()}, as objgraph's growth functions do, so that
   * garbage cycles are not counted), then counts. Attaches the agent first if it is not active.
   */
  public static HeapSnapshot take() {
    return take(true);
  }

  /** Counts, after a full collection if {@code collectFirst}. */
  public static HeapSnapshot take(boolean collectFirst) {
    AgentActivation.ensureActive(
        key -> Optional.ofNullable(System.getProperty(key)), HeapSnapshot.class.getClassLoader());
    return new HeapSnapshot(Collections.unmodifiableMap(ShadowAccess.typeStats(collectFirst)));
  }

  /** Objects of the type named {@code typeName} (binary name, arrays as {@code byte[]}). */
  public long count(String typeName) {
    long[] s = byType.get(typeName);
    return s == null ? 0 : s[0];
  }

  /** Objects of exactly {@code type} (not its subtypes). */
  public long count(Class<?> type) {
    return count(CheckSettings.typeName(type));
  }

  /** Shallow bytes of the objects of the type named {@code typeName}. */
  public long bytes(String typeName) {
    long[] s = byType.get(typeName);
    return s == null ? 0 : s[1];
  }

  /** All counts, by type name, sorted by name. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    byType.forEach((k, v) -> out.put(k, v[0]));
    return Collections.unmodifiableMap(out);
  }

  /** All objects counted. */
  public long totalObjects() {
    long total = 0;
    for (long[] s : byType.values()) {
      total += s[0];
    }
    return total;
  }

  /** What changed from {@code earlier} to this snapshot, type by type. */
  public HeapGrowth growthSince(HeapSnapshot earlier) {
    return HeapGrowth.between(earlier.byType, byType);
  }
}
