package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.engine.device.DeviceChoice;
import dev.elmstudio.engine.train.ComputeOptions;
import dev.elmstudio.engine.train.Precision;
import picocli.CommandLine.Option;

/**
 * Where and how training computes (a picocli mixin of {@code elm pretrain} and {@code elm train}): the device,
 * the precision, micro-batches and activation checkpointing. On {@code --resume} the options given override the
 * run's own; those not given keep it.
 */
final class ComputeSettings {

    @Option(names = "--device", paramLabel = "DEV",
            description = "cpu, gpu, gpu:N or auto (first GPU if any, else CPU). Default: cpu.")
    String device;

    @Option(names = "--precision", paramLabel = "P",
            description = "fp32 or fp16 (mixed precision: fp32 master weights and AdamW state, fp16 compute,"
                    + " dynamic loss scaling). bf16 is refused by this engine build. Default: fp32.")
    String precision;

    @Option(names = "--micro-batches", paramLabel = "M",
            description = "Split each batch into M parts whose gradients add up (same updates, 1/M of the"
                    + " activation memory). Must divide the batch. Default: 1.")
    Integer microBatches;

    @Option(names = "--checkpoint-activations", negatable = true,
            description = "Recompute each transformer block in backward instead of keeping its activations"
                    + " (less memory, about a third more compute).")
    Boolean checkpointActivations;

    /** The device asked for, checked against the GPUs PyTorch sees. */
    Device device(String command) {
        try {
            return (device == null ? DeviceChoice.CPU : DeviceChoice.parse(device)).resolve();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    /** The options given on top of {@code base} (a fresh run's defaults, or a resumed run's own). */
    ComputeOptions over(ComputeOptions base, String command) {
        try {
            ComputeOptions options = base;
            if (precision != null) {
                Precision p = Precision.parse(precision);
                p.computeType(); // refuses bf16 now, with its reason
                options = options.withPrecision(p);
            }
            if (microBatches != null) {
                if (microBatches < 1) {
                    throw new IllegalArgumentException("--micro-batches must be >= 1, got " + microBatches);
                }
                options = options.withMicroBatches(microBatches);
            }
            if (checkpointActivations != null) {
                options = options.withCheckpointActivations(checkpointActivations);
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(command + ": " + e.getMessage(), e);
        }
    }

    /** Whether any compute option was given (a resumed run then computes differently from how it started). */
    boolean anyGiven() {
        return precision != null || microBatches != null || checkpointActivations != null;
    }
}
