package io.refshadow.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's options, {@code -javaagent:refshadow-agent.jar=key=value,key=value}. Immutable. An
 * unknown key or a bad value is rejected with a message that names it and lists what is valid.
 */
final class AgentOptions {
  /** Every option, with its description: the one place option names live. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("include", "class name prefixes to instrument, ';'-separated (default: all)");
    KEYS.put("exclude", "class name prefixes never to instrument, ';'-separated");
    KEYS.put(
        "profile", "the CPython whose collector to follow: cpython-3.12 (default), cpython-3.13");
    KEYS.put(
        "summary",
        "where the exit summary goes: stderr (default), stdout, off (or none), or a file");
    KEYS.put("jfr", "write a JFR recording to this file at exit");
    KEYS.put(
        "jfr-settings",
        "settings of the jfr= recording: default, detailed, or a .jfc file (default: default)");
    KEYS.put(
        "sample",
        "share of allocations whose lifetimes JFR records (refshadow.Lifetime), e.g. 0.01 (the"
            + " default), 1/1000 or 5%; 0 turns sampling off");
    KEYS.put(
        "collections",
        "true/false: instrument the JDK's core collections (ArrayList, HashMap...) (default true)");
    KEYS.put(
        "maxShadowMemory",
        "a budget for the shadow heap: a size such as 512m or 2g, a share of the maximum heap such"
            + " as 30%, or none; from 80% of it 1 in 16 new objects is mirrored, beyond it"
            + " mirroring stops (default: 50%, half of -Xmx)");
    KEYS.put(
        "mirror",
        "all (the default) or 1/N with N a power of two up to 1024: mirror only that share of the"
            + " objects (by identity hash), for long or production runs; what the others hold is"
            + " kept alive; or none: instrument the classes but mirror nothing, to measure what"
            + " the rewritten bytecode alone costs");
    KEYS.put(
        "nodeField",
        "true/false: give each instrumented class outside the JDK a private transient synthetic"
            + " field that holds its instances' shadow node, found without a hash lookup (default"
            + " true; false leaves every class's fields as they were)");
    KEYS.put("verbose", "true/false: list every instrumentation failure and each class");
  }

  final List<String> includes;
  final List<String> excludes;
  final String profile;
  final String summary;
  final Path jfr;
  final String jfrSettings;
  final double sample;
  final boolean verbose;
  final boolean collections;

  /**
   * The shadow heap's budget in bytes; 0 for none, or when {@link #maxShadowMemoryShare} sets it.
   */
  final long maxShadowMemory;

  /** The budget as a share of the JVM's maximum heap (0: {@link #maxShadowMemory} sets it). */
  final double maxShadowMemoryShare;

  /** The default budget: half the maximum heap, so the shadow never takes the program's share. */
  static final double DEFAULT_SHADOW_SHARE = 0.5;

  /** Add the injected node field (io.refshadow.heap.NodeField) to application classes. */
  final boolean nodeField;

  /** Mirror one object in this many (1: all; 0: none, the classes instrumented all the same). */
  final int mirrorOneIn;

  private AgentOptions(
      List<String> includes,
      List<String> excludes,
      String profile,
      String summary,
      Path jfr,
      String jfrSettings,
      double sample,
      boolean verbose,
      boolean collections,
      long maxShadowMemory,
      double maxShadowMemoryShare,
      boolean nodeField,
      int mirrorOneIn) {
    this.includes = Collections.unmodifiableList(includes);
    this.excludes = Collections.unmodifiableList(excludes);
    this.profile = profile;
    this.summary = summary;
    this.jfr = jfr;
    this.jfrSettings = jfrSettings;
    this.sample = sample;
    this.verbose = verbose;
    this.collections = collections;
    this.maxShadowMemory = maxShadowMemory;
    this.maxShadowMemoryShare = maxShadowMemoryShare;
    this.nodeField = nodeField;
    this.mirrorOneIn = mirrorOneIn;
  }

  /**
   * Parses the agent argument string (may be null or empty).
   *
   * @throws IllegalArgumentException with a message naming the bad key or value and the fix
   */
  static AgentOptions parse(String args) {
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    String profile = "cpython-3.12";
    String summary = "stderr";
    Path jfr = null;
    String jfrSettings = "default";
    double sample = 0.01;
    boolean verbose = false;
    boolean collections = true;
    long maxShadowMemory = 0;
    double maxShadowMemoryShare = DEFAULT_SHADOW_SHARE;
    boolean nodeField = true;
    int mirrorOneIn = 1;
    if (args != null && !args.isBlank()) {
      for (String part : args.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        String key = (eq < 0 ? part : part.substring(0, eq)).trim();
        String value = eq < 0 ? null : part.substring(eq + 1).trim();
        switch (key) {
          case "include":
            includes.addAll(prefixes(key, value));
            break;
          case "exclude":
            excludes.addAll(prefixes(key, value));
            break;
          case "profile":
            profile = required(key, value);
            if (!profile.equals("cpython-3.12") && !profile.equals("cpython-3.13")) {
              throw new IllegalArgumentException(
                  "refshadow: bad value '"
                      + profile
                      + "' for option profile; valid values: cpython-3.12, cpython-3.13");
            }
            break;
          case "summary":
            summary = required(key, value);
            if (summary.equals("none")) {
              summary = "off"; // not a file named "none" (give ./none for that)
            }
            break;
          case "jfr":
            jfr = Path.of(required(key, value));
            break;
          case "jfr-settings":
            jfrSettings = jfrSettings(key, required(key, value));
            break;
          case "sample":
            sample = share(key, required(key, value));
            break;
          case "verbose":
            verbose = bool(key, value);
            break;
          case "collections":
            collections = bool(key, value);
            break;
          case "maxShadowMemory":
            value = required(key, value);
            maxShadowMemory = 0;
            maxShadowMemoryShare = 0;
            if (value.endsWith("%")) {
              maxShadowMemoryShare = heapShare(key, value);
            } else if (!value.equalsIgnoreCase("none")) {
              maxShadowMemory = size(key, value);
            }
            break;
          case "nodeField":
            nodeField = bool(key, value);
            break;
          case "mirror":
            mirrorOneIn = oneIn(key, required(key, value));
            break;
          default:
            throw new IllegalArgumentException(
                "refshadow: unknown option '"
                    + key
                    + "'. Valid options (key=value, comma-separated): "
                    + String.join(", ", KEYS.keySet())
                    + ". Example: -javaagent:refshadow-agent.jar=include=com.example.,verbose");
        }
      }
    }
    return new AgentOptions(
        includes,
        excludes,
        profile,
        summary,
        jfr,
        jfrSettings,
        sample,
        verbose,
        collections,
        maxShadowMemory,
        maxShadowMemoryShare,
        nodeField,
        mirrorOneIn);
  }

