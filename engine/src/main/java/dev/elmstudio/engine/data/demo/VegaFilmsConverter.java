package dev.elmstudio.engine.data.demo;

import dev.elmstudio.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts vega-datasets' movies.json into the demo catalogue, once, by hand: the app never reads
 * ../shared at run time. Writes {@code films.jsonl} and {@code films-cleaning.txt} (what was dropped
 * or changed and why) into the output folder.
 *
 * <pre>java -cp engine/target/classes:gson.jar dev.elmstudio.engine.data.demo.VegaFilmsConverter \
 *     ../shared/data/vega-movies.json assets/demo</pre>
 */
public final class VegaFilmsConverter {
    private VegaFilmsConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: VegaFilmsConverter <vega movies.json> <output folder>");
            System.exit(2);
        }
        Path output = Path.of(args[1]);
        VegaFilmsCleaner cleaner = new VegaFilmsCleaner();
        List<Film> films = cleaner.clean(Path.of(args[0]));
        FilmsFile.write(films, output.resolve("films.jsonl"));
        AtomicFiles.writeString(output.resolve("films-cleaning.txt"), cleaner.report().text());
        System.out.print(cleaner.report().text());
    }
}
