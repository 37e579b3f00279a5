package junitexamples;

import java.util.ArrayList;
import java.util.List;

/** Instrumented code for {@code HeapSnapshotIT}: sessions kept in a module global. */
public final class Growth {
  public static final class Session {
    final byte[] data = new byte[32];
  }

  static final List<Session> SESSIONS = new ArrayList<>();

  private Growth() {}

  public static void open(int n) {
    for (int i = 0; i < n; i++) {
      SESSIONS.add(new Session());
    }
  }

  public static void closeAll() {
    SESSIONS.clear();
  }
}
