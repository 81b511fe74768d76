package xingcun.pipeline.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A family's output of a run before commit: the lake files it replaces (they held keys this run updated), and
 * its file counts and rejection reasons for the run report.
 */
record StagedFamily(String family, List<String> replacedFiles, List<RunReport.FileResult> files, List<RunReport.RejectionReason> reasons)
{
    StagedFamily
    {
        requireNonNull(family, "family is null");
        replacedFiles = List.copyOf(replacedFiles);
        files = List.copyOf(files);
        reasons = List.copyOf(reasons);
    }
}
