package dev.elmstudio.engine.elm;

import dev.elmstudio.engine.tokenizer.SpecialTokens;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns examples into padded batches. A sequence is
 *
 * <pre>
 *   &lt;|bos|&gt; prompt-with-slots target &lt;|eos|&gt;
 * </pre>
 *
 * where each slot occupies ℓ positions (the ℓ of its space's adapter) holding the slot's {@code <|slot_k|>} token
 * (k = the slot's index in the prompt) until the model replaces their embeddings with E_A(w). Inputs are the
 * sequence without its last token, targets the sequence shifted by one, and the loss mask keeps the positions
 * whose next token is a target token or the final end-of-sequence, so the prompt never counts. Right padding:
 * with causal attention the padding of a row cannot reach its real tokens.
 */
public final class Collator {
    private final Tokenizer tokenizer;
    private final Map<String, AdapterConfig> spaces;
    private final int maxLength;
    private final Map<String, long[]> textCache = new ConcurrentHashMap<>();

    /**
     * @param spaces embedding space name → its adapter's shape (for d and ℓ)
     * @param maxLength longest sequence the LM accepts
     */
    public Collator(Tokenizer tokenizer, Map<String, AdapterConfig> spaces, int maxLength) {
        this.tokenizer = tokenizer;
        this.spaces = Map.copyOf(spaces);
        this.maxLength = maxLength;
    }

    /** A training batch: prompts followed by their targets. */
    public ElmBatch collate(List<ElmExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot collate an empty batch");
        }
        List<Encoded> encoded = new ArrayList<>(examples.size());
        int longest = 0;
        for (ElmExample example : examples) {
            Encoded e = encode(example, true);
            encoded.add(e);
            longest = Math.max(longest, e.ids.length - 1);
        }
        int b = examples.size();
        int t = longest;
        long[] inputs = new long[b * t];
        long[] targets = new long[b * t];
        float[] attention = new float[b * t];
        float[] loss = new float[b * t];
        Arrays.fill(inputs, tokenizer.padId());
        long tokens = 0;
        for (int row = 0; row < b; row++) {
            Encoded e = encoded.get(row);
            int n = e.ids.length - 1;
            for (int i = 0; i < n; i++) {
                int at = row * t + i;
                inputs[at] = e.ids[i];
                attention[at] = 1f;
                if (i + 1 >= e.promptLength) {
                    targets[at] = e.ids[i + 1];
                    loss[at] = 1f;
                }
            }
            tokens += n;
        }
        return new ElmBatch(b, t, inputs, targets, attention, loss, slotInputs(examples, encoded, t), tokens);
    }

    /** A generation prompt of one example (its target is ignored): {@code <|bos|> prompt}, batch of one. */
    public ElmBatch prompt(ElmExample example) {
        Encoded e = encode(example, false);
        int t = e.ids.length;
        float[] ones = new float[t];
        Arrays.fill(ones, 1f);
        return new ElmBatch(1, t, e.ids, new long[t], ones, new float[t], slotInputs(List.of(example), List.of(e), t),
                t);
    }

    private Map<String, ElmBatch.SlotInputs> slotInputs(List<ElmExample> examples, List<Encoded> encoded, int t) {
        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int row = 0; row < examples.size(); row++) {
            ElmExample example = examples.get(row);
            for (SlotSpan span : encoded.get(row).spans) {
                vectors.computeIfAbsent(span.space, k -> new ArrayList<>()).add(example.vectors().get(span.slot));
                List<Integer> at = positions.computeIfAbsent(span.space, k -> new ArrayList<>());
                for (int j = 0; j < span.length; j++) {
                    at.add(row * t + span.start + j);
                }
            }
        }
        Map<String, ElmBatch.SlotInputs> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<float[]>> entry : vectors.entrySet()) {
            int d = spaces.get(entry.getKey()).inputDim();
            List<float[]> list = entry.getValue();
            float[] flat = new float[list.size() * d];
            for (int i = 0; i < list.size(); i++) {
                System.arraycopy(list.get(i), 0, flat, i * d, d);
            }
            int[] at = positions.get(entry.getKey()).stream().mapToInt(Integer::intValue).toArray();
            result.put(entry.getKey(), new ElmBatch.SlotInputs(list.size(), flat, at));
        }
        return result;
    }

    private record SlotSpan(String slot, String space, int start, int length) {}

    private record Encoded(long[] ids, int promptLength, List<SlotSpan> spans) {}

    private Encoded encode(ElmExample example, boolean withTarget) {
        List<Long> ids = new ArrayList<>();
        List<SlotSpan> spans = new ArrayList<>();
        ids.add(tokenizer.bosId());
        int slotIndex = 0;
        for (PromptTemplate.Part part : example.template().parts()) {
            if (part instanceof PromptTemplate.Text text) {
                addAll(ids, encodeText(text.value()));
            } else if (part instanceof PromptTemplate.Slot slot) {
                AdapterConfig space = spaces.get(slot.space());
                if (space == null) {
                    throw new IllegalArgumentException("slot {" + slot.name() + "} reads space '" + slot.space()
                            + "', which this model has no adapter for (spaces: " + spaces.keySet() + ")");
                }
                float[] vector = example.vectors().get(slot.name());
                if (vector.length != space.inputDim()) {
                    throw new IllegalArgumentException("example '" + example.entityId() + "': slot {" + slot.name()
                            + "} needs a vector of dimension " + space.inputDim() + " (space '" + slot.space()
                            + "'), got " + vector.length);
                }
                long token = tokenizer.slotId(Math.min(slotIndex++, SpecialTokens.SLOT_COUNT - 1));
                spans.add(new SlotSpan(slot.name(), slot.space(), ids.size(), space.tokens()));
                for (int j = 0; j < space.tokens(); j++) {
                    ids.add(token);
                }
            }
        }
        int promptLength = ids.size();
        if (withTarget) {
            addAll(ids, example.target().isEmpty() ? new long[0] : tokenizer.encode(example.target())); // not cached: targets are one-off
            ids.add(tokenizer.eosId());
        }
        if (ids.size() - (withTarget ? 1 : 0) > maxLength) {
            throw new IllegalArgumentException("example '" + example.entityId() + "' needs " + ids.size()
                    + " positions; the LM takes at most " + maxLength);
        }
        return new Encoded(ids.stream().mapToLong(Long::longValue).toArray(), promptLength, spans);
    }

    /** Prompt pieces repeat in every example of a task, so their (native) encoding is cached. */
    private long[] encodeText(String text) {
        return text.isEmpty() ? new long[0] : textCache.computeIfAbsent(text, tokenizer::encode);
    }

    private static void addAll(List<Long> ids, long[] values) {
        for (long v : values) {
            ids.add(v);
        }
    }
}
