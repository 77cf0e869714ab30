package dev.elmstudio.engine.checkpoint;

import ai.djl.ndarray.types.DataType;
import java.util.Optional;

/**
 * The safetensors element types this engine reads. Half-precision floats (F16, BF16) are what most Hugging
 * Face checkpoints ship; they are widened to F32 on load because the engine computes in F32.
 */
public enum SafeTensorDtype {
    F32(4, DataType.FLOAT32),
    F16(2, DataType.FLOAT16),
    BF16(2, DataType.BFLOAT16),
    I64(8, DataType.INT64),
    I32(4, DataType.INT32);

    private final int bytes;
    private final DataType djlType;

    SafeTensorDtype(int bytes, DataType djlType) {
        this.bytes = bytes;
        this.djlType = djlType;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The DJL type of the raw bytes in the file (BF16 is widened in Java instead: see {@link SafeTensors#read}). */
    DataType djlType() {
        return djlType;
    }

    /** The DJL type {@link SafeTensors#read} returns: half precision widened to F32, the rest unchanged. */
    public DataType loadedType() {
        return this == F16 || this == BF16 ? DataType.FLOAT32 : djlType;
    }

    /** The header spelling ("F32", "BF16", ...), or empty for a type this engine does not read. */
    static Optional<SafeTensorDtype> fromHeader(String name) {
        for (SafeTensorDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    /** The file type for an array being written; only F32 (weights) and I64 (counters, RNG state) are written. */
    static Optional<SafeTensorDtype> forWriting(DataType type) {
        if (type == DataType.FLOAT32) {
            return Optional.of(F32);
        }
        if (type == DataType.INT64) {
            return Optional.of(I64);
        }
        return Optional.empty();
    }
}
