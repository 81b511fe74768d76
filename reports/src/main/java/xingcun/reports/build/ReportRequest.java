package xingcun.reports.build;

import xingcun.reports.definition.Language;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Which report to make: its kind, period and language, and for whom (a community or a talent) when the kind asks. */
public record ReportRequest(String kind, ReportingPeriod period, Language language, Optional<String> community, Optional<String> talent)
{
    public ReportRequest
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(period, "period is null");
        requireNonNull(language, "language is null");
        requireNonNull(community, "community is null");
        requireNonNull(talent, "talent is null");
    }
}
