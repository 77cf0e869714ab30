package dev.elmstudio.engine.checkpoint;

import ai.djl.ndarray.types.Shape;

/**
 * One entry of a safetensors header: where a tensor's bytes lie, relative to the start of the data section
 * (the byte after the header).
 *
 * @param name tensor name, e.g. "transformer.h.0.attn.c_attn.weight"
 * @param dtype element type as stored in the file
 * @param shape dimensions; {@code []} is a scalar, a zero dimension an empty tensor
 * @param begin first byte of the tensor in the data section
 * @param end one past the last byte
 */
public record SafeTensorInfo(String name, SafeTensorDtype dtype, Shape shape, long begin, long end) {

    public long byteLength() {
        return end - begin;
    }
}
