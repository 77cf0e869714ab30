package dev.elmstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CavCommandTest {
    @TempDir
    Path folder;

    @Test
    void aGenreOnItsOwnAxisGetsACavAndTheWorkspaceIsOnlyRead() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        String before = ElmFixtures.fingerprint(workspace);

        CliRun run = ElmFixtures.ok("cav", "--dataset", "tiny", "--space", "vectors", "--genre", "comedy",
                "-w", workspace.toString());

        assertTrue(run.out().startsWith("genre:comedy in vectors: held-out balanced accuracy"), run::toString);
        assertEquals(before, ElmFixtures.fingerprint(workspace));
    }

    @Test
    void aGenreNoMovieHasIsAClearError() throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(folder);
        CliRun run = CliRun.execute("cav", "--dataset", "tiny", "--space", "vectors", "--genre", "Musical",
                "-w", workspace.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("genre 'Musical' has 0 of 8 movies"), run::toString);
    }
}
