package dev.elmstudio.app.cli;

import java.util.regex.Pattern;

/**
 * Names of datasets and embedding spaces become folder and file names, and a space's name becomes part of the
 * ELM's parameter names, which use '.' as a separator: so letters, digits, '-' and '_' only.
 */
final class DatasetNames {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private DatasetNames() {}

    static String check(String command, String what, String name) {
        if (!ALLOWED.matcher(name).matches()) {
            throw new CommandFailure(command + ": " + what + " name '" + name
                    + "' is not allowed (use letters, digits, '-' and '_', at most 64 characters)");
        }
        return name;
    }
}
