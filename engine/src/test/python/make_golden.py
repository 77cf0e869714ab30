"""Golden logits for HfGoldenLogitsTest: tiny random GPT-2, Llama and Qwen2 checkpoints in Hugging Face format,
and the logits an independent plain-PyTorch implementation of each published architecture gives for them.

The reference does not use transformers (nor the engine): each model below is written from its paper / the
original release, with Hugging Face's tensor names and storage layouts so that the folders load anywhere.

  GPT-2  (Radford et al. 2019; OpenAI's gpt-2 model.py)
    pre-LN blocks, LayerNorm(eps=layer_norm_epsilon=1e-5) with bias, learned positions, fused qkv Conv1D
    stored [in, out] (y = x @ W + b), biases on every projection, gelu_new = tanh approximation
    0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³))), head tied to wte.
  Llama  (Touvron et al. 2023; Meta's llama model.py, as converted to HF)
    RMSNorm x·rsqrt(mean(x²) + rms_norm_eps)·w (no bias, no mean subtraction), RoPE with base rope_theta in
    the "rotate half" layout (dimension j pairs with j + hd/2, frequency θ^(-2j/hd)) because HF's
    conversion script permutes q_proj/k_proj rows into that layout, SwiGLU down(silu(gate(x)) · up(x)),
    grouped-query attention (num_key_value_heads < num_attention_heads: kv head g serves query heads
    g·H/Hkv … (g+1)·H/Hkv - 1), no biases, untied lm_head.
  Llama 3.1 rope scaling ("rope_scaling": {"rope_type": "llama3", ...}): Meta's reference apply_scaling in
    llama-models (models/llama3/reference_impl/model.py): with wavelength λ = 2π/f, keep f when
    λ < original/high_freq_factor, use f/factor when λ > original/low_freq_factor, else blend
    (1 - s)·f/factor + s·f with s = (original/λ - low_freq_factor)/(high_freq_factor - low_freq_factor).
    The tiny config picks theta 100 and original 32 so that its four frequencies hit all three branches.
  Linear rope scaling ("rope_type": "linear", position interpolation, Chen et al. 2023): f/factor.
  Qwen2  (Qwen2 technical report 2024): Llama plus a bias on q_proj, k_proj, v_proj (none on o_proj),
    tied embeddings here (as the small Qwen2/2.5 checkpoints).

Everything is evaluated in float64 from float32 weights, so the golden logits are the exact answer for the
stored weights up to float32 rounding of the output; the Java side computes in float32.

The padded batch is left-padded. Its reference semantics: padding keys are never attended to and positions
count real tokens only (position = number of real tokens before it), so each real position's logits equal
those of the same tokens without padding. Logits at padding positions are not defined and not compared.

Run (from the repository root):  bench/.venv/bin/python engine/src/test/python/make_golden.py
Writes engine/src/test/resources/golden/<arch>/{config.json, model.safetensors, golden.safetensors}.
"""
import json
import math
import struct
from pathlib import Path

import torch

OUT = Path(__file__).resolve().parents[1] / "resources" / "golden"

TOKENS = [3, 17, 42, 5, 88, 0, 61, 9, 33, 70, 12, 95]  # 12 ids < vocab
# Row 0 is TOKENS; row 1 is left-padded by 4 with the first 8 of TOKENS reversed.
BATCH_IDS = [TOKENS, [0, 0, 0, 0] + TOKENS[:8][::-1]]
BATCH_MASK = [[1] * 12, [0] * 4 + [1] * 8]


# ---------------------------------------------------------------------------------------------- safetensors


