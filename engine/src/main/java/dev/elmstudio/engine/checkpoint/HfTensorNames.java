package dev.elmstudio.engine.checkpoint;

import dev.elmstudio.engine.lm.LmConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The table that turns a Hugging Face weights file into the engine's parameters. The engine already uses
 * Hugging Face names, so what is left is the few places where files and engine differ:
 *
 * <ul>
 *   <li>GPT-2's attention and MLP projections are {@code Conv1D} modules whose weights are stored [in, out];
 *       the engine keeps every projection in torch.nn.Linear layout [out, in].
 *   <li>Files saved from a bare base model ({@code GPT2Model}, {@code LlamaModel}) lack the
 *       "transformer." / "model." prefix, like OpenAI's own GPT-2 upload.
 *   <li>Some files carry buffers that are not parameters (GPT-2's causal-mask "attn.bias", old Llama
 *       "rotary_emb.inv_freq"), or a copy of a tied head; transformers skips these too.
 * </ul>
 */
final class HfTensorNames {
    private static final Pattern GPT2_CONV1D_WEIGHT =
            Pattern.compile("transformer\\.h\\.\\d+\\.(attn\\.c_attn|attn\\.c_proj|mlp\\.c_fc|mlp\\.c_proj)\\.weight");

    private static final Pattern NON_PARAMETER_BUFFER = Pattern.compile(
            "transformer\\.h\\.\\d+\\.attn\\.(bias|masked_bias)|model\\.layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq");

    static final String HEAD = "lm_head.weight";

    private HfTensorNames() {}

    /** True for a weight stored transposed ([in, out]) in Hugging Face files, relative to the engine. */
    static boolean isStoredTransposed(String engineName) {
        return GPT2_CONV1D_WEIGHT.matcher(engineName).matches();
    }

    /** True for a tensor that a file may hold but that is not a parameter of a model with {@code config}. */
    static boolean isIgnoredOnLoad(String engineName, LmConfig config) {
        // With tied embeddings the head *is* the token embedding; a stored copy is redundant.
        return NON_PARAMETER_BUFFER.matcher(engineName).matches()
                || (config.tieWordEmbeddings() && engineName.equals(HEAD));
    }

    /**
     * Engine name → name in the file, for every tensor in the file. When no name carries the base-model
     * prefix ("transformer." or "model."), the file was saved from the bare base model and the prefix is
     * added, as transformers does when loading such a file into a *ForCausalLM model.
     */
    static Map<String, String> engineToFileNames(Collection<String> fileNames, LmConfig config) {
        String prefix = config.isGpt2() ? "transformer." : "model.";
        boolean bare = fileNames.stream().noneMatch(name -> name.startsWith(prefix));
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : fileNames) {
            String engineName = bare && !name.equals(HEAD) ? prefix + name : name;
            out.put(engineName, name);
        }
        return out;
    }
}
