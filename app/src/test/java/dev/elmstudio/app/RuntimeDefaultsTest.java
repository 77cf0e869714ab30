package dev.elmstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class RuntimeDefaultsTest {

    @Test
    void fillsInOfflineModeAndThreadCounts() {
        Properties properties = new Properties();
        RuntimeDefaults.apply(properties, 8);

        assertEquals("true", properties.getProperty("ai.djl.offline"));
        assertEquals("8", properties.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("1", properties.getProperty("ai.djl.pytorch.num_interop_threads"));
    }

    @Test
    void keepsValuesTheUserAlreadySet() {
        Properties properties = new Properties();
        properties.setProperty("ai.djl.offline", "false");
        properties.setProperty("ai.djl.pytorch.num_threads", "3");
        properties.setProperty("ai.djl.pytorch.num_interop_threads", "2");
        RuntimeDefaults.apply(properties, 8);

        assertEquals("false", properties.getProperty("ai.djl.offline"));
        assertEquals("3", properties.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("2", properties.getProperty("ai.djl.pytorch.num_interop_threads"));
    }
}
