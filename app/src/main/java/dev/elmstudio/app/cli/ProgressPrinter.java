package dev.elmstudio.app.cli;

import dev.elmstudio.engine.train.TrainingEvent;
import dev.elmstudio.engine.train.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Training progress for a terminal (one line redrawn in place, with a bar) or for a pipe or log file (a plain
 * line every few steps, never a carriage return).
 */
final class ProgressPrinter implements TrainingListener {
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.StepEvent s -> {
                String status = String.format(Locale.ROOT, "step %d/%d loss %.4f lr %.2e %.0f tok/s eta %s",
                        s.step(), s.totalSteps(), s.loss(), s.learningRate(), s.tokensPerSecond(), format(s.eta()));
                if (terminal) {
                    int filled = (int) ((long) BAR_WIDTH * s.step() / s.totalSteps());
                    out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + status);
                } else if (s.step() == 1 || s.step() % 10 == 0 || s.step() == s.totalSteps()) {
                    out.println(status);
                }
            }
            case TrainingEvent.ValidationEvent v -> line(String.format(Locale.ROOT, "step %d validation loss %.4f",
                    v.step(), v.loss()));
            case TrainingEvent.CheckpointEvent c -> line("step " + c.step() + " checkpoint " + c.path());
            case TrainingEvent.FinishedEvent f -> line(String.format(Locale.ROOT, "finished %d steps in %s, loss %.4f",
                    f.step(), format(f.elapsed()), f.loss()));
            case TrainingEvent.CancelledEvent c -> line("cancelled after " + c.step() + " steps");
        }
        out.flush();
    }

    private void line(String text) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(text);
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
