package io.refshadow.agent.report;

import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.EventNames.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a refshadow recording says, read once with {@code jdk.jfr.consumer} and gathered for the
 * report, the summary and the budget check. Event and field names come from {@link EventNames}.
 */
final class RecordingData {
  /** One cycle-detector run. */
  record Collection(
      Instant time,
      int generation,
      long examined,
      long collected,
      long uncollectable,
      long collectedBytes,
      long cycles,
      Duration duration) {}

  /** Cycles of one shape, over the whole recording. */
  static final class CycleShape {
    final String memberTypes;
    final String cycleFields;
    final String graph;
    long cycles;
    long objects;
    long bytes;
    String allocationStack = "";

    CycleShape(String memberTypes, String cycleFields, String graph) {
      this.memberTypes = memberTypes;
      this.cycleFields = cycleFields;
      this.graph = graph;
    }
  }

  /** One sampled object's clocks (nanoseconds; -1 when the clock never ran). */
  record Lifetime(
      String type,
      long size,
      String freedBy,
      long pythonLifetime,
      long jvmLifetime,
      long drag,
      String site) {
    boolean freed() {
      return pythonLifetime >= 0;
    }

    boolean reclaimed() {
      return jvmLifetime >= 0;
    }
  }

  /** One shadow-heap summary (or a collection's after-figures), at seconds since the start. */
  record HeapPoint(double seconds, long liveBytes, long pymallocHeldBytes, long liveObjects) {}

  /** The JVM's used heap after a GC (jdk.GCHeapSummary), at seconds since the start. */
  record JvmPoint(double seconds, long heapUsed) {}

  /** One type at a summary. */
  record TypeRow(
      String type,
      long liveObjects,
      long liveBytes,
      long allocated,
      long freedByRefcount,
      long freedByCycles) {}

  final Path file;
  Instant start;
  Instant end;
  final List<Collection> collections = new ArrayList<>();
  final Map<String, CycleShape> cycles = new LinkedHashMap<>();
  final List<Lifetime> lifetimes = new ArrayList<>();
  final List<HeapPoint> heap = new ArrayList<>();
  final List<JvmPoint> jvmHeap = new ArrayList<>();

  /** TypeSummary batches by time: the last one, and the one with the most live bytes. */
  final TreeMap<Instant, List<TypeRow>> typeBatches = new TreeMap<>();

  /** The types near the peak of live bytes (the last chunk's), most bytes first. */
  final List<TypeRow> peakTypes = new ArrayList<>();

  final Map<String, Long> finalizersByType = new TreeMap<>();
  final Map<String, Long> weakrefCallbacksByType = new TreeMap<>();

  /** The last refshadow.RunSummary, or null. */
  RecordedEvent run;

  long jvmCollections;
  Duration jvmPauses = Duration.ZERO;
  long refshadowEvents;

  private RecordingData(Path file) {
    this.file = file;
  }

