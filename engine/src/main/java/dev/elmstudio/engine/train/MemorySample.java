package dev.elmstudio.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a long run must not grow: NDArrays attached to the model's manager (parameters, optimizer
 * moments, anything leaked from a step) and the process's resident memory.
 *
 * @param step completed updates when sampled
 * @param modelArrays arrays under the model's manager, its child managers (optimizer) included
 * @param optimizerArrays arrays in the optimizer's own manager
 * @param residentKb VmRSS from /proc/self/status, or -1 where there is no /proc (Windows, macOS)
 * @param heapCommittedKb Java heap the JVM has reserved; RSS minus this is mostly native (libtorch)
 */
public record MemorySample(int step, int modelArrays, int optimizerArrays, long residentKb, long heapCommittedKb) {

    /** Samples between steps, when no per-step manager is open. */
    static MemorySample of(Pretrainer trainer) {
        return new MemorySample(trainer.completedSteps(), trainer.model().manager().getManagedArrays().size(),
                trainer.optimizer().stateArrayCount(), readResidentKb(),
                Runtime.getRuntime().totalMemory() / 1024);
    }

    static long readResidentKb() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format("step %6d  model arrays %5d  optimizer arrays %5d  RSS %7.1f MB  Java heap %6.1f MB",
                step, modelArrays, optimizerArrays, residentKb / 1024.0, heapCommittedKb / 1024.0);
    }
}
