package dev.elmstudio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code elm} command: the headless side of ELM Studio, for GPU servers and scripts. It records
 * into the same workspace the desktop app shows.
 *
 * <p>Exit codes: 0 done, 1 the command failed while running, 2 the command line was wrong. Errors are
 * one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(
        name = "elm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "ELM Studio command line: train and inspect embedding language models.",
        // Every subcommand is registered here, in the order `elm --help` lists them.
        subcommands = {InfoCommand.class, RunsCommand.class, ImportCommand.class, PretrainCommand.class, TrainCommand.class,
                BaselineCommand.class, EvalCommand.class, CompareCommand.class, GenerateCommand.class, CavCommand.class,
                ExportCommand.class, BenchCommand.class})
public final class ElmCli {

    static final String VERBOSE = "--verbose";

    // Read back from the parse result by ErrorReporter; INHERIT lets it follow a subcommand too.
    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean verbose;

    /** A command line with ELM Studio's error reporting; {@code execute(args)} returns the exit code. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new ElmCli());
        ErrorReporter errors = new ErrorReporter();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }
}
