package io.refshadow.agent;

import java.io.File;
import java.net.URISyntaxException;
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
    subcommands = {Cli.Attach.class})
final class Cli implements Callable<Integer> {
  static int run(String[] args) {
    return new CommandLine(new Cli()).execute(args);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
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
