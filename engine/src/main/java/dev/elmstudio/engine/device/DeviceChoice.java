package dev.elmstudio.engine.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model lives and computes, as the user writes it: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N}
 * ({@code cuda:N}, and DJL's own {@code gpuN}, are accepted too) or {@code auto} (the first GPU when PyTorch sees one, else the
 * CPU). {@link #resolve()} checks the choice against the GPUs PyTorch actually sees, so asking for a GPU that is
 * not there fails at once with a message instead of deep inside the first tensor operation.
 *
 * @param kind which kind of device
 * @param gpuIndex the GPU's index for {@link Kind#GPU}; 0 otherwise
 */
public record DeviceChoice(Kind kind, int gpuIndex) {
    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(?::?(\\d+))?");

    /** The accepted kinds. */
    public enum Kind {
        CPU,
        GPU,
        AUTO
    }

    public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, 0);
    public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, 0);

    public DeviceChoice {
        if (kind == null) {
            throw new IllegalArgumentException("device kind is required");
        }
        if (gpuIndex < 0) {
            throw new IllegalArgumentException("GPU index must be >= 0, got " + gpuIndex);
        }
    }

    /** Parses "cpu", "gpu", "gpu:N", "gpuN", "cuda:N" or "auto" (any case). */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("auto")) {
            return AUTO;
        }
        Matcher m = GPU.matcher(t);
        if (m.matches()) {
            try {
                return new DeviceChoice(Kind.GPU, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device '" + text + "': GPU index too large", e);
            }
        }
        throw new IllegalArgumentException("device '" + text + "' is not one of cpu, gpu, gpu:N, auto");
    }

    /** The device on this machine; fails when the GPU is not one PyTorch sees. */
    public Device resolve() {
        return resolve(Engine.getInstance().getGpuCount());
    }

    /** {@link #resolve()} against a given number of visible GPUs. */
    public Device resolve(int visibleGpus) {
        return switch (kind) {
            case CPU -> Device.cpu();
            case AUTO -> visibleGpus > 0 ? Device.gpu(0) : Device.cpu();
            case GPU -> {
                if (gpuIndex >= visibleGpus) {
                    throw new IllegalArgumentException(visibleGpus == 0
                            ? "device " + label() + ": PyTorch sees no GPU here (a CPU-only PyTorch library, or no"
                                    + " CUDA device or driver); use --device cpu, or a build with -Pcuda on a GPU"
                                    + " machine"
                            : "device " + label() + ": there is no GPU " + gpuIndex + "; PyTorch sees " + visibleGpus
                                    + " GPU" + (visibleGpus == 1 ? "" : "s") + " (gpu:0"
                                    + (visibleGpus > 1 ? " … gpu:" + (visibleGpus - 1) : "") + ")");
                }
                yield Device.gpu(gpuIndex);
            }
        };
    }

    /** As the user writes it: "cpu", "gpu:1", "auto". */
    public String label() {
        return switch (kind) {
            case CPU -> "cpu";
            case AUTO -> "auto";
            case GPU -> "gpu:" + gpuIndex;
        };
    }
}
