package io.refshadow.agent;

import io.refshadow.agent.report.Commands;
import io.refshadow.jfr.EventNames;
import io.refshadow.jfr.RecordingSettings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar refshadow-agent.jar <command>}. */
@Command(
    name = "refshadow",
    mixinStandardHelpOptions = true,
    version = "refshadow 0.1.0",
    description = "Shows how a Java program's memory would behave under CPython's rules.",
    subcommands = {
      Cli.Attach.class,
      Cli.Report.class,
      Cli.Summary.class,
      Cli.Check.class,
      Cli.Settings.class
    })
final class Cli implements Callable<Integer> {
  static int run(String[] args) {
    CommandLine cl = new CommandLine(new Cli());
    // bad usage: one line and a pointer to --help, exit status 2 (never a stack trace)
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr()
              .println(
                  c.getCommandName()
                      + ": "
                      + ex.getMessage()
                      + " (see "
                      + c.getCommandSpec().qualifiedName()
                      + " --help)");
          return Commands.UNUSABLE;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "Write one self-contained HTML report of a refshadow recording: shadow live bytes vs JVM"
            + " heap, pymalloc-held bytes, lifetime and drag histograms, top cycle-forming types and"
            + " their cycles drawn as graphs (by Graphviz's dot when it is on the PATH).",
        "Exit status: 0 written, 2 unusable recording or bad usage."
      })
  static final class Report implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "rec.jfr", description = "the recording")
    Path recording;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "report.html",
        description = "where to write the report (default: beside the recording, .html)")
    Path output;

    @Option(
        names = "--no-graphviz",
        description = "draw cycles without Graphviz even when dot is on the PATH")
    boolean noGraphviz;

    @Override
    public Integer call() {
      return Commands.report(recording, output, !noGraphviz, System.out, System.err);
    }
  }

  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = {
        "Print the report's facts as text.",
        "Exit status: 0 printed, 2 unusable recording or bad usage."
      })
  static final class Summary implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "rec.jfr", description = "the recording")
    Path recording;

    @Override
    public Integer call() {
      return Commands.summary(recording, System.out, System.err);
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check a recording against memory budgets, for CI.",
        "Exit status: 0 within every budget, 1 a budget exceeded (printed with the worst"
            + " offenders), 2 unusable recording or bad usage."
      })
  static final class Check implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "rec.jfr", description = "the recording")
    Path recording;

    @Option(
        names = "--max-uncollectable",
        paramLabel = "N",
        description = "most objects the cycle detector may find uncollectable")
    Long maxUncollectable;

    @Option(
        names = "--max-cyclic-garbage",
        paramLabel = "N",
        description = "most objects the cycle detector may collect (garbage in reference cycles)")
    Long maxCyclicGarbage;

    @Option(
        names = "--max-shadow-bytes",
        paramLabel = "SIZE",
        description = "most bytes alive at once under Python's rules, e.g. 24MB or 512KiB")
    String maxShadowBytes;

    @Option(
        names = "--min-precision",
        paramLabel = "P",
        description =
            "least share of objects whose lifetime was modelled exactly, e.g. 0.95 or 95%")
    String minPrecision;

    @Override
    public Integer call() {
      return Commands.check(
          recording,
          maxUncollectable,
          maxCyclicGarbage,
          maxShadowBytes,
          minPrecision,
          System.out,
          System.err);
    }
  }

  @Command(
      name = "settings",
      mixinStandardHelpOptions = true,
      description = {
        "Print refshadow's JFR settings file (.jfc), e.g. for"
            + " -XX:StartFlightRecording:settings=refshadow.jfc",
        "  java -jar refshadow-agent.jar settings > refshadow.jfc"
      })
  static final class Settings implements Callable<Integer> {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "default|detailed",
        description = "which profile (default: default)")
    String profile = "default";

    @Override
    public Integer call() {
      String name;
      if (profile.equals("default")) {
        name = EventNames.SETTINGS_DEFAULT;
      } else if (profile.equals("detailed")) {
        name = EventNames.SETTINGS_DETAILED;
      } else {
        System.err.println(
            "refshadow settings: unknown profile '" + profile + "'; use default or detailed");
        return Commands.UNUSABLE;
      }
      try (InputStream in = RecordingSettings.bundledSettings(name)) {
        in.transferTo(System.out);
        System.out.flush();
        return Commands.OK;
      } catch (IOException e) {
        System.err.println("refshadow settings: " + e.getMessage());
        return Commands.UNUSABLE;
      }
    }
  }

  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description = "Attach refshadow to a running JVM (classes loaded later are instrumented).")
  static final class Attach implements Callable<Integer> {
    @Parameters(index = "0", description = "the process id of the JVM (see `jps`)")
    String pid;

    @Option(
        names = "--options",
        description = "agent options, as after -javaagent:refshadow-agent.jar= (e.g. verbose)")
    String options = "";

    @Override
    public Integer call() {
      try {
        File jar =
            new File(
                RefshadowAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(pid);
        try {
          vm.loadAgent(jar.getAbsolutePath(), options);
        } finally {
          vm.detach();
        }
        System.out.println("refshadow: attached to " + pid);
        return 0;
      } catch (URISyntaxException | java.io.IOException e) {
        System.err.println("refshadow: cannot attach to " + pid + ": " + e.getMessage());
        return 2;
      } catch (com.sun.tools.attach.AttachNotSupportedException e) {
        System.err.println(
            "refshadow: cannot attach to "
                + pid
                + ": "
                + e.getMessage()
                + " (is it a running JVM of the same user? see `jps`)");
        return 2;
      } catch (com.sun.tools.attach.AgentLoadException
          | com.sun.tools.attach.AgentInitializationException e) {
        System.err.println(
            "refshadow: the agent failed to start in " + pid + ": " + e.getMessage());
        return 1;
      }
    }
  }
}
