package dev.elmstudio.app.shell;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Which device training will use, in a few words for the status bar. Loads DJL: call it off the UI thread. */
public final class DeviceProbe {

    private DeviceProbe() {}

    /** The device new runs train on: the first GPU when DJL sees one, else the CPU. */
    public static Device trainingDevice() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public static String describe() {
        try {
            Engine engine = Engine.getInstance();
            int gpus = engine.getGpuCount();
            if (gpus == 0) {
                return "CPU (" + Runtime.getRuntime().availableProcessors() + " cores, " + engine.getEngineName() + ")";
            }
            return "GPU: " + Device.gpu() + (gpus > 1 ? " (+" + (gpus - 1) + " more)" : "") + ", " + engine.getEngineName();
        } catch (RuntimeException | LinkageError e) {
            return "no engine: " + e.getMessage();
        }
    }
}
