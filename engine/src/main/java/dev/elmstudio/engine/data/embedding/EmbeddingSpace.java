package dev.elmstudio.engine.data.embedding;

import dev.elmstudio.engine.data.IdIndex;
import dev.elmstudio.engine.factor.Factors;

/**
 * N entities × d dimensions: row i of {@code vectors} (row-major, {@code vectors[i*d .. i*d+d)})
 * belongs to entity {@code ids[i]}. The ELM adapter reads one of these per embedding space.
 *
 * @param name what the space is ("movies-behavioral", "movies-semantic")
 */
public record EmbeddingSpace(String name, int[] ids, float[] vectors, int dimension) {
    public EmbeddingSpace {
        if (dimension < 1) {
            throw new IllegalArgumentException("embedding space '" + name + "': dimension must be >= 1, got " + dimension);
        }
        if ((long) ids.length * dimension != vectors.length) {
            throw new IllegalArgumentException("embedding space '" + name + "': " + ids.length + " ids but "
                    + vectors.length + " values (expected ids × " + dimension + ")");
        }
        IdIndex seen = new IdIndex(ids.length);
        for (int id : ids) {
            int before = seen.size();
            if (seen.indexOrAdd(id) != before) {
                throw new IllegalArgumentException("embedding space '" + name + "': id " + id + " appears twice");
            }
        }
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isFinite(vectors[i])) {
                throw new IllegalArgumentException("embedding space '" + name + "': id " + ids[i / dimension]
                        + " has a non-finite value at dimension " + i % dimension);
            }
        }
    }

    public static EmbeddingSpace movies(String name, Factors factors) {
        return new EmbeddingSpace(name, factors.movieIds().clone(), factors.movies().clone(), factors.dimension());
    }

    public static EmbeddingSpace users(String name, Factors factors) {
        return new EmbeddingSpace(name, factors.userIds().clone(), factors.users().clone(), factors.dimension());
    }

    public int size() {
        return ids.length;
    }

    /** A copy of entity {@code row}'s vector. */
    public float[] vector(int row) {
        float[] out = new float[dimension];
        System.arraycopy(vectors, row * dimension, out, 0, dimension);
        return out;
    }

    /**
     * A fast id → vector look-up (an index built once), for filling prompt slots. A missing id fails
     * naming the space and the id.
     */
    public java.util.function.IntFunction<float[]> byId() {
        IdIndex index = IdIndex.of(ids);
        return id -> {
            int row = index.indexOf(id);
            if (row < 0) {
                throw new IllegalArgumentException("embedding space '" + name + "' has no entity " + id);
            }
            return vector(row);
        };
    }

    /** The row of entity {@code id}, or -1. Linear scan; use {@link #byId()} for many look-ups. */
    public int rowOf(int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
