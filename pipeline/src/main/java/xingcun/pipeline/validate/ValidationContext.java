package xingcun.pipeline.validate;

import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.identity.PersonalDataHasher;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What row validation needs beyond the row: the program's communities, the talents and trainings that exist
 * (in the lake or earlier in this run), the lake's key for personal data, and the latest acceptable date.
 */
public record ValidationContext(
        CommunityDirectory communities,
        Set<String> knownTalentIds,
        Set<String> knownTrainingIds,
        PersonalDataHasher personalDataHasher,
        LocalDate latestDate)
        implements Serializable
{
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

    public ValidationContext
    {
        requireNonNull(communities, "communities is null");
        // hash sets, not Set.copyOf: a lookup per row in a table of 100,000 training ids must not probe
        knownTalentIds = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(requireNonNull(knownTalentIds, "knownTalentIds is null")));
        knownTrainingIds = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(requireNonNull(knownTrainingIds, "knownTrainingIds is null")));
        requireNonNull(personalDataHasher, "personalDataHasher is null");
        requireNonNull(latestDate, "latestDate is null");
    }
}
