package dev.elmstudio.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLocatorTest {
    @TempDir
    Path temp;

    private Path assetsAt(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("demo"));
        Files.writeString(folder.resolve("demo").resolve("films.jsonl"), "{}\n");
        return folder.toAbsolutePath().normalize();
    }

    private static AssetLocator locator(Map<String, String> properties, Map<String, String> environment, Path cwd,
            Path jar) {
        return new AssetLocator(properties::get, environment::get, cwd, jar);
    }

    @Test
    void theSystemPropertyWinsOverEverythingElse() throws IOException {
        Path chosen = assetsAt(temp.resolve("chosen"));
        Path env = assetsAt(temp.resolve("env"));
        Path cwd = temp.resolve("cwd");
        assetsAt(cwd.resolve("assets"));
        assertEquals(chosen, locator(Map.of(AssetLocator.PROPERTY, chosen.toString()),
                Map.of(AssetLocator.ENVIRONMENT, env.toString()), cwd, null).locate());
    }

    @Test
    void theEnvironmentVariableComesNextThenTheWorkingDirectory() throws IOException {
        Path env = assetsAt(temp.resolve("env"));
        Path cwd = temp.resolve("cwd");
        Path inCwd = assetsAt(cwd.resolve("assets"));
        assertEquals(env, locator(Map.of(), Map.of(AssetLocator.ENVIRONMENT, env.toString()), cwd, null).locate());
        assertEquals(inCwd, locator(Map.of(), Map.of(), cwd, null).locate());
    }

    @Test
    void besideTheJarBothLayoutsAreFound() throws IOException {
        // a clone: <root>/app/target/app.jar with <root>/assets
        Path clone = temp.resolve("clone");
        Path cloneAssets = assetsAt(clone.resolve("assets"));
        Path cloneJar = clone.resolve("app/target/app-0.1.0.jar");
        assertEquals(cloneAssets, locator(Map.of(), Map.of(), temp.resolve("elsewhere"), cloneJar).locate());
        // an app image: <image>/lib/app/app.jar with <image>/lib/assets
        Path image = temp.resolve("image");
        Path imageAssets = assetsAt(image.resolve("lib/assets"));
        Path imageJar = image.resolve("lib/app/app-0.1.0.jar");
        assertEquals(imageAssets, locator(Map.of(), Map.of(), temp.resolve("elsewhere"), imageJar).locate());
    }

    @Test
    void aPropertyNamingTheWrongFolderIsAnErrorNotSkipped() throws IOException {
        Path cwd = temp.resolve("cwd");
        assetsAt(cwd.resolve("assets"));
        Path wrong = Files.createDirectories(temp.resolve("not-assets"));
        AssetLocator.AssetsNotFoundException e = assertThrows(AssetLocator.AssetsNotFoundException.class,
                () -> locator(Map.of(AssetLocator.PROPERTY, wrong.toString()), Map.of(), cwd, null).locate());
        assertTrue(e.getMessage().contains("system property elm.assets") && e.getMessage().contains(wrong.toString()),
                e.getMessage());
    }

    @Test
    void nothingFoundSaysWhereItLookedAndWhatToSet() {
        Path cwd = temp.resolve("cwd");
        Path jar = temp.resolve("x/y/app.jar");
        AssetLocator.AssetsNotFoundException e = assertThrows(AssetLocator.AssetsNotFoundException.class,
                () -> locator(Map.of(), Map.of(), cwd, jar).locate());
        assertTrue(e.getMessage().contains(cwd.resolve("assets").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(temp.resolve("assets").toString()), e.getMessage()); // <jar dir>/../../assets
        assertTrue(e.getMessage().contains("-Delm.assets") && e.getMessage().contains("ELM_ASSETS"), e.getMessage());
    }
}
