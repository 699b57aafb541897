package dev.ecsnet.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ecsnet}: the command-line entry point. */
@Command(name = "ecsnet", mixinStandardHelpOptions = true, version = "ecsnet 0.1.0",
        description = "A local emulator of AWS ECS task networking in awsvpc mode.",
        subcommands = {ServeCommand.class, DiagnoseCommand.class, ReachCommand.class, CapacityCommand.class})
public final class EcsnetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EcsnetCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