def write_safetensors(path, tensors, metadata=None):
    """The safetensors format by hand: u64 LE header length, JSON header, raw little-endian data."""
    dtypes = {torch.float32: "F32", torch.int64: "I64"}
    header, chunks, offset = {}, [], 0
    for name, t in tensors.items():
        t = t.contiguous().cpu()
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()  # safetensors is little-endian
        header[name] = {"dtype": dtypes[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # data starts 8-byte aligned, as the reference writer does
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


# ---------------------------------------------------------------------------------------------- weights


class Weights:
    """Seeded random fp32 weights; matrices ~N(0, 0.15²), norm gains ~1 ± 0.1, biases ~N(0, 0.1²)."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)
        self.tensors = {}

    def _put(self, name, t):
        self.tensors[name] = t.to(torch.float32)
        return self.tensors[name]

    def matrix(self, name, *shape, std=0.15):
        return self._put(name, torch.randn(*shape, generator=self.g) * std)

    def gain(self, name, n):
        return self._put(name, 1.0 + 0.1 * torch.randn(n, generator=self.g))

    def bias(self, name, n):
        return self._put(name, 0.1 * torch.randn(n, generator=self.g))


def f64(w):
    return {k: v.double() for k, v in w.items()}


# ---------------------------------------------------------------------------------------------- attention


def attention(q, k, v, mask):
    """q [B, H, T, hd], k/v [B, Hkv, T, hd], mask [B, T] 1/0 → [B, T, H·hd]. Causal, padding keys masked."""
    B, H, T, hd = q.shape
    groups = H // k.shape[1]
    k = k.repeat_interleave(groups, dim=1)  # kv head g serves query heads g·groups … g·groups + groups - 1
    v = v.repeat_interleave(groups, dim=1)
    scores = q @ k.transpose(-1, -2) / math.sqrt(hd)  # [B, H, T, T]
    allowed = torch.tril(torch.ones(T, T, dtype=torch.bool))[None, None] & mask.bool()[:, None, None, :]
    scores = scores.masked_fill(~allowed, float("-inf"))
    # A padding query (left padding) may have no allowed key; its row is undefined and never compared.
    probs = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
    return (probs @ v).transpose(1, 2).reshape(B, T, H * hd)


def positions_of(mask):
    """Positions count real tokens only: [0,0,1,1,1] mask → [0,0,0,1,2]."""
    return (mask.cumsum(-1) - 1).clamp(min=0)


# ---------------------------------------------------------------------------------------------- GPT-2


def gpt2_config():
    return {
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": 96, "n_embd": 32,
        "n_layer": 2, "n_head": 4, "n_positions": 32, "n_inner": None, "layer_norm_epsilon": 1e-5,
        "activation_function": "gelu_new", "tie_word_embeddings": True, "torch_dtype": "float32",
    }


def gpt2_weights(c, seed):
    w = Weights(seed)
    D, I = c["n_embd"], 4 * c["n_embd"]
    w.matrix("transformer.wte.weight", c["vocab_size"], D, std=0.3)
    w.matrix("transformer.wpe.weight", c["n_positions"], D, std=0.1)
    for i in range(c["n_layer"]):
        p = f"transformer.h.{i}."
        w.gain(p + "ln_1.weight", D); w.bias(p + "ln_1.bias", D)
        w.matrix(p + "attn.c_attn.weight", D, 3 * D); w.bias(p + "attn.c_attn.bias", 3 * D)  # Conv1D [in, out]
        w.matrix(p + "attn.c_proj.weight", D, D); w.bias(p + "attn.c_proj.bias", D)
        w.gain(p + "ln_2.weight", D); w.bias(p + "ln_2.bias", D)
        w.matrix(p + "mlp.c_fc.weight", D, I); w.bias(p + "mlp.c_fc.bias", I)
        w.matrix(p + "mlp.c_proj.weight", I, D); w.bias(p + "mlp.c_proj.bias", D)
    w.gain("transformer.ln_f.weight", D); w.bias("transformer.ln_f.bias", D)
    return w.tensors


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def layer_norm(x, w, b, eps):
    mean = x.mean(-1, keepdim=True)
    var = (x - mean).pow(2).mean(-1, keepdim=True)  # biased variance, as torch.nn.LayerNorm
    return (x - mean) / torch.sqrt(var + eps) * w + b


def gpt2_forward(c, w, ids, mask):
    w = f64(w)
    H, eps = c["n_head"], c["layer_norm_epsilon"]
    B, T = ids.shape
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][positions_of(mask)]  # [B, T, D]
    D = x.shape[-1]
    for i in range(c["n_layer"]):
        p = f"transformer.h.{i}."
        h = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]  # Conv1D: x @ W[in, out] + b
        q, k, v = (t.reshape(B, T, H, D // H).transpose(1, 2) for t in qkv.split(D, dim=-1))
        a = attention(q, k, v, mask)
        x = x + a @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        h = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        h = gelu_new(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + h @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    x = layer_norm(x, w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    return x @ w["transformer.wte.weight"].T  # tied head


# ---------------------------------------------------------------------------------------------- Llama / Qwen2


def llama_config(qwen2):
    c = {
        "architectures": ["Qwen2ForCausalLM" if qwen2 else "LlamaForCausalLM"],
        "model_type": "qwen2" if qwen2 else "llama", "vocab_size": 96, "hidden_size": 32,
        "intermediate_size": 80, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
        "max_position_embeddings": 32, "hidden_act": "silu", "rope_scaling": None,
        "torch_dtype": "float32",
    }
    if qwen2:
        c.update({"rms_norm_eps": 1e-6, "rope_theta": 1000000.0, "tie_word_embeddings": True,
                  "use_sliding_window": False})
    else:
        c.update({"rms_norm_eps": 1e-5, "rope_theta": 500000.0, "tie_word_embeddings": False,
                  "attention_bias": False, "mlp_bias": False})
    return c


def llama_weights(c, seed, qkv_bias):
    w = Weights(seed)
    D, I = c["hidden_size"], c["intermediate_size"]
    hd = D // c["num_attention_heads"]
    Dq, Dkv = c["num_attention_heads"] * hd, c["num_key_value_heads"] * hd
    w.matrix("model.embed_tokens.weight", c["vocab_size"], D, std=0.3)
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        w.gain(p + "input_layernorm.weight", D)
        w.matrix(p + "self_attn.q_proj.weight", Dq, D)  # torch.nn.Linear [out, in]
        w.matrix(p + "self_attn.k_proj.weight", Dkv, D)
        w.matrix(p + "self_attn.v_proj.weight", Dkv, D)
        if qkv_bias:
            w.bias(p + "self_attn.q_proj.bias", Dq)
            w.bias(p + "self_attn.k_proj.bias", Dkv)
            w.bias(p + "self_attn.v_proj.bias", Dkv)
        w.matrix(p + "self_attn.o_proj.weight", D, Dq)
        w.gain(p + "post_attention_layernorm.weight", D)
        w.matrix(p + "mlp.gate_proj.weight", I, D)
        w.matrix(p + "mlp.up_proj.weight", I, D)
        w.matrix(p + "mlp.down_proj.weight", D, I)
    w.gain("model.norm.weight", D)
    if not c["tie_word_embeddings"]:
        w.matrix("lm_head.weight", c["vocab_size"], D, std=0.3)
    return w.tensors


def rms_norm(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def scaled_frequencies(freqs, scaling):
    """Rope scaling of the inverse frequencies, written from the published rules (see the docstring)."""
    if scaling is None:
        return freqs
    if scaling["rope_type"] == "linear":
        return freqs / scaling["factor"]
    assert scaling["rope_type"] == "llama3", scaling
    factor, low, high = scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"]
    original = scaling["original_max_position_embeddings"]
    out = []
    for f in freqs.tolist():
        wavelen = 2 * math.pi / f
        if wavelen < original / high:
            out.append(f)
        elif wavelen > original / low:
            out.append(f / factor)
        else:
            smooth = (original / wavelen - low) / (high - low)
            out.append((1 - smooth) * f / factor + smooth * f)
    return torch.tensor(out, dtype=torch.float64)


def rope(x, pos, theta, scaling=None):
    """x [B, h, T, hd], pos [B, T]. Rotate-half layout: pair (j, j + hd/2) rotates by pos·f_j, f_j = θ^(-2j/hd)
    after rope scaling."""
    hd = x.shape[-1]
    inv_freq = scaled_frequencies(theta ** (-torch.arange(0, hd, 2, dtype=torch.float64) / hd), scaling)  # [hd/2]
    angle = pos[:, None, :, None].double() * inv_freq  # [B, 1, T, hd/2]
    cos, sin = angle.cos(), angle.sin()
    x1, x2 = x[..., : hd // 2], x[..., hd // 2:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


def linear(x, w, name, bias):
    y = x @ w[name + ".weight"].T
    return y + w[name + ".bias"] if bias else y


def llama_forward(c, w, ids, mask, qkv_bias):
    w = f64(w)
    H, Hkv, eps, theta = c["num_attention_heads"], c["num_key_value_heads"], c["rms_norm_eps"], c["rope_theta"]
    scaling = c.get("rope_scaling")
    B, T = ids.shape
    x = w["model.embed_tokens.weight"][ids]  # [B, T, D]
    hd = x.shape[-1] // H
    pos = positions_of(mask)
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = linear(h, w, p + "self_attn.q_proj", qkv_bias).reshape(B, T, H, hd).transpose(1, 2)  # [B, H, T, hd]
        k = linear(h, w, p + "self_attn.k_proj", qkv_bias).reshape(B, T, Hkv, hd).transpose(1, 2)  # [B, Hkv, T, hd]
        v = linear(h, w, p + "self_attn.v_proj", qkv_bias).reshape(B, T, Hkv, hd).transpose(1, 2)
        a = attention(rope(q, pos, theta, scaling), rope(k, pos, theta, scaling), v, mask)
        x = x + linear(a, w, p + "self_attn.o_proj", False)
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = linear(h, w, p + "mlp.gate_proj", False)
        x = x + linear(torch.nn.functional.silu(gate) * linear(h, w, p + "mlp.up_proj", False), w,
                       p + "mlp.down_proj", False)
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if c["tie_word_embeddings"] else w["lm_head.weight"]
    return x @ head.T


# ---------------------------------------------------------------------------------------------- main


def write_golden(arch, config, weights, forward):
    folder = OUT / arch
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    write_safetensors(folder / "model.safetensors", weights, {"format": "pt"})
    ids = torch.tensor([TOKENS])
    batch_ids, batch_mask = torch.tensor(BATCH_IDS), torch.tensor(BATCH_MASK)
    with torch.no_grad():
        logits = forward(ids, torch.ones_like(ids))
        batch_logits = forward(batch_ids, batch_mask)
    # Left padding must not change a row's real logits: the padded row equals its tokens run alone.
    alone = forward(torch.tensor([BATCH_IDS[1][4:]]), torch.ones(1, 8, dtype=torch.long))
    assert torch.allclose(batch_logits[1, 4:], alone[0], atol=1e-12), arch
    assert torch.equal(batch_logits[0], logits[0]), arch
    write_safetensors(folder / "golden.safetensors", {
        "input_ids": ids,
        "logits": logits.float(),
        "batch_input_ids": batch_ids,
        "batch_attention_mask": batch_mask,
        "batch_logits": batch_logits.float(),
    }, {"format": "pt", "reference": "engine/src/test/python/make_golden.py", "compute": "float64"})
    sizes = ", ".join(f"{f.name} {f.stat().st_size // 1024} KB" for f in sorted(folder.iterdir()))
    print(f"{arch}: |logits| max {logits.abs().max():.3f}; {sizes}")


def main():
    c = gpt2_config()
    w = gpt2_weights(c, seed=2019)
    write_golden("gpt2", c, w, lambda ids, mask: gpt2_forward(c, w, ids, mask))

    c = llama_config(qwen2=False)
    w = llama_weights(c, seed=2023, qkv_bias=False)
    write_golden("llama", c, w, lambda ids, mask: llama_forward(c, w, ids, mask, qkv_bias=False))

    # Llama 3.1-style rope scaling: theta 100 gives wavelengths 6.3, 19.9, 62.8, 199 against the bounds
    # 32/4 = 8 and 32/1 = 32, so one frequency is kept, one blended and two divided by the factor.
    c3 = llama_config(qwen2=False)
    c3.update({"rope_theta": 100.0, "max_position_embeddings": 128, "rope_scaling": {
        "rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
        "original_max_position_embeddings": 32}})
    w3 = llama_weights(c3, seed=2031, qkv_bias=False)
    write_golden("llama3_rope", c3, w3, lambda ids, mask: llama_forward(c3, w3, ids, mask, qkv_bias=False))

    cl = llama_config(qwen2=False)
    cl.update({"rope_theta": 100.0, "rope_scaling": {"rope_type": "linear", "factor": 4.0}})
    wl = llama_weights(cl, seed=2032, qkv_bias=False)
    write_golden("llama_linear_rope", cl, wl, lambda ids, mask: llama_forward(cl, wl, ids, mask, qkv_bias=False))

    cq = llama_config(qwen2=True)
    wq = llama_weights(cq, seed=2024, qkv_bias=True)
    write_golden("qwen2", cq, wq, lambda ids, mask: llama_forward(cq, wq, ids, mask, qkv_bias=True))


if __name__ == "__main__":
    main()