  /**
   * The shadow heap's budget in bytes for a JVM whose maximum heap is {@code maxHeap} (0: none).
   */
  long shadowBudget(long maxHeap) {
    if (maxShadowMemoryShare > 0) {
      return maxHeap == Long.MAX_VALUE ? 0 : (long) (maxHeap * maxShadowMemoryShare);
    }
    return maxShadowMemory;
  }

  /** Where {@link #shadowBudget} comes from, for the heap's warnings. */
  String shadowBudgetOrigin() {
    if (maxShadowMemoryShare == DEFAULT_SHADOW_SHARE && maxShadowMemory == 0) {
      return "maxShadowMemory's default, half the maximum heap";
    }
    return "option maxShadowMemory";
  }

  /** {@code N%} of the maximum heap, 0 < N <= 100. */
  private static double heapShare(String key, String value) {
    double v;
    try {
      v = Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100;
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(
          "refshadow: bad share '"
              + value
              + "' for option "
              + key
              + "; use a share of the maximum heap above 0% and up to 100%, e.g. "
              + key
              + "=30%, or a size such as 512m, or none");
    }
    return v;
  }

  /** {@code all} (1), {@code 1/N} with N a power of two from 2 to 1024, or {@code none} (0). */
  private static int oneIn(String key, String value) {
    if (value.equals("all")) {
      return 1;
    }
    if (value.equals("none")) {
      return 0;
    }
    int n = -1;
    if (value.startsWith("1/")) {
      try {
        n = Integer.parseInt(value.substring(2).trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
    }
    if (n < 1 || n > 1024 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException(
          "refshadow: bad value '"
              + value
              + "' for option "
              + key
              + "; use all, none, or 1/N with N a power of two up to 1024 (e.g. mirror=1/16)");
    }
    return n;
  }

  private static String required(String key, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "refshadow: option " + key + " needs a value: " + key + "=<" + KEYS.get(key) + ">");
    }
    return value;
  }

  /** "0.01", "1/100" or "1%": a share between 0 and 1. */
  private static double share(String key, String value) {
    double v;
    try {
      if (value.endsWith("%")) {
        v = Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100;
      } else if (value.contains("/")) {
        String[] p = value.split("/", 2);
        v = Double.parseDouble(p[0].trim()) / Double.parseDouble(p[1].trim());
      } else {
        v = Double.parseDouble(value);
      }
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          "refshadow: bad value '"
              + value
              + "' for option "
              + key
              + "; use a share of allocations between 0 and 1: "
              + key
              + "=0.01, "
              + key
              + "=1/1000 or "
              + key
              + "=5%");
    }
    return v;
  }

  private static String jfrSettings(String key, String value) {
    if (value.equals("default")
        || value.equals("detailed")
        || (value.endsWith(".jfc") && java.nio.file.Files.isRegularFile(Path.of(value)))) {
      return value;
    }
    throw new IllegalArgumentException(
        "refshadow: bad value '"
            + value
            + "' for option "
            + key
            + "; valid values: default, detailed, or the path of an existing .jfc file");
  }

  /** "512m", "2g", "64k" or a number of bytes. */
  static long size(String key, String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (v.endsWith("b")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.endsWith("k")) {
      unit = 1L << 10;
    } else if (v.endsWith("m")) {
      unit = 1L << 20;
    } else if (v.endsWith("g")) {
      unit = 1L << 30;
    }
    if (unit != 1) {
      v = v.substring(0, v.length() - 1);
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "refshadow: bad size '"
              + value
              + "' for option "
              + key
              + "; use a positive number with an optional unit k, m or g, e.g. 512m (or a share of"
              + " the maximum heap such as 30%, or none)");
    }
  }

  private static boolean bool(String key, String value) {
    if (value == null || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        "refshadow: bad value '" + value + "' for option " + key + "; valid values: true, false");
  }

  /** "com.example.*;org.foo" becomes internal-name prefixes "com/example/", "org/foo". */
  private static List<String> prefixes(String key, String value) {
    List<String> out = new ArrayList<>();
    for (String p : required(key, value).split(";")) {
      String s = p.trim();
      if (s.endsWith("*")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.isEmpty()) {
        throw new IllegalArgumentException(
            "refshadow: empty class pattern in option "
                + key
                + "; example: "
                + key
                + "=com.example.");
      }
      if (!s.matches("[A-Za-z0-9_$.]+")) {
        throw new IllegalArgumentException(
            "refshadow: bad class pattern '"
                + p
                + "' in option "
                + key
                + "; use a package or class name prefix such as com.example. or com.example.Foo");
      }
      out.add(s.replace('.', '/'));
    }
    return out;
  }
}
