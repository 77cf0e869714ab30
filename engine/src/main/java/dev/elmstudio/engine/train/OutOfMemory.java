package dev.elmstudio.engine.train;

import java.util.Locale;

/**
 * Recognises the ways the engine runs out of memory: libtorch's CUDA allocator ("CUDA out of memory. Tried to
 * allocate …", surfacing as DJL's EngineException), cuBLAS failing to allocate its workspace, libtorch's CPU
 * allocator ("DefaultCPUAllocator: can't allocate memory"), and the JVM's own {@link OutOfMemoryError}.
 */
public final class OutOfMemory {
    private OutOfMemory() {}

    /** Whether {@code error} or one of its causes is an out-of-memory failure. */
    public static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("out of memory") || message.contains("cublas_status_alloc_failed")
                    || message.contains("can't allocate memory") || message.contains("not enough memory")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the underlying failure, for the report. */
    static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
