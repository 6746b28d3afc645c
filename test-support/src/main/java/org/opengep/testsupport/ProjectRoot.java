package org.opengep.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root directory, found from a module's working directory (where Maven runs its tests). */
public final class ProjectRoot {

    private ProjectRoot() {}

    /** The nearest directory at or above the working directory that holds {@code openapi/}. */
    public static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("openapi"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no openapi/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
