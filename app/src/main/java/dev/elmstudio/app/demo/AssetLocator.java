package dev.elmstudio.app.demo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds the folder holding ELM Studio's assets (the one with {@code demo/films.jsonl}), first match wins:
 * <ol>
 *   <li>system property {@value #PROPERTY} (installers pass {@code -Delm.assets=$APPDIR/assets});</li>
 *   <li>environment variable {@value #ENVIRONMENT};</li>
 *   <li>{@code assets/} under the working directory (a clone, started from its root);</li>
 *   <li>beside the running jar: {@code <jar dir>/../../assets} (the jar in {@code app/target/}) and
 *       {@code <jar dir>/../assets} (an image with the jar in {@code lib/} or {@code app/}).</li>
 * </ol>
 * A property or variable that is set but names no assets folder is an error, not skipped: the user asked for it.
 */
public final class AssetLocator {
    public static final String PROPERTY = "elm.assets";
    public static final String ENVIRONMENT = "ELM_ASSETS";
    /** The file whose presence marks an assets folder. */
    static final Path MARKER = Path.of("demo", "films.jsonl");

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Path workingDirectory;
    private final Path jarFile;

    /**
     * @param jarFile the jar (or classes folder) the app runs from; null when unknown
     */
    public AssetLocator(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDirectory,
            Path jarFile) {
        this.properties = properties;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.jarFile = jarFile;
    }

    /** The locator of this process: its system properties, environment, working directory and jar. */
    public static AssetLocator forThisProcess() {
        return new AssetLocator(System::getProperty, System::getenv, Path.of("").toAbsolutePath(), runningJar());
    }

    /** The assets folder, normalized and absolute. */
    public Path locate() {
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return require(Path.of(property), "system property " + PROPERTY);
        }
        String variable = environment.apply(ENVIRONMENT);
        if (variable != null && !variable.isBlank()) {
            return require(Path.of(variable), "environment variable " + ENVIRONMENT);
        }
        List<Path> tried = new ArrayList<>();
        for (Path candidate : candidates()) {
            Path folder = candidate.toAbsolutePath().normalize();
            if (isAssetsFolder(folder)) {
                return folder;
            }
            tried.add(folder);
        }
        throw new AssetsNotFoundException("ELM Studio's assets folder (with " + MARKER + ") was not found. Looked in: "
                + String.join(", ", tried.stream().map(Path::toString).toList()) + ". Set -D" + PROPERTY
                + "=<folder> or " + ENVIRONMENT + "=<folder>, or start the app from the ELM Studio folder.");
    }

    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(workingDirectory.resolve("assets"));
        if (jarFile != null && jarFile.getParent() != null) {
            Path jarDir = jarFile.toAbsolutePath().getParent();
            out.add(jarDir.resolve("../../assets"));
            out.add(jarDir.resolve("../assets"));
        }
        return out;
    }

    private static Path require(Path folder, String source) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!isAssetsFolder(absolute)) {
            throw new AssetsNotFoundException(source + " names " + absolute + ", which is not an ELM Studio assets"
                    + " folder (it has no " + MARKER + ")");
        }
        return absolute;
    }

    static boolean isAssetsFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER));
    }

    private static Path runningJar() {
        try {
            CodeSource source = AssetLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException unknown) {
            return null; // an unusual class loader: the other places still count
        }
    }

    /** No assets folder where the user or the defaults said. */
    public static final class AssetsNotFoundException extends IllegalStateException {
        AssetsNotFoundException(String message) {
            super(message);
        }
    }
}
