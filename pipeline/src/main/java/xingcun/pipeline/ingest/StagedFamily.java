package xingcun.pipeline.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A family's output of a run before commit: the lake files it replaces (they held keys this run updated), its file
 * counts and rejection reasons for the run report, and how it was staged.
 */
record StagedFamily(String family, List<String> replacedFiles, List<RunReport.FileResult> files, List<RunReport.RejectionReason> reasons, Staging staging)
{
    /** How a family's rows were staged (see FamilyIngest): the run's progress line says it. */
    enum Staging
    {
        /** Written in the pass that validated them: the lake held none of the family, and no key stood in two files. */
        ONE_PASS("one pass"),
        /** Validated once, cached, tallied, classified against the run and the lake, then written. */
        CACHED_PASSES("cached passes");

        private final String description;

        Staging(String description)
        {
            this.description = description;
        }

        String description()
        {
            return description;
        }
    }

    StagedFamily
    {
        requireNonNull(family, "family is null");
        replacedFiles = List.copyOf(replacedFiles);
        files = List.copyOf(files);
        reasons = List.copyOf(reasons);
        requireNonNull(staging, "staging is null");
    }

    /** The same family written in one pass. */
    StagedFamily inOnePass()
    {
        return new StagedFamily(family, replacedFiles, files, reasons, Staging.ONE_PASS);
    }
}
