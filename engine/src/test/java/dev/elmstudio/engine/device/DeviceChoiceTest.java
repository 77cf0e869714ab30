package dev.elmstudio.engine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void parsesEverySpelling() {
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse("cpu"));
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse(" CPU "));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, 0), DeviceChoice.parse("gpu"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, 3), DeviceChoice.parse("gpu:3"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, 1), DeviceChoice.parse("cuda:1"));
        assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, 2), DeviceChoice.parse("gpu2"));
        assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
        assertEquals("gpu:3", DeviceChoice.parse("GPU:3").label());
    }

    @Test
    void refusesWhatIsNotADevice() {
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", "", "gpu:99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(bad));
            assertTrue(e.getMessage().startsWith("device '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void resolvesAgainstTheVisibleGpus() {
        assertEquals(Device.cpu(), DeviceChoice.CPU.resolve(2));
        assertEquals(Device.gpu(1), DeviceChoice.parse("gpu:1").resolve(2));
        assertEquals(Device.gpu(0), DeviceChoice.AUTO.resolve(1));
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(0));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.parse("gpu").resolve(0));
        assertTrue(none.getMessage().startsWith("device gpu:0: PyTorch sees no GPU here"), none.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.parse("gpu:2").resolve(2));
        assertEquals("device gpu:2: there is no GPU 2; PyTorch sees 2 GPUs (gpu:0 … gpu:1)", missing.getMessage());
    }

    @Test
    void onThisMachineAnAbsentGpuIsRefused() {
        int gpus = Engine.getInstance().getGpuCount();
        DeviceChoice beyond = new DeviceChoice(DeviceChoice.Kind.GPU, gpus);
        assertThrows(IllegalArgumentException.class, beyond::resolve);
        assertEquals(Device.cpu(), DeviceChoice.CPU.resolve());
    }
}
