package dev.elmstudio.app.encode;

import dev.elmstudio.engine.encode.TextEncoder;
import java.util.function.Supplier;

/**
 * One text encoder for the whole application, made on first use (on whichever background thread asks first) and
 * then kept. all-MiniLM-L6-v2 takes a second or two and about 100 MB to load; Explore's SC and Compare's SC/BC
 * would otherwise each load their own copy.
 */
public final class SharedEncoder implements Supplier<TextEncoder> {
    private final Supplier<? extends TextEncoder> factory;
    private TextEncoder encoder;

    public SharedEncoder(Supplier<? extends TextEncoder> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized TextEncoder get() {
        if (encoder == null) {
            encoder = factory.get();
        }
        return encoder;
    }
}
