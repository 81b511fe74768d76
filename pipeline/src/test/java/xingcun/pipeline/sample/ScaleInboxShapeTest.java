package xingcun.pipeline.sample;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.normalize.DateParser;
import xingcun.pipeline.sample.DivisionHierarchy.County;
import xingcun.pipeline.sample.DivisionHierarchy.Subdistrict;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes the profiles promise: a division table like the statistics bureau's, a province of Yunnan's size, and a
 * county's year whose service follows the farming calendar, whose trainings fill the slack season, whose activity
 * gathers in a few communities and which holds about 0.3 % bad rows.
 */
class ScaleInboxShapeTest
{
    private static InboxManifest manifest;
    private static List<CSVRecord> serviceLogs;
    private static List<CSVRecord> trainings;

    @TempDir
    static Path inbox;

    @BeforeAll
    static void generateACounty()
            throws IOException
    {
        manifest = ScaleInboxGenerator.write(inbox, new ScaleOptions(ScaleProfile.COUNTY, 3, OptionalInt.empty(), 1));
        serviceLogs = records(inbox.resolve("service_logs/2025年服务台账.csv"), Charset.forName("GBK"));
        trainings = records(inbox.resolve("trainings/2025年培训台账.csv"), Charset.forName("UTF-8"));
    }

    @Test
    void countyProfileHasTheShapeOfACounty()
    {
        assertThat(manifest.counties()).isEqualTo(1);
        assertThat(manifest.subdistricts()).isBetween(8, 12);
        assertThat(manifest.communities()).isBetween(150, 250);
        assertThat(manifest.talents()).isBetween(60, 100);
        assertThat(manifest.families().get("service_logs").rows()).isBetween(manifest.talents() * 70L, manifest.talents() * 120L);
        assertThat((double) manifest.badRows() / manifest.rows()).isBetween(0.0015, 0.0045);
    }

    @Test
    void provinceHasYunnansCountiesAndAboutSevenThousandCommunities()
    {
        DivisionHierarchy province = DivisionHierarchy.generate(ScaleProfile.PROVINCE, new SampleRandom(1));
        assertThat(province.prefectures()).hasSize(16);
        assertThat(province.counties()).hasSize(129);
        assertThat(province.communityCount()).isBetween(6_500, 7_500);
        assertThat(province.subdistrictCount()).isBetween(1_200, 1_600);
    }

    @Test
    void codesNestLikeTheStatisticsTableAndNamesAreUnique()
    {
        DivisionHierarchy province = DivisionHierarchy.generate(ScaleProfile.PROVINCE, new SampleRandom(2));
        Set<String> names = new HashSet<>();
        CommunityDirectory.xishanProgram().communities().forEach(community -> names.add(community.shortName()));
        Set<String> codes = new HashSet<>();
        for (County county : province.counties()) {
            assertThat(county.code()).matches("53\\d{2}[2-9]\\d").isNotEqualTo("530112");
            for (Subdistrict subdistrict : county.subdistricts()) {
                assertThat(subdistrict.code()).startsWith(county.code()).matches("\\d{9}000").matches(".{6}[0-3]\\d\\d000");
                for (ScaleCommunity community : subdistrict.communities()) {
                    assertThat(community.code()).startsWith(subdistrict.code().substring(0, 9)).matches(community.village() ? "\\d{9}2\\d\\d" : "\\d{9}[01]\\d\\d");
                    assertThat(CommunityDirectory.shortName(community.fullName())).isEqualTo(community.shortName());
                    assertThat(names.add(community.shortName())).as("name %s handed out once", community.shortName()).isTrue();
                    assertThat(codes.add(community.code())).as("code %s handed out once", community.code()).isTrue();
                }
            }
        }
    }

    @Test
    void serviceFollowsTheFarmingCalendarAndTrainingsTheSlackSeason()
    {
        Map<Integer, Integer> logsByMonth = byMonth(serviceLogs, 3);
        assertThat(logsByMonth.get(4)).as("April's service against February's, the Spring Festival month").isGreaterThan(2 * logsByMonth.get(2));
        assertThat(logsByMonth.get(10)).as("October's harvest against July's").isGreaterThan(logsByMonth.get(7));
        Map<Integer, Integer> trainingsByMonth = byMonth(trainings, 3);
        assertThat(trainingsByMonth.get(12)).as("December's trainings against June's").isGreaterThan(2 * trainingsByMonth.get(6));
    }

    @Test
    void aFewCommunitiesCarryMuchOfTheService()
    {
        Map<String, Integer> logsByCommunity = new HashMap<>();
        serviceLogs.forEach(log -> logsByCommunity.merge(log.get(2), 1, Integer::sum));
        List<Integer> counts = new ArrayList<>(logsByCommunity.values());
        counts.sort(Comparator.reverseOrder());
        int busiest = counts.stream().limit(Math.max(1, counts.size() / 20)).mapToInt(Integer::intValue).sum();
        assertThat((double) busiest / serviceLogs.size()).as("share of the busiest 5%% of communities").isGreaterThan(0.15);
    }

    /** Rows whose date parses, by month; the bad twins with month 13 are left out. */
    private static Map<Integer, Integer> byMonth(List<CSVRecord> rows, int dateColumn)
    {
        Map<Integer, Integer> byMonth = new HashMap<>();
        for (CSVRecord row : rows) {
            DateParser.parse(row.get(dateColumn)).ifPresent(date -> byMonth.merge(date.getMonthValue(), 1, Integer::sum));
        }
        return byMonth;
    }

    private static List<CSVRecord> records(Path file, Charset charset)
            throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file, charset)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
