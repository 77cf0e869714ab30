package dev.elmstudio.app.cli;

import picocli.CommandLine.Command;

/** {@code elm bench}: benchmark programs (not tests). Each prints a line a script compares with a reference. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures to compare against a reference run.",
        subcommands = {BenchLmCommand.class, BenchStage2Command.class, BenchSliderCommand.class})
final class BenchCommand {}
