package dev.elmstudio.app;

import java.util.Properties;

/**
 * System properties DJL and logging read once, when they first load. {@link Main} applies them
 * before anything touches DJL; a value the user already set with {@code -D} always wins.
 */
public final class RuntimeDefaults {

    /** Never download engines, models or native libraries at run time: demos run offline. */
    public static final String DJL_OFFLINE = "ai.djl.offline";
    /** PyTorch intra-op threads (the ones a matmul uses). */
    public static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";
    /** PyTorch inter-op threads (independent ops run side by side). */
    public static final String PYTORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    /** slf4j-simple's level; DJL logs several INFO lines on start that would clutter CLI output. */
    public static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private RuntimeDefaults() {}

    /**
     * Fills in the defaults that are missing from {@code properties}.
     *
     * @param processors processors the JVM may use; the intra-op pool gets one thread each
     */
    public static void apply(Properties properties, int processors) {
        properties.putIfAbsent(DJL_OFFLINE, "true");
        properties.putIfAbsent(PYTORCH_THREADS, String.valueOf(Math.max(1, processors)));
        // Our models run one op at a time; a second pool of inter-op threads would only compete
        // with the intra-op threads for the same cores, which matters most on small machines.
        properties.putIfAbsent(PYTORCH_INTEROP_THREADS, "1");
        properties.putIfAbsent(LOG_LEVEL, "warn");
    }
}
