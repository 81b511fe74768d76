package xingcun.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where xingcun is installed (the repository root), so commands find the shipped samples from any directory. */
final class Installation
{
    private Installation() {}

    static Path home()
    {
        String home = System.getProperty("xingcun.home");
        if (home != null) {
            return Path.of(home);
        }
        // run from an IDE or a test: walk up from the working directory to the folder that has samples/
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null && !Files.isDirectory(candidate.resolve("samples/xishan-2021"))) {
            candidate = candidate.getParent();
        }
        return candidate == null ? Path.of("").toAbsolutePath() : candidate;
    }
}
