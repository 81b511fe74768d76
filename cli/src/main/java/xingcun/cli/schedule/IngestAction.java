package xingcun.cli.schedule;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** xingcun ingest: loads an inbox into a lake (a folder, or a Hadoop URI such as hdfs://…). */
public record IngestAction(Path inbox, String lake, Optional<String> master)
        implements JobAction
{
    public IngestAction
    {
        requireNonNull(inbox, "inbox is null");
        requireNonNull(lake, "lake is null");
        requireNonNull(master, "master is null");
    }

    @Override
    public String command()
    {
        return "ingest";
    }

    @Override
    public Invocation invocation(String jobId, ZonedDateTime scheduledFor)
    {
        List<String> arguments = new ArrayList<>(List.of("ingest", "--inbox", inbox.toString(), "--lake", lake));
        master.ifPresent(value -> arguments.addAll(List.of("--master", value)));
        return new Invocation(arguments, Optional.empty(), List.of(lake), List.of());
    }
}
