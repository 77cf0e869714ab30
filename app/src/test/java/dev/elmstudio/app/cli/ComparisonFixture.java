package dev.elmstudio.app.cli;

import java.nio.file.Path;

/**
 * A tiny workspace for the Compare tests outside this package: dataset "tiny" (8 films, 6 users), ELM run 1 trained
 * on it, its text-only baseline registered by {@code elm baseline}, and one evaluation of both ({@code elm eval
 * --baseline}, 4 items). Everything is built by the real commands.
 */
public final class ComparisonFixture {
    private ComparisonFixture() {}

    public static Path workspaceWithBaseline(Path parent) throws Exception {
        Path workspace = ElmFixtures.preparedWorkspace(parent);
        BaselineCommandTest.trainTinyElm(workspace);
        ElmFixtures.ok("baseline", "--elm", "1", "--steps", "20", "-w", workspace.toString());
        ElmFixtures.ok("eval", "1", "--baseline", "--limit", "4", "--max-tokens", "8", "-w", workspace.toString());
        return workspace;
    }
}
