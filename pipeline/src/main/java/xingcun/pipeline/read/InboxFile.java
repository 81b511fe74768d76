package xingcun.pipeline.read;

import xingcun.pipeline.contract.Family;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One batch file of an inbox. {@code name} is its path relative to the inbox ("service_logs/2021.csv"), which
 * is how reports, quarantine and manifests refer to it; {@code order} is its place in the run (lexical by path).
 */
public record InboxFile(Family family, Path path, String name, FileKind kind, int order)
{
    public InboxFile
    {
        requireNonNull(family, "family is null");
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
