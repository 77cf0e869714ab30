package dev.elmstudio.app.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import dev.elmstudio.app.RuntimeDefaults;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code elm info}: what this machine gives ELM Studio. The first thing to run on a new server, and
 * the thing to paste into a bug report.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show Java, DJL engine, device and thread settings.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Java first: if the engine fails to load below, these lines are what explains why.
        row(out, "ELM Studio", VersionProvider.version());
        row(out, "Java", Runtime.version() + " (" + property("java.vendor") + ") at " + property("java.home"));
        row(out, "OS", property("os.name") + " " + property("os.version") + " " + property("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors");
        row(out, "Offline", setting(RuntimeDefaults.DJL_OFFLINE));
        out.flush();

        Engine engine = loadEngine();
        row(out, "DJL", Engine.getDjlVersion() + ", engine " + engine.getEngineName() + " " + engine.getVersion());
        row(out, "Device", describeDevices(engine));
        row(out, "Threads", describeThreads(engine));
        out.flush();
        return 0;
    }

    private static Engine loadEngine() {
        try {
            return Engine.getInstance();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new CommandFailure("DJL could not load its engine (" + e.getMessage() + "). Check that the"
                    + " PyTorch native jar (pytorch-native-cpu or -cu124) is in the jar's lib/ folder.", e);
        }
    }

    /** The default device DJL will use, then every GPU it sees. */
    private static String describeDevices(Engine engine) {
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            return describeCpuOnly(engine);
        }
        StringBuilder text = new StringBuilder(gpus + " GPU" + (gpus > 1 ? "s" : ""));
        text.append(", default ").append(engine.defaultDevice());
        for (int i = 0; i < gpus; i++) {
            text.append("; ").append(describeGpu(Device.gpu(i)));
        }
        return text.toString();
    }

    /**
     * The engine reports no GPU either because there is none or because this build carries the
     * CPU-only PyTorch; the second is a build choice the user can fix, so say which.
     */
    private static String describeCpuOnly(Engine engine) {
        int present;
        try {
            present = CudaUtils.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            present = 0; // no CUDA runtime library at all
        }
        if (present == 0) {
            return "CPU (no GPU visible)";
        }
        return "CPU, although " + present + " GPU" + (present > 1 ? "s are" : " is") + " present: this build's "
                + engine.getEngineName() + " has no CUDA support. Build with -Pcuda to use the GPU.";
    }

    /** DJL has no GPU name API; compute capability and memory identify the card well enough. */
    private static String describeGpu(Device gpu) {
        try {
            long totalBytes = CudaUtils.getGpuMemory(gpu).getMax();
            return gpu + " compute capability " + CudaUtils.getComputeCapability(gpu.getDeviceId())
                    + ", " + String.format("%.1f GiB", totalBytes / (1024.0 * 1024 * 1024));
        } catch (RuntimeException e) {
            return gpu + " (details unavailable: " + e.getMessage() + ")";
        }
    }

    /** What PyTorch actually uses, beside what was asked for with system properties. */
    private static String describeThreads(Engine engine) {
        String requested =
                setting(RuntimeDefaults.PYTORCH_THREADS) + ", " + setting(RuntimeDefaults.PYTORCH_INTEROP_THREADS);
        if (!PtEngine.ENGINE_NAME.equals(engine.getEngineName())) {
            return requested;
        }
        return "intra-op " + JniUtils.getNumThreads() + ", inter-op " + JniUtils.getNumInteropThreads()
                + " (" + requested + ")";
    }

    private static String property(String name) {
        return System.getProperty(name, "?");
    }

    /** A system property as {@code name=value}, so the user sees which -D to pass to change it. */
    private static String setting(String name) {
        return name + "=" + System.getProperty(name, "(not set)");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-11s %s%n", label, value);
    }
}
