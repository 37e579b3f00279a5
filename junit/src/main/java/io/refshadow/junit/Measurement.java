package io.refshadow.junit;

import java.util.List;

/**
 * One test's measurement on the shadow heap, as the extension sees it: an interface without runtime
 * types, so that loading the extension never loads a class of refshadow-runtime (see {@link
 * AgentActivation}). Implemented by {@link TestTracker}.
 */
interface Measurement {
  /**
   * Stops measuring and runs the checks.
   *
   * @param check false when the test failed on its own: measuring stops, nothing is reported
   * @param testInstances the test instance and its enclosing instances: what only they keep alive
   *     goes with them, so it is not a leak
   * @return the failure message, or null when every check passed
   */
  String finish(boolean check, List<Object> testInstances);
}
