package io.refshadow.agent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The work behind the {@code report}, {@code summary} and {@code check} commands, with their exit
 * statuses: 0 done (or within budget), 1 a budget exceeded, 2 bad usage or an unusable recording.
 * Every failure is one line on standard error; none is a stack trace.
 */
public final class Commands {
  private Commands() {}

  public static final int OK = 0;
  public static final int OVER_BUDGET = 1;
  public static final int UNUSABLE = 2;

  /** Writes the HTML report of {@code recording} to {@code output} (null: beside it). */
  public static int report(
      Path recording, Path output, boolean graphviz, PrintStream out, PrintStream err) {
    return guarded(
        "report",
        err,
        () -> {
          RecordingData d = RecordingData.read(recording);
          Path target = output != null ? output : defaultReportPath(recording);
          System.setProperty("java.awt.headless", "true");
          boolean dot = graphviz && CycleGraphs.dotAvailable();
          String html = HtmlReport.render(d, dot);
          try {
            Files.writeString(target, html, StandardCharsets.UTF_8);
          } catch (IOException e) {
            err.println("refshadow report: cannot write " + target + ": " + e.getMessage());
            return UNUSABLE;
          }
          out.println(
              "refshadow report: wrote "
                  + target
                  + " ("
                  + Bytes.format(html.length())
                  + (dot ? ", cycles drawn by Graphviz" : ", cycles drawn without Graphviz")
                  + ")");
          return OK;
        });
  }

  static Path defaultReportPath(Path recording) {
    String name = recording.getFileName().toString();
    String base = name.endsWith(".jfr") ? name.substring(0, name.length() - 4) : name;
    Path dir = recording.toAbsolutePath().getParent();
    return dir.resolve(base + ".html");
  }

  public static int summary(Path recording, PrintStream out, PrintStream err) {
    return guarded(
        "summary",
        err,
        () -> {
          out.print(TextSummary.render(RecordingData.read(recording)));
          return OK;
        });
  }

  /**
   * Checks {@code recording} against the budgets; a null budget is not checked.
   *
   * @param maxShadowBytes a size such as "24 MB"
   * @param minPrecision a share such as 0.95 or 95%
   */
  public static int check(
      Path recording,
      Long maxUncollectable,
      Long maxCyclicGarbage,
      String maxShadowBytes,
      String minPrecision,
      PrintStream out,
      PrintStream err) {
    BudgetCheck.Budgets budgets;
    try {
      budgets =
          new BudgetCheck.Budgets(
              maxUncollectable,
              maxCyclicGarbage,
              maxShadowBytes == null ? null : Bytes.parse(maxShadowBytes),
              minPrecision == null ? null : BudgetCheck.parsePrecision(minPrecision));
    } catch (IllegalArgumentException e) {
      err.println("refshadow check: " + e.getMessage());
      return UNUSABLE;
    }
    if (budgets.none()) {
      err.println(
          "refshadow check: give at least one budget: --max-uncollectable N,"
              + " --max-cyclic-garbage N, --max-shadow-bytes SIZE or --min-precision P");
      return UNUSABLE;
    }
    if ((maxUncollectable != null && maxUncollectable < 0)
        || (maxCyclicGarbage != null && maxCyclicGarbage < 0)) {
      err.println("refshadow check: budgets cannot be negative");
      return UNUSABLE;
    }
    return guarded(
        "check",
        err,
        () -> {
          BudgetCheck.Outcome o = BudgetCheck.check(RecordingData.read(recording), budgets);
          out.print(o.text());
          return o.withinBudget() ? OK : OVER_BUDGET;
        });
  }

  private interface Work {
    int run() throws RecordingReadException;
  }

  private static int guarded(String command, PrintStream err, Work work) {
    try {
      return work.run();
    } catch (RecordingReadException e) {
      err.println("refshadow " + command + ": " + e.getMessage());
      return UNUSABLE;
    } catch (RuntimeException | Error e) {
      err.println(
          "refshadow " + command + ": failed: " + e + " (please report this with the recording)");
      return UNUSABLE;
    }
  }
}
