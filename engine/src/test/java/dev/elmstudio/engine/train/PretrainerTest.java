package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.engine.lm.CausalLm;
import dev.elmstudio.engine.train.TrainingEvent.FinishedEvent;
import dev.elmstudio.engine.train.TrainingEvent.StepEvent;
import dev.elmstudio.engine.train.TrainingEvent.ValidationEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PretrainerTest {

    @Test
    void lossFallsWellBelowItsStartOnARepetitiveCorpus() throws Exception {
        PretrainConfig config = TinyRuns.config(80).optEvalInterval(40).optEvalBatches(2).build();
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model(); Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config)) {
            TrainingResult result = trainer.run(recorder, new TrainingControl());
            List<Double> losses = recorder.losses();
            assertEquals(80, losses.size());
            double first = losses.get(0);
            assertEquals(Math.log(TinyRuns.VOCAB), first, 0.3, "an untrained model is close to uniform");
            double lastFive = losses.subList(75, 80).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(lastFive < 0.2 * first, "loss fell from " + first + " to only " + lastFive);
            List<ValidationEvent> validations = recorder.ofType(ValidationEvent.class);
            assertEquals(List.of(40, 80), validations.stream().map(ValidationEvent::step).toList());
            assertTrue(validations.get(1).loss() < 0.2 * first, "validation loss " + validations.get(1).loss());
            assertInstanceOf(FinishedEvent.class, recorder.events.get(recorder.events.size() - 1));
            assertFalse(result.cancelled());
            assertEquals(80, result.completedSteps());
        }
    }

    @Test
    void twoRunsWithTheSameSeedsGiveIdenticalLosses() throws Exception {
        assertEquals(lossesOfFreshRun(12), lossesOfFreshRun(12));
    }

    @Test
    void stepEventsCarryTheScheduleAndProgress() throws Exception {
        PretrainConfig config = TinyRuns.config(6).build();
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model(); Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), config)) {
            trainer.run(recorder, new TrainingControl());
        }
        List<StepEvent> steps = recorder.ofType(StepEvent.class);
        for (int i = 0; i < steps.size(); i++) {
            StepEvent event = steps.get(i);
            assertEquals(i + 1, event.step());
            assertEquals(6, event.totalSteps());
            assertEquals(config.schedule().at(i), event.learningRate(), 1e-15);
            assertTrue(event.tokensPerSecond() > 0 && event.gradientNorm() > 0);
        }
        assertEquals(0, steps.get(5).eta().toMillis());
    }

    @Test
    void pausedRunWaitsThenFinishesWithTheSameLosses() throws Exception {
        TrainingControl control = new TrainingControl();
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        TrainingListener pauseAtStepThree = event -> {
            recorder.onEvent(event);
            if (event instanceof StepEvent step && step.step() == 3) {
                control.pause();
                Thread.ofPlatform().start(() -> {
                    sleep(150);
                    control.resume();
                });
            }
        };
        long start = System.nanoTime();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(6).build())) {
            trainer.run(pauseAtStepThree, control);
        }
        assertTrue(System.nanoTime() - start >= 150_000_000L, "the run waited while paused");
        assertEquals(lossesOfFreshRun(6), recorder.losses());
    }

    @Test
    void cancelStopsAfterTheCurrentStep() throws Exception {
        TrainingControl control = new TrainingControl();
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(20).build())) {
            TrainingResult result = trainer.run(event -> {
                recorder.onEvent(event);
                if (event instanceof StepEvent step && step.step() == 4) {
                    control.cancel();
                }
            }, control);
            assertTrue(result.cancelled());
            assertEquals(4, result.completedSteps());
        }
        assertEquals(4, recorder.ofType(TrainingEvent.CancelledEvent.class).get(0).step());
        assertEquals(4, recorder.losses().size(), "no step after the cancel");
    }

    @Test
    void anOwningTrainerClosesItsModel() {
        CausalLm model = TinyRuns.model();
        try (Pretrainer trainer = Pretrainer.owning(model, TinyRuns.data(), TinyRuns.config(1).build())) {
            assertTrue(trainer.model().manager().isOpen());
        }
        assertFalse(model.manager().isOpen());
    }

    static List<Double> lossesOfFreshRun(int steps) throws Exception {
        TinyRuns.Recorder recorder = new TinyRuns.Recorder();
        try (CausalLm model = TinyRuns.model();
                Pretrainer trainer = new Pretrainer(model, TinyRuns.data(), TinyRuns.config(steps).build())) {
            trainer.run(recorder, new TrainingControl());
        }
        return recorder.losses();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
