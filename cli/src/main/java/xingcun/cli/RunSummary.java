package xingcun.cli;

import xingcun.pipeline.ingest.Counts;
import xingcun.pipeline.ingest.RunReport;

import java.io.PrintWriter;

/** Prints an ingest run's summary: per family, then files that need attention, then the top rejection reasons. */
final class RunSummary
{
    private static final int SHOWN_REASONS = 20;
    private static final String ROW = "%-20s %5s %8s %8s %8s %10s %8s%n";

    private RunSummary() {}

    static void print(RunReport report, PrintWriter out, long elapsedMillis)
    {
        out.printf("Run %s committed as snapshot %d in %.1f s%n", report.runId(), report.snapshotId(), elapsedMillis / 1000.0);
        out.printf(ROW, "family", "files", "read", "accepted", "updated", "duplicates", "rejected");
        for (RunReport.FamilyResult family : report.families()) {
            Counts counts = family.counts();
            out.printf(ROW, family.family(), family.files(), counts.read(), counts.accepted(), counts.updated(), counts.duplicates(), counts.rejected());
        }
        Counts total = report.total();
        out.printf(ROW, "total", report.files().size(), total.read(), total.accepted(), total.updated(), total.duplicates(), total.rejected());
        for (RunReport.FileResult file : report.files()) {
            if (file.fileRule() != null) {
                String message = report.rejectionReasons().stream().filter(reason -> reason.exampleLocation().equals(file.file()))
                        .map(RunReport.RejectionReason::exampleZh).findFirst().orElse("");
                out.printf("File rejected: %s (%s, %d row%s): %s%n", file.file(), file.fileRule(), file.counts().rejected(),
                        file.counts().rejected() == 1 ? "" : "s", message);
            }
            file.notes().forEach(note -> out.printf("Note: %s: %s%n", file.file(), note));
        }
        report.skippedFiles().forEach(skipped -> out.println("Skipped: " + skipped));
        if (!report.rejectionReasons().isEmpty()) {
            out.println("Rejection reasons (rows are in " + report.lake() + "/_quarantine/):");
            report.rejectionReasons().stream().limit(SHOWN_REASONS).forEach(reason -> out.printf("  %5d  %-22s %-20s e.g. %s: %s%n",
                    reason.rows(), reason.ruleId(), reason.family(), reason.exampleLocation(), reason.exampleZh()));
            if (report.rejectionReasons().size() > SHOWN_REASONS) {
                out.printf("  … and %d more reasons in the run report%n", report.rejectionReasons().size() - SHOWN_REASONS);
            }
        }
        out.println("Run report: " + report.lake() + "/_runs/" + report.runId() + ".json");
    }
}
