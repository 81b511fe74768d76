package xingcun.pipeline.sample;

import xingcun.pipeline.sample.DivisionHierarchy.County;
import xingcun.pipeline.sample.DivisionHierarchy.Prefecture;
import xingcun.pipeline.sample.SampleTable.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a county- or province-scale synthetic inbox: a generated division table, the experts dispatched to its
 * communities and everything they record over the years — in the formats, encodings and hand-typed styles of the
 * Xishan sample, with about 0.3 % deliberately bad rows — and manifest.json saying what the ingest must make of it.
 *
 * <p>Deterministic: the same options write the same bytes, whatever the machine or clock. It streams: counties are
 * drawn one after another and their rows go straight to the open ledgers, so memory holds one county (and one
 * prefecture's roster and project workbooks), never a family's rows.
 */
public final class ScaleInboxGenerator
{
    private ScaleInboxGenerator() {}

    public static InboxManifest write(Path inbox, ScaleOptions options)
    {
        try {
            return generate(inbox, options);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + options.profile().label() + " inbox to " + inbox + ": " + e.getMessage(), e);
        }
    }

    private static InboxManifest generate(Path inbox, ScaleOptions options)
            throws IOException
    {
        SampleRandom random = new SampleRandom(SampleRandom.derive(options.seed(), 0));
        DivisionHierarchy divisions = DivisionHierarchy.generate(options.profile(), random);
        int talents = options.talents().orElseGet(() -> options.profile().defaultTalents(random));
        List<County> counties = divisions.counties();
        int[] talentsByCounty = apportion(talents, counties, random);
        List<SeasonalCalendar> calendars = new ArrayList<>();
        for (int year = options.periodStart().getYear(); year <= options.periodEnd().getYear(); year++) {
            calendars.add(new SeasonalCalendar(year));
        }
        GeneratedInboxFolder.prepare(inbox);
        InboxManifest manifest;
        try (InboxFiles files = new InboxFiles(inbox)) {
            CommunityTable.write(files, divisions);
            ScaleLedgers ledgers = new ScaleLedgers(files, options.profile().ledgerPeriod());
            int countyIndex = 0;
            for (Prefecture prefecture : divisions.prefectures()) {
                List<Row> roster = new ArrayList<>();
                ScaleProjects projects = new ScaleProjects(prefecture.code(), prefecture.name());
                for (County county : prefecture.counties()) {
                    CountyScope scope = new CountyScope(county, SampleRandom.derive(options.seed(), 100 + countyIndex), ledgers);
                    writeCounty(scope, talentsByCounty[countyIndex], options, calendars, roster, projects);
                    countyIndex++;
                }
                if (!roster.isEmpty()) {
                    files.writeWorkbook(CountyTalents.roster(prefecture.name(), roster));
                }
                if (!projects.isEmpty()) {
                    files.writeWorkbook(projects.table());
                }
            }
            manifest = manifest(options, talents, divisions, files);
        }
        manifest.write(inbox.resolve(InboxManifest.FILE_NAME));
        return manifest;
    }

    private static void writeCounty(CountyScope scope, int talentCount, ScaleOptions options, List<SeasonalCalendar> calendars, List<Row> roster,
            ScaleProjects projects)
            throws IOException
    {
        List<ScaleTalent> talents = CountyTalents.draw(scope.county(), talentCount, options, scope.people(), scope.random());
        CountyTalents.addRosterRows(talents, scope.bad(), scope.random(), roster);
        Set<ScaleCommunity> served = new LinkedHashSet<>();
        talents.forEach(talent -> served.add(talent.community()));
        for (SeasonalCalendar calendar : calendars) {
            LocalDate yearStart = calendar.firstDay();
            LocalDate yearEnd = calendar.lastDay();
            for (ScaleTalent talent : talents) {
                LocalDate from = talent.cycleStart().isAfter(yearStart) ? talent.cycleStart() : yearStart;
                double share = (yearEnd.toEpochDay() - from.toEpochDay() + 1.0) / yearStart.lengthOfYear();
                writeTalentYear(scope, talent, calendar, from, yearEnd, share, projects);
            }
            for (ScaleCommunity community : served) {
                ScaleIndustry.write(scope, community, yearStart.getYear());
            }
        }
    }

    /** share: the part of the year the expert serves (a second-batch expert starts in July). */
    private static void writeTalentYear(CountyScope scope, ScaleTalent talent, SeasonalCalendar calendar, LocalDate from, LocalDate to, double share,
            ScaleProjects projects)
            throws IOException
    {
        int logs = (int) Math.round(Math.min(ScaleServiceLogs.MAX_LOGS, Math.max(20, ScaleServiceLogs.MEAN_LOGS * talent.activity())) * share);
        int sessions = (int) Math.round(Math.max(1, ScaleTrainings.MEAN_SESSIONS * Math.sqrt(talent.activity())) * share);
        BitSet taken = new BitSet();
        List<ScaleTrainings.Session> held = ScaleTrainings.write(scope, talent, calendar, from, Math.min(sessions, logs / 2), taken);
        ScaleServiceLogs.write(scope, talent, calendar, from, logs, held, taken);
        ScaleEvaluations.write(scope, talent, from.getYear());
        ScaleYouthTalents.write(scope, talent, from, to);
        ScaleIpOutputs.write(scope, talent, from, to);
        projects.add(scope, talent, from, to);
    }

    /** Talents over counties in proportion to their communities, each county weighted by a random 0.6–1.4 (largest remainders). */
    private static int[] apportion(int talents, List<County> counties, SampleRandom random)
    {
        double[] weights = new double[counties.size()];
        double total = 0;
        for (int c = 0; c < weights.length; c++) {
            weights[c] = counties.get(c).communities().size() * (0.6 + 0.8 * random.fraction());
            total += weights[c];
        }
        int[] shares = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int c = 0; c < weights.length; c++) {
            double exact = talents * weights[c] / total;
            shares[c] = (int) exact;
            remainders[c] = exact - shares[c];
            given += shares[c];
        }
        for (; given < talents; given++) {
            int largest = 0;
            for (int c = 1; c < remainders.length; c++) {
                largest = remainders[c] > remainders[largest] ? c : largest;
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }

    private static InboxManifest manifest(ScaleOptions options, int talents, DivisionHierarchy divisions, InboxFiles files)
    {
        var families = files.counts();
        long rows = families.values().stream().mapToLong(InboxManifest.FamilyCounts::rows).sum();
        long bad = families.values().stream().mapToLong(InboxManifest.FamilyCounts::badRows).sum();
        return new InboxManifest(options.profile().label(), options.seed(), talents, options.years(), options.periodStart().toString(),
                options.periodEnd().toString(), divisions.prefectures().size(), divisions.counties().size(), divisions.subdistrictCount(),
                divisions.communityCount(), rows, bad, families);
    }
}