  /**
   * Reads {@code file}.
   *
   * @throws RecordingReadException with a one-line reason when the file is missing, empty, not a
   *     JFR recording, damaged, or holds no refshadow event
   */
  static RecordingData read(Path file) throws RecordingReadException {
    if (!Files.exists(file)) {
      throw new RecordingReadException("no such file: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new RecordingReadException(file + " is not a file");
    }
    try {
      if (Files.size(file) == 0) {
        throw new RecordingReadException(file + " is empty, not a JFR recording");
      }
    } catch (IOException e) {
      throw new RecordingReadException("cannot read " + file + ": " + e.getMessage());
    }
    RecordingData d = new RecordingData(file);
    List<RecordedEvent> runs = new ArrayList<>();
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        d.add(rf.readEvent(), runs);
      }
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new RecordingReadException(
          "cannot read "
              + file
              + " as a JFR recording (damaged, truncated or not a .jfr file): "
              + why.lines().findFirst().orElse(why));
    }
    if (d.refshadowEvents == 0) {
      throw new RecordingReadException(
          file
              + " is a JFR recording without refshadow events: record with"
              + " -javaagent:refshadow-agent.jar=jfr=rec.jfr, or add settings=refshadow.jfc to"
              + " -XX:StartFlightRecording");
    }
    runs.sort(Comparator.comparing(RecordedEvent::getStartTime));
    d.run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    d.finish();
    return d;
  }

  private void add(RecordedEvent e, List<RecordedEvent> runs) {
    Instant t = e.getStartTime();
    Instant te = e.getEndTime();
    if (start == null || t.isBefore(start)) {
      start = t;
    }
    if (end == null || te.isAfter(end)) {
      end = te;
    }
    String name = e.getEventType().getName();
    if (name.startsWith(EventNames.PREFIX)) {
      refshadowEvents++;
    }
    switch (name) {
      case EventNames.COLLECTION:
        collections.add(
            new Collection(
                t,
                e.getInt(Fields.GENERATION),
                e.getLong(Fields.EXAMINED),
                e.getLong(Fields.COLLECTED),
                e.getLong(Fields.UNCOLLECTABLE),
                e.getLong(Fields.COLLECTED_BYTES),
                e.getLong(Fields.CYCLES),
                e.getDuration()));
        heapPoints.add(
            new Object[] {t, e.getLong(Fields.LIVE_BYTES), e.getLong(Fields.PYMALLOC_HELD_BYTES)});
        break;
      case EventNames.CYCLE:
        {
          String types = e.getString(Fields.MEMBER_TYPES);
          String fields = e.getString(Fields.CYCLE_FIELDS);
          String key =
              e.getLong(Fields.OBJECTS) / Math.max(1, e.getLong(Fields.CYCLES))
                  + "|"
                  + types
                  + "|"
                  + fields;
          CycleShape s =
              cycles.computeIfAbsent(
                  key, k -> new CycleShape(types, fields, nonNull(e.getString(Fields.GRAPH))));
          s.cycles += e.getLong(Fields.CYCLES);
          s.objects += e.getLong(Fields.OBJECTS);
          s.bytes += e.getLong(Fields.BYTES);
          String stack = nonNull(e.getString(Fields.ALLOCATION_STACK));
          if (s.allocationStack.isEmpty() && !stack.isEmpty()) {
            s.allocationStack = stack;
          }
          break;
        }
      case EventNames.LIFETIME:
        {
          boolean freed = e.getBoolean(Fields.FREED_BY_PYTHON);
          boolean reclaimed = e.getBoolean(Fields.RECLAIMED_BY_JVM);
          lifetimes.add(
              new Lifetime(
                  e.getString(Fields.OBJECT_CLASS),
                  e.getLong(Fields.SIZE),
                  e.getString(Fields.FREED_BY),
                  freed ? nanos(e, Fields.PYTHON_LIFETIME) : -1,
                  reclaimed ? nanos(e, Fields.JVM_LIFETIME) : -1,
                  freed && reclaimed ? nanos(e, Fields.DRAG) : 0,
                  nonNull(e.getString(Fields.ALLOCATION_SITE))));
          break;
        }
      case EventNames.SHADOW_HEAP_SUMMARY:
        heapPoints.add(
            new Object[] {
              t,
              e.getLong(Fields.LIVE_BYTES),
              e.getLong(Fields.PYMALLOC_HELD_BYTES),
              e.getLong(Fields.LIVE_OBJECTS)
            });
        break;
      case EventNames.TYPE_SUMMARY:
        if (e.hasField(Fields.AT_PEAK) && e.getBoolean(Fields.AT_PEAK)) {
          peakTypes.add(
              new TypeRow(
                  e.getString(Fields.OBJECT_CLASS),
                  e.getLong(Fields.LIVE_OBJECTS),
                  e.getLong(Fields.LIVE_BYTES),
                  e.getLong(Fields.ALLOCATED),
                  e.getLong(Fields.FREED_BY_REFCOUNT),
                  e.getLong(Fields.FREED_BY_CYCLES)));
          break;
        }
        typeBatches
            .computeIfAbsent(t, k -> new ArrayList<>())
            .add(
                new TypeRow(
                    e.getString(Fields.OBJECT_CLASS),
                    e.getLong(Fields.LIVE_OBJECTS),
                    e.getLong(Fields.LIVE_BYTES),
                    e.getLong(Fields.ALLOCATED),
                    e.getLong(Fields.FREED_BY_REFCOUNT),
                    e.getLong(Fields.FREED_BY_CYCLES)));
        break;
      case EventNames.RUN_SUMMARY:
        runs.add(e);
        break;
      case EventNames.FINALIZER:
        finalizersByType.merge(e.getString(Fields.OBJECT_CLASS), 1L, Long::sum);
        break;
      case EventNames.WEAKREF_CALLBACK:
        weakrefCallbacksByType.merge(e.getString(Fields.REFERENT_CLASS), 1L, Long::sum);
        break;
      case EventNames.JDK_GC_HEAP_SUMMARY:
        if ("After GC".equals(e.getString("when"))) {
          jvmPoints.add(new Object[] {t, e.getLong("heapUsed")});
        }
        break;
      case EventNames.JDK_GARBAGE_COLLECTION:
        jvmCollections++;
        jvmPauses = jvmPauses.plus(e.getDuration("sumOfPauses"));
        break;
      default:
        break;
    }
  }

  private final List<Object[]> heapPoints = new ArrayList<>();
  private final List<Object[]> jvmPoints = new ArrayList<>();

  private static long nanos(RecordedEvent e, String field) {
    return e.getDuration(field).toNanos();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** Turns times into seconds since the start, in order. */
  private void finish() {
    heapPoints.sort(Comparator.comparing(p -> (Instant) p[0]));
    for (Object[] p : heapPoints) {
      heap.add(
          new HeapPoint(
              seconds((Instant) p[0]), (Long) p[1], (Long) p[2], p.length > 3 ? (Long) p[3] : -1L));
    }
    jvmPoints.sort(Comparator.comparing(p -> (Instant) p[0]));
    for (Object[] p : jvmPoints) {
      jvmHeap.add(new JvmPoint(seconds((Instant) p[0]), (Long) p[1]));
    }
    collections.sort(Comparator.comparing(Collection::time));
  }

  double seconds(Instant t) {
    return Duration.between(start, t).toNanos() / 1e9;
  }

  Duration length() {
    return start == null ? Duration.ZERO : Duration.between(start, end);
  }

  // ---------------------------------------------------------------------------------------------
  // Figures, from the run summary when there is one, else from the other events.

  boolean hasRunSummary() {
    return run != null;
  }

  long runLong(String field, long fallback) {
    return run != null && run.hasField(field) ? run.getLong(field) : fallback;
  }

  String profile() {
    return run != null ? run.getString(Fields.PROFILE) : "?";
  }

  /** Precision, 0..1, or NaN without a run summary. */
  double precision() {
    return run != null ? run.getDouble(Fields.PRECISION) : Double.NaN;
  }

  long collected() {
    return runLong(Fields.COLLECTED, collections.stream().mapToLong(Collection::collected).sum());
  }

  long uncollectable() {
    return runLong(
        Fields.UNCOLLECTABLE, collections.stream().mapToLong(Collection::uncollectable).sum());
  }

  long peakLiveBytes() {
    return runLong(
        Fields.PEAK_LIVE_BYTES, heap.stream().mapToLong(HeapPoint::liveBytes).max().orElse(0));
  }

  long peakPymallocHeldBytes() {
    return runLong(
        Fields.PEAK_PYMALLOC_HELD_BYTES,
        heap.stream().mapToLong(HeapPoint::pymallocHeldBytes).max().orElse(0));
  }

  long peakJvmHeapUsed() {
    return jvmHeap.stream().mapToLong(JvmPoint::heapUsed).max().orElse(-1);
  }

  /** Cycle shapes, most objects first. */
  List<CycleShape> cyclesByObjects() {
    List<CycleShape> out = new ArrayList<>(cycles.values());
    out.sort(Comparator.comparingLong((CycleShape s) -> s.objects).reversed());
    return out;
  }

  /** Objects on collected cycles by member type, most first. */
  Map<String, Long> cycleObjectsByType() {
    Map<String, Long> byType = new TreeMap<>();
    for (CycleShape s : cycles.values()) {
      for (String part : s.memberTypes.split(", ")) {
        int x = part.lastIndexOf(" x");
        String type = x < 0 ? part : part.substring(0, x);
        long per = x < 0 ? 1 : Long.parseLong(part.substring(x + 2));
        byType.merge(type, per * s.cycles, Long::sum);
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byType.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(en -> sorted.put(en.getKey(), en.getValue()));
    return sorted;
  }

  /**
   * The type batch with the most live bytes in all (nearest the peak), or the last; may be empty.
   */
  List<TypeRow> typesAtPeak() {
    if (!peakTypes.isEmpty()) {
      // one batch per chunk end, each cumulative: the last ones describe the whole run
      List<TypeRow> last = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = peakTypes.size() - 1; i >= 0; i--) {
        if (seen.add(peakTypes.get(i).type())) {
          last.add(peakTypes.get(i));
        }
      }
      last.sort(Comparator.comparingLong(TypeRow::liveBytes).reversed());
      return last;
    }
    List<TypeRow> best = List.of();
    long bestBytes = -1;
    for (List<TypeRow> batch : typeBatches.values()) {
      long bytes = batch.stream().mapToLong(TypeRow::liveBytes).sum();
      if (bytes > bestBytes) {
        bestBytes = bytes;
        best = batch;
      }
    }
    return best;
  }

  /** Drag per type, for objects freed by Python and reclaimed by the JVM. */
  Map<String, long[]> dragByType() {
    Map<String, List<Long>> lists = new TreeMap<>();
    for (Lifetime l : lifetimes) {
      if (l.freed() && l.reclaimed()) {
        lists.computeIfAbsent(l.type(), k -> new ArrayList<>()).add(l.drag());
      }
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    lists.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .forEach(
            en ->
                out.put(
                    en.getKey(),
                    en.getValue().stream().mapToLong(Long::longValue).sorted().toArray()));
    return out;
  }
}
