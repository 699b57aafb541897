package dev.ecsnet.app.cli;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.app.server.EcsnetVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ecsnet}: the command-line entry point. Errors are one line on stderr and exit status 2. */
@Command(name = "ecsnet", mixinStandardHelpOptions = true, versionProvider = EcsnetCommand.Version.class,
        description = "A local emulator of AWS ECS task networking in awsvpc mode.",
        subcommands = {ServeCommand.class, DiagnoseCommand.class, ReachCommand.class, CapacityCommand.class, StateCommand.class})
public final class EcsnetCommand implements Runnable {
    /** Exit status of every usage or start-up error. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ecsnet --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ecsnet " + EcsnetVersion.current()};
        }
    }

    /** The command line as {@code main} runs it: one-line errors for bad options and for failures. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EcsnetCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandName();
            e.getCommandLine().getErr().println("ecsnet: " + e.getMessage() + " (see: ecsnet "
                    + (command.equals("ecsnet") ? "" : command + " ") + "--help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("ecsnet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return USAGE;
        });
        return cli;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            EcsnetServer.preloadInBackground();
        }
        System.exit(commandLine().execute(args));
    }
}
