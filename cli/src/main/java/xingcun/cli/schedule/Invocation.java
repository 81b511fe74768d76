package xingcun.cli.schedule;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One run of a job as the command line sees it: the xingcun arguments, the period they were resolved to, what the
 * run writes, and the folders to create first (the commands refuse an --out whose folder is missing).
 */
public record Invocation(List<String> arguments, Optional<String> period, List<String> outputs, List<Path> folders)
{
    public Invocation
    {
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(period, "period is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        folders = List.copyOf(requireNonNull(folders, "folders is null"));
    }
}
