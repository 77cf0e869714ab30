package dev.elmstudio.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Owns a model's parameters by Hugging Face name, in creation order. Initial values are drawn in Java from one
 * seeded generator, so a seed gives the same model on every device and engine version.
 */
final class ParameterStore {
    private final NDManager manager;
    private final SplittableRandom random;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    ParameterStore(NDManager manager, long seed) {
        this.manager = manager;
        this.random = new SplittableRandom(seed);
    }

    NDArray normal(String name, double std, long... shape) {
        float[] values = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (nextGaussian() * std);
        }
        return register(name, manager.create(values, new Shape(shape)));
    }

    NDArray constant(String name, float value, long... shape) {
        return register(name, manager.full(new Shape(shape), value));
    }

    NDArray optionalZeros(String name, boolean present, long... shape) {
        return present ? constant(name, 0f, shape) : null;
    }

    Map<String, NDArray> view() {
        return Collections.unmodifiableMap(byName);
    }

    NDArray get(String name) {
        NDArray array = byName.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'");
        }
        return array;
    }

    private NDArray register(String name, NDArray array) {
        array.setName(name);
        if (byName.putIfAbsent(name, array) != null) {
            throw new IllegalStateException("parameter '" + name + "' created twice");
        }
        return array;
    }

    // Box-Muller on SplittableRandom: java.util.Random#nextGaussian would tie us to its synchronised state.
    private double spare = Double.NaN;

    private double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double value = spare;
            spare = Double.NaN;
            return value;
        }
        double u1;
        do {
            u1 = random.nextDouble();
        } while (u1 <= Double.MIN_NORMAL);
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        spare = radius * Math.sin(2 * Math.PI * u2);
        return radius * Math.cos(2 * Math.PI * u2);
    }
}
