package io.refshadow.bench.workload;

import com.google.monitoring.runtime.instrumentation.AllocationRecorder;
import com.google.monitoring.runtime.instrumentation.Sampler;

/**
 * The smallest useful {@link Sampler} for java-allocation-instrumenter: counts allocations. The
 * agent's rewritten code calls its recorder at every allocation whether or not a sampler is
 * registered; with one registered it also computes each object's size and calls the sampler, which
 * is how it is used. Loaded only when that agent is attached (its classes come with it).
 */
final class AllocationCounter implements Sampler {
  static long count;

  static void install() {
    AllocationRecorder.addSampler(new AllocationCounter());
  }

  @Override
  public void sampleAllocation(int arrayLength, String desc, Object newObj, long size) {
    count++;
  }
}
