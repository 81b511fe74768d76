package xingcun.reports.build;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Whom a report is about, resolved against the warehouse: the district, one community (by code) or one talent. */
public record ReportSubject(String name, Optional<String> communityCode, Optional<String> talentId)
{
    public ReportSubject
    {
        requireNonNull(name, "name is null");
        requireNonNull(communityCode, "communityCode is null");
        requireNonNull(talentId, "talentId is null");
    }
}
