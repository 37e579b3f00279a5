package junitexamples;

import io.refshadow.junit.LimitLeaks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run through EngineTestKit by {@code RefshadowExtensionIT}: a static cache that only grows. */
public class LeakExamples {
  static final List<Object> CACHE = new ArrayList<>();

  static final class Session {
    final byte[] data = new byte[64];
  }

  private Object kept;

  @Test
  @LimitLeaks
  void staticCacheGrows() {
    CACHE.add(new byte[1024]); // site: cache
  }

  @Test
  @LimitLeaks
  void localListIsFreed() {
    List<Object> local = new ArrayList<>();
    local.add(new byte[1024]);
  }

  @Test
  @LimitLeaks(maxObjects = 1)
  void oneLeakIsTolerated() {
    CACHE.add(new byte[16]);
  }

  /** The type filter: the leaked byte[] is not a Session, so it does not count. */
  @Test
  @LimitLeaks(types = Session.class)
  void onlySessionsCount() {
    CACHE.add(new byte[16]);
  }

  @Test
  @LimitLeaks(types = Session.class)
  void sessionsLeak() {
    CACHE.add(new Session()); // site: session
  }

  /** Kept by a field of the test instance: it goes with the instance, so it is no leak. */
  @Test
  @LimitLeaks
  void keptByTheTestInstance() {
    kept = new byte[1024];
  }
}
