package dev.elmstudio.app.cli;

import dev.elmstudio.storage.StorageException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one readable line on stderr and an exit code: 2 for a wrong command line,
 * 1 for a failure while running. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + withoutFinalPeriod(e.getMessage()) + ". Try '" + name + " --help'.");
        if (Arrays.asList(args).contains(ElmCli.VERBOSE)) { // the parse failed, so read the raw line
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = hasVerbose(parseResult);
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + describe(e, verbose));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.SOFTWARE;
    }

    /**
     * Failures we raise (storage, commands) carry messages written for the user. Anything else is
     * a bug: name its type, since its message alone ("null", "Index 3 out of bounds") says little.
     */
    private static String describe(Exception e, boolean verbose) {
        if (e instanceof CommandFailure || e instanceof StorageException) {
            return e.getMessage();
        }
        String hint = verbose ? "" : " (run again with " + ElmCli.VERBOSE + " for the stack trace)";
        return "unexpected error: " + e + hint;
    }

    private static String withoutFinalPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Whether --verbose was given anywhere on the line: before or after the subcommand. */
    private static boolean hasVerbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(ElmCli.VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
