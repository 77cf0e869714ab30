package dev.elmstudio.app.compare;

import dev.elmstudio.app.jobs.ElmRunSettings;
import dev.elmstudio.engine.data.Catalogue;
import dev.elmstudio.engine.data.task.TaskExample;

/**
 * Whether a task example is about films only: every slot reads the run's film space and names a film of the
 * catalogue. Only such items have titles for the text-only baseline and films to score SC/BC against; ids alone
 * cannot tell, because user 3 and film 3 share the number.
 */
public final class FilmSlots {
    private FilmSlots() {}

    public static boolean allFilms(ElmRunSettings settings, TaskExample task, Catalogue catalogue) {
        return task.slots().entrySet().stream().allMatch(slot -> settings.spaceFor(slot.getKey()).equals(settings.space())
                && catalogue.byId(slot.getValue()).isPresent());
    }
}
