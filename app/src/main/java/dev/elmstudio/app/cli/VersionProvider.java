package dev.elmstudio.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code elm --version}: the Maven project version, written into a resource at build time. */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/dev/elmstudio/app/elm-version.properties";

    @Override
    public String[] getVersion() {
        String java = "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
        return new String[] {"ELM Studio " + version(), java};
    }

    /** The project version, or "unknown" when the resource is missing (an IDE build without Maven). */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
