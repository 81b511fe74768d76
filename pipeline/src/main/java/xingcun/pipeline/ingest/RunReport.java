package xingcun.pipeline.ingest;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one ingest run did, per file and per family, written to lake/_runs/&lt;run-id&gt;.json and printed as the
 * run's summary.
 */
public record RunReport(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        String inbox,
        String lake,
        long snapshotId,
        List<FileResult> files,
        List<FamilyResult> families,
        List<RejectionReason> rejectionReasons,
        List<String> skippedFiles)
{
    public RunReport
    {
        requireNonNull(runId, "runId is null");
        files = List.copyOf(files);
        families = List.copyOf(families);
        rejectionReasons = List.copyOf(rejectionReasons);
        skippedFiles = List.copyOf(skippedFiles);
    }

    /** One file's outcome; fileRule is set when the whole file was rejected (missing column, encoding, broken XLSX). */
    public record FileResult(String file, String family, String kind, Counts counts, String fileRule, List<String> notes)
    {
        public FileResult
        {
            notes = List.copyOf(notes);
        }
    }

    public record FamilyResult(String family, int files, Counts counts) {}

    /** Every rule that rejected rows in a family, with how many and one example (a clerk's message and file:row). */
    public record RejectionReason(String family, String ruleId, long rows, String exampleZh, String exampleEn, String exampleLocation) {}

    public Counts total()
    {
        return families.stream().map(FamilyResult::counts).reduce(Counts.zero(), Counts::plus);
    }
}
