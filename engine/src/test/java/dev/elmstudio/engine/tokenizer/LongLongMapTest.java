package dev.elmstudio.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongLongMapTest {

    @Test
    void agreesWithHashMapThroughGrowthAndClears() {
        LongLongMap map = new LongLongMap(4);
        Map<Long, Long> reference = new HashMap<>();
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 20_000; i++) {
                long key = ((long) random.nextInt(300) << 32) | random.nextInt(300);
                long delta = random.nextInt(7) - 3;
                assertEquals(reference.merge(key, delta, Long::sum), map.add(key, delta));
            }
            assertEquals(reference.size(), map.size());
            for (int i = 0; i < map.size(); i++) {
                assertEquals(reference.get(map.keyAt(i)), map.get(map.keyAt(i)));
            }
            map.clear();
            reference.clear();
            assertEquals(0, map.get(((long) 1 << 32) | 1));
        }
    }

    @Test
    void rejectsNegativeKeys() {
        assertThrows(IllegalArgumentException.class, () -> new LongLongMap(4).add(-5, 1));
    }
}
