package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stage-2 benchmark program runs end to end on the CPU with the tiny shape (the GPU run uses gpt2-124m). */
class BenchStage2CommandTest {
    private static final Pattern NUMBERS = Pattern.compile("tokens_per_s=([0-9.]+) .*peak_mem_mib=([0-9.]+)"
            + " .*mfu=([0-9.]+)");

    @Test
    void measuresFullAndLoraStage2OnATinyModel() {
        CliRun run = CliRun.execute("bench", "stage2", "--shape", "tiny", "--device", "cpu", "--batch", "4",
                "--target-words", "12", "--warmup-steps", "1", "--steps", "2", "--micro-batches", "2",
                "--checkpoint-activations");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().filter(l -> l.startsWith("STAGE2 ")).toList();
        assertEquals(2, lines.size(), run::toString);
        assertTrue(lines.get(0).contains("mode=full") && lines.get(1).contains("mode=lora16"), run::toString);
        for (String line : lines) {
            assertTrue(line.contains("micro_batches=2 checkpoint_activations=true"), line);
            Matcher m = NUMBERS.matcher(line);
            assertTrue(m.find(), line);
            assertTrue(Double.parseDouble(m.group(1)) > 0, line);
            assertTrue(Double.parseDouble(m.group(2)) > 0, line);
            double mfu = Double.parseDouble(m.group(3));
            assertTrue(mfu > 0 && mfu < 1, "MFU is a fraction of the measured peak: " + line);
        }
    }
}
