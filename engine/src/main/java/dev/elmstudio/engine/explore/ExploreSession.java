package dev.elmstudio.engine.explore;

import dev.elmstudio.engine.data.embedding.EmbeddingSpace;
import dev.elmstudio.engine.elm.ElmModel;
import dev.elmstudio.engine.elm.PromptTemplate;
import dev.elmstudio.engine.lm.Generation;
import dev.elmstudio.engine.lm.GenerationConfig;
import dev.elmstudio.engine.lm.TokenListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * A loaded ELM with the embedding space its adapter reads: turns an {@link ExploreInput} into the vector for the
 * prompt's slot, generates from it, and answers which real entities are nearest. Generations run one at a time
 * (they share the model and the CPU); {@link LatestGeneration} decides which one runs. Closing it closes the model.
 */
public final class ExploreSession implements AutoCloseable {
    private final ElmModel model;
    private final String adapterSpace;
    private final EmbeddingSpace space;
    private final IntFunction<float[]> vectorOf;
    private final ConceptDirections concepts;
    private final NearestEntities nearest;
    private final EmbeddingSpace semantic;
    private final ReentrantLock generating = new ReentrantLock();

    /**
     * @param concepts the space's concept directions (may offer none)
     * @param semantic the dataset's semantic (text-encoder) space for SC, the same object as {@code space} when
     *     the ELM reads the semantic space itself, or null when there is none
     */
    public ExploreSession(ElmModel model, EmbeddingSpace space, ConceptDirections concepts, EmbeddingSpace semantic) {
        // One adapter: it reads this space whatever it is called. Several (a space per slot): the one named after it.
        if (model.spaces().size() == 1) {
            this.adapterSpace = model.spaces().keySet().iterator().next();
        } else if (model.spaces().containsKey(space.name())) {
            this.adapterSpace = space.name();
        } else {
            throw new IllegalArgumentException("the ELM's adapters " + model.spaces().keySet() + " include none for"
                    + " space '" + space.name() + "'");
        }
        int adapterInput = model.spaces().get(adapterSpace).inputDim();
        if (adapterInput != space.dimension()) {
            throw new IllegalArgumentException("space '" + space.name() + "' has dimension " + space.dimension()
                    + " but the ELM's adapter reads " + adapterInput);
        }
        this.model = model;
        this.space = space;
        this.vectorOf = space.byId();
        this.concepts = concepts;
        this.nearest = new NearestEntities(space);
        this.semantic = semantic;
    }

    public EmbeddingSpace space() {
        return space;
    }

    public ConceptDirections concepts() {
        return concepts;
    }

    /** Tasks whose prompt has exactly one slot, read by this space's adapter (what one point can fill). */
    public List<String> tasks() {
        List<String> tasks = new ArrayList<>();
        model.templates().forEach((task, template) -> {
            if (fillsOneSlot(template)) {
                tasks.add(task);
            }
        });
        return tasks;
    }

    private boolean fillsOneSlot(PromptTemplate template) {
        return template.slots().size() == 1 && adapterSpace.equals(template.slotSpaces().values().iterator().next());
    }

    public String prompt(String task) {
        return template(task).text();
    }

    public boolean contains(int entity) {
        return space.rowOf(entity) >= 0;
    }

    /** The slot's vector for {@code input} (trains the concept's CAV on first use). */
    public float[] vectorFor(ExploreInput input) {
        float[] point = input.interpolates()
                ? VectorMoves.between(vector(input.entity()), vector(input.second()), input.t())
                : vector(input.entity());
        return input.shifts() ? concepts.get(input.concept()).shift(point, input.alpha()) : point;
    }

    /**
     * The semantic embedding w_s that SC compares a text with, or null without a semantic space. When the ELM reads
     * the semantic space this is the very point it was given; otherwise it is the entity's (or the interpolated
     * entities') semantic vector, which a concept shift in another space cannot move.
     */
    public float[] semanticTargetFor(ExploreInput input) {
        if (semantic == null) {
            return null;
        }
        if (semantic == space) {
            return vectorFor(input);
        }
        int first = semantic.rowOf(input.entity());
        if (first < 0) {
            return null;
        }
        if (!input.interpolates()) {
            return semantic.vector(first);
        }
        int second = semantic.rowOf(input.second());
        return second < 0 ? null : VectorMoves.between(semantic.vector(first), semantic.vector(second), input.t());
    }

    public boolean hasSemanticSpace() {
        return semantic != null;
    }

    public List<NearestEntities.Neighbour> nearest(float[] vector, int k) {
        return nearest.nearest(vector, k);
    }

    /** Generates for {@code task} from {@code vector}; the listener returning false stops it (cancelled). */
    public Generation generate(String task, float[] vector, GenerationConfig config, TokenListener listener) {
        PromptTemplate template = template(task);
        generating.lock();
        try {
            return model.generate(template, Map.of(template.slots().get(0), vector), config, listener);
        } finally {
            generating.unlock();
        }
    }

    private PromptTemplate template(String task) {
        PromptTemplate template = model.templates().get(task);
        if (template == null) {
            throw new IllegalArgumentException("the ELM has no task '" + task + "' (it has "
                    + String.join(", ", model.templates().keySet()) + ")");
        }
        if (!fillsOneSlot(template)) {
            throw new IllegalArgumentException("task '" + task + "' has " + template.slots().size()
                    + " slots " + template.slotSpaces() + "; Explore fills one slot read by space '" + space.name() + "'");
        }
        return template;
    }

    private float[] vector(int entity) {
        if (space.rowOf(entity) < 0) {
            throw new IllegalArgumentException("entity " + entity + " has no vector in space '" + space.name() + "'");
        }
        return vectorOf.apply(entity);
    }

    /** Closes the model once no generation runs. */
    @Override
    public void close() {
        generating.lock();
        try {
            model.close();
        } finally {
            generating.unlock();
        }
    }
}
