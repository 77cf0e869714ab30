package dev.elmstudio.app.dataimport;

import java.util.regex.Pattern;

/**
 * Names of datasets and embedding spaces become folder and file names, and a space's name becomes part of the
 * ELM's parameter names, which use '.' as a separator: so letters, digits, '-' and '_' only.
 */
public final class DatasetNames {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private DatasetNames() {}

    public static boolean isAllowed(String name) {
        return name != null && ALLOWED.matcher(name).matches();
    }

    /** Returns {@code name}, or fails saying what is allowed; {@code what} is "dataset" or "embedding space". */
    public static String check(String what, String name) {
        if (!isAllowed(name)) {
            throw new ImportFailure(what + " name '" + name
                    + "' is not allowed (use letters, digits, '-' and '_', at most 64 characters)");
        }
        return name;
    }

    /** A folder or file name turned into an allowed name ("ml-latest-small", "my vectors.csv" → "my_vectors"). */
    public static String suggest(String fileName) {
        String stem = fileName.replaceFirst("(\\.ids)?\\.(csv|npy|jsonl)$", "");
        String cleaned = stem.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^[_-]+", "");
        if (cleaned.isEmpty()) {
            cleaned = "data";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
