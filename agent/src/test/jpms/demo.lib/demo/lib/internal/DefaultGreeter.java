package demo.lib.internal;

import demo.lib.Greeter;

/** Not exported: reachable only as a service, and closed to deep reflection. */
public final class DefaultGreeter implements Greeter {
  private final StringBuilder seen = new StringBuilder();

  @Override
  public String greet(String who) {
    seen.append(who.charAt(0));
    return "hello " + who + " from " + getClass().getModule().getName() + " (" + seen + ")";
  }
}
