package dev.elmstudio.app.cli;

import ai.djl.Device;
import dev.elmstudio.engine.checkpoint.LmCheckpoint;
import dev.elmstudio.engine.device.DeviceChoice;
import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.Generator;
import dev.elmstudio.engine.tokenizer.Tokenizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code elm generate}: continues a text prompt with a language model folder (config.json, model.safetensors,
 * tokenizer.json — what {@code elm pretrain} writes), streaming the text as it is decoded. With {@code --elm} it
 * instead asks a trained ELM about an entity ({@code --entity ID}) or a point between two
 * ({@code --interpolate ID1 ID2 --alpha a}); see {@link ElmGeneration}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Continue a prompt with a language model folder, or generate from an ELM and an entity.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder with config.json, model.safetensors and tokenizer.json.")
    Path model;

    @Option(names = "--prompt", description = "Text to continue (with --model).")
    String prompt;

    @Option(names = "--elm", paramLabel = "RUN|DIR", description = "A trained ELM: a run id of --workspace, or an ELM folder.")
    String elm;

    @Option(names = "--entity", paramLabel = "ID", description = "Entity whose vector fills the prompt's slot.")
    Integer entity;

    @Option(names = "--interpolate", arity = "2", paramLabel = "ID", description = "Two entities to mix (with --alpha).")
    List<Integer> interpolate;

    @Option(names = "--alpha", description = "Weight of the first --interpolate entity (default ${DEFAULT-VALUE}).")
    double alpha = 0.5;

    @Option(names = "--cav", paramLabel = "GENRE", description = "Shift the vector along this genre's CAV (see 'elm cav').")
    String cavGenre;

    @Option(names = "--strength", description = "How far to shift along --cav (default ${DEFAULT-VALUE}).")
    double strength = 1.0;

    @Option(names = "--task", description = "Task whose prompt to use (default: the ELM's first).")
    String task;

    @Option(names = "--embeddings", paramLabel = "FILE", description = "Vectors (.npy or .csv) for an ELM folder.")
    Path embeddings;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Workspace of --elm RUN; the text is recorded there.")
    Path workspaceFolder;

    @Option(names = "--max-tokens", description = "Default ${DEFAULT-VALUE}.")
    int maxTokens = 64;

    @Option(names = "--temperature", description = "0 = greedy (default ${DEFAULT-VALUE}).")
    double temperature = 0;

    @Option(names = "--top-k", description = "0 = off (default ${DEFAULT-VALUE}).")
    int topK = 0;

    @Option(names = "--top-p", description = "1 = off (default ${DEFAULT-VALUE}).")
    double topP = 1.0;

    @Option(names = "--seed", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--device", paramLabel = "DEV", description = "cpu, gpu, gpu:N or auto (default ${DEFAULT-VALUE}).")
    String device = "cpu";

    @Option(names = "--stop", description = "Stop strings (repeatable).")
    List<String> stops = List.of();

    /** The --device asked for, checked against the GPUs PyTorch sees. */
    Device device() {
        try {
            return DeviceChoice.parse(device).resolve();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("generate: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        device(); // an unknown or absent device fails before any model is read
        if ((model == null) == (elm == null)) {
            throw new CommandFailure("generate: give either --model (a language model) or --elm (an ELM)");
        }
        GenerationConfig config;
        try {
            config = new GenerationConfig(maxTokens, temperature, topK, topP, seed, stops, List.of());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("generate: " + e.getMessage(), e);
        }
        if (elm != null) {
            return new ElmGeneration(this, config).run(spec.commandLine().getOut());
        }
        if (prompt == null) {
            throw new CommandFailure("generate: --model needs --prompt");
        }
        return continuePrompt(config);
    }

    private int continuePrompt(GenerationConfig config) throws Exception {
        Path tokenizerFile = model.resolve("tokenizer.json");
        if (!Files.isDirectory(model)) {
            throw new CommandFailure("generate: model folder not found: " + model);
        }
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new CommandFailure("generate: " + model + " has no tokenizer.json (needed to tokenize the prompt)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (CausalLm lm = LmCheckpoint.load(model, device()); Tokenizer tokenizer = Tokenizer.load(tokenizerFile)) {
            config = endsAtEos(config, tokenizer);
            int[] printed = {0};
            out.print(prompt);
            Generation generation = new Generator(lm, tokenizer::decode).generate(tokenizer.encode(prompt), config,
                    (id, text) -> {
                        // Stop strings are cut from the final text, so print only what can no longer be cut.
                        int safe = Math.max(printed[0], text.length() - longestStop());
                        out.print(text.substring(printed[0], safe));
                        out.flush();
                        printed[0] = safe;
                        return true;
                    });
            out.println(generation.text().substring(Math.min(printed[0], generation.text().length())));
            out.flush();
        }
        return 0;
    }

    private int longestStop() {
        return stops.stream().mapToInt(String::length).max().orElse(0);
    }

    /** End at the tokenizer's end-of-sequence when it has one (our tokenizers do; GPT-2's own does not). */
    private static GenerationConfig endsAtEos(GenerationConfig config, Tokenizer tokenizer) {
        try {
            return config.withStopTokenIds(List.of(tokenizer.eosId()));
        } catch (IllegalStateException noEos) {
            return config;
        }
    }
}
