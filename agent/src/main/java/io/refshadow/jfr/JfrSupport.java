package io.refshadow.jfr;

import io.refshadow.heap.PymallocModel;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;

/**
 * Connects the shadow heap to JFR: registers refshadow's events (so that settings given by {@code
 * -XX:StartFlightRecording} or a later recording apply to them), installs the {@link
 * HeapEventsListener} and the periodic summaries, and starts the recording of the {@code jfr=}
 * agent option. The event classes live in the agent's class loader: JFR would treat classes of the
 * bootstrap loader, where the runtime lives, as JDK events.
 */
public final class JfrSupport {
  static final List<Class<? extends Event>> EVENTS =
      List.of(
          CollectionEvent.class,
          CycleEvent.class,
          FinalizerEvent.class,
          WeakrefCallbackEvent.class,
          LifetimeEvent.class,
          ShadowHeapSummaryEvent.class,
          TypeSummaryEvent.class,
          RunSummaryEvent.class);

  private final HeapEventsListener listener;

  private JfrSupport(HeapEventsListener listener) {
    this.listener = listener;
  }

  /**
   * Registers the events and connects {@code heap} to them. Call before the class transformer is
   * installed: everything the listener will use is loaded here.
   *
   * @param sampleRate share of allocations whose lifetimes are recorded, 0..1
   * @param instrumentation returns {classes instrumented, classes and methods that failed}
   */
  public static JfrSupport install(
      ShadowHeap heap, double sampleRate, Supplier<long[]> instrumentation) {
    for (Class<? extends Event> c : EVENTS) {
      FlightRecorder.register(c);
    }
    HeapEventsListener listener = new HeapEventsListener(heap, sampleRate, instrumentation);
    warmUp(listener, heap);
    FlightRecorder.addPeriodicEvent(
        ShadowHeapSummaryEvent.class, guarded(heap, "heap summary", listener::emitHeapSummary));
    FlightRecorder.addPeriodicEvent(
        TypeSummaryEvent.class, guarded(heap, "type summary", listener::emitTypeSummary));
    FlightRecorder.addPeriodicEvent(
        RunSummaryEvent.class, guarded(heap, "run summary", listener::emitRunSummary));
    listener.sampler().startReaper(heap);
    heap.setListener(listener);
    return new JfrSupport(listener);
  }

  /**
   * A periodic hook that never throws into JFR and whose thread is refshadow's own work while it
   * runs: JFR's code it calls may use instrumented JDK collections, which must not be mirrored.
   */
  private static Runnable guarded(ShadowHeap heap, String what, Runnable hook) {
    return () -> {
      heap.suppressThread();
      try {
        hook.run();
      } catch (Throwable t) {
        io.refshadow.heap.Failures.report("JFR periodic event (" + what + ")", t);
      } finally {
        heap.resumeThread();
      }
    };
  }

  /** Loads the classes the listener uses under the heap's lock, by using them once. */
  private static void warmUp(HeapEventsListener listener, ShadowHeap heap) {
    for (Class<? extends Event> c : EVENTS) {
      try {
        Event e = c.getDeclaredConstructor().newInstance();
        e.isEnabled();
        e.shouldCommit();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    PymallocModel p = new PymallocModel();
    long[] handles = new long[2000];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = p.allocate(16 + (i % 40) * 16);
    }
    for (int i = 0; i < handles.length; i++) {
      p.free(handles[i], 16 + (i % 40) * 16);
    }
    TypeTable t = new TypeTable();
    for (int i = 0; i < 200; i++) {
      t.indexOf("warm.up.Type" + i);
    }
    t.topByLiveBytes(20);
    LifetimeSampler.captureStack();
    // what the periodic hooks read, run once here: they run on JFR's threads (at exit, in its
    // shutdown hook), and a class loaded there can wait for a class-loading hook that needs the
    // heap's lock while another thread holds that lock (a deadlock seen on JDK 25)
    io.refshadow.heap.Failures.total();
    heap.stats().precision();
    heap.cycleDetector().statsSnapshot();
    heap.cycleDetector().counts();
    heap.cycleDetector().profile().id();
    HeapEventsListener.isShuttingDown();
    CycleAnalysis.of(new ArrayList<>(), data -> null);
    new java.util.TreeMap<String, Integer>().put("a", 1);
    new java.util.TreeSet<String>().add("a");
    new java.util.HashMap<String, Object>().put("a", "b");
    for (String name :
        List.of("jdk.jfr.internal.EventWriter", "jdk.jfr.internal.event.EventWriter")) {
      try {
        Class.forName(name, true, null);
      } catch (Throwable ignored) {
        // one of the two exists, depending on the JDK
      }
    }
  }

  HeapEventsListener listener() {
    return listener;
  }
}
