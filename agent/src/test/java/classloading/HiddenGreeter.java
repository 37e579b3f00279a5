package classloading;

import java.util.function.Function;

/** Its bytes are defined again as a hidden class by classloading.Loaders. */
public class HiddenGreeter implements Function<String, String> {
  private final StringBuilder log = new StringBuilder();

  @Override
  public String apply(String who) {
    log.append(who).append(';');
    // no lambda here: a lambda's class would name this class, which a hidden class has not
    String shout = ("hello " + who).toUpperCase(java.util.Locale.ROOT) + "!";
    return shout + " (" + log + ", hidden " + getClass().isHidden() + ")";
  }
}
