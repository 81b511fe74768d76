package xingcun.pipeline.sample;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.sample.IpOutputRegister.IpOutput;
import xingcun.pipeline.sample.ProjectLedger.Project;
import xingcun.pipeline.sample.ServiceLedger.ServiceLog;
import xingcun.pipeline.sample.TalentRoster.Talent;
import xingcun.pipeline.sample.TrainingLedger.Training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static xingcun.pipeline.sample.XishanSampleGenerator.PERIOD_END;
import static xingcun.pipeline.sample.XishanSampleGenerator.PERIOD_START;

/**
 * Self-check: the published figures of the article, computed from the generated records in memory (not by parsing
 * the files back), counting only rows the ingest will accept, as the contract's "What the headline figures count" says.
 */
class XishanSampleFiguresTest
{
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    private final XishanSample sample = XishanSampleGenerator.generate();

    @Test
    void talentsDispatched()
    {
        assertThat(sample.talents()).hasSize(35);
        assertThat(sample.talents().stream().filter(t -> !t.cycleEnd().isBefore(PERIOD_START) && !t.cycleStart().isAfter(PERIOD_END))
                .map(Talent::talentId).distinct()).hasSize(35);
        assertThat(sample.talents().stream().map(t -> t.community().code()).distinct()).hasSize(35)
                .doesNotContain(SampleCommunity.LEFT_OUT_CODE);
    }

    @Test
    void fieldGuidancePersonTimes()
    {
        assertThat(accepted(sample.serviceLogs()).filter(log -> log.activityType().equals("技术指导")).count()).isEqualTo(201);
    }

    @Test
    void bottlenecksSolved()
    {
        List<ServiceLog> solved = accepted(sample.serviceLogs()).filter(log -> !log.bottleneck().isEmpty()).toList();
        assertThat(solved).hasSize(8);
        assertThat(solved.stream().map(ServiceLog::bottleneck).distinct()).hasSize(8);
        assertThat(solved.stream().map(ServiceLog::bottleneck).collect(Collectors.joining()))
                .contains("山羊", "草莓", "苹果", "彩色水稻", "樱桃", "梨", "茶", "无土栽培");
    }

    @Test
    void trainingsAndLargeGrowerPersonTimes()
    {
        List<Training> trainings = sample.trainings().stream()
                .filter(t -> t.expected().accepted() && inPeriod(t.heldOn())).toList();
        assertThat(trainings).hasSize(145);
        assertThat(trainings.stream().mapToInt(Training::attendees).sum()).isEqualTo(2695);
        assertThat(trainings).allMatch(t -> t.audience().equals("种养殖大户"));
    }

    @Test
    void intellectualPropertyGrantedInThePeriod()
    {
        Map<String, Long> byType = sample.ipOutputs().stream()
                .filter(o -> o.expected().accepted() && inPeriod(o.grantedOn()))
                .collect(Collectors.groupingBy(IpOutput::outputType, TreeMap::new, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
                "实用新型专利", 4L, "外观设计专利", 1L, "软件著作权", 1L, "企业标准", 3L, "新品种", 6L));
    }

    @Test
    void projectsAndFunds()
    {
        List<Project> introduced = acceptedProjects(p -> p.kind().equals("引进项目"));
        assertThat(introduced).hasSize(24);
        assertThat(yuan(introduced, Project::fundsInPlace)).isEqualByComparingTo("1050000");
        assertThat(yuan(introduced, Project::fundsIntended)).isEqualByComparingTo("1000000000");
        assertThat(introduced).extracting(Project::status).containsOnly("已落地", "意向");
        assertThat(introduced).allMatch(p -> inPeriod(p.signedOn()));

        List<Project> innovation = acceptedProjects(p -> p.kind().equals("人才工作创新项目") && p.signedOn().getYear() == 2021);
        assertThat(innovation).hasSize(11);
        assertThat(innovation).allMatch(p -> p.fundsInPlace().multiply(TEN_THOUSAND).compareTo(new BigDecimal("100000")) <= 0);

        List<Project> negotiating = acceptedProjects(p -> p.kind().equals("双招双引") && p.status().equals("洽谈中"));
        assertThat(negotiating).hasSize(19);
        assertThat(negotiating).extracting(Project::sector).containsOnly("大健康", "数字经济");
    }

    @Test
    void youngTalents()
    {
        assertThat(sample.youthTalents().stream().filter(y -> y.expected().accepted() && inPeriod(y.joinedOn()))
                .map(YouthTalentPool.YouthTalent::personId).distinct()).hasSize(213);
    }

    @Test
    void complianceIsHighButNotPerfect()
    {
        Map<String, BigDecimal> onSiteDays = new TreeMap<>();
        for (Talent talent : sample.talents()) {
            onSiteDays.put(talent.community().shortName(), accepted(sample.serviceLogs())
                    .filter(log -> log.talentId().equals(talent.talentId()) && log.onSite()
                            && !log.serviceOn().isBefore(talent.cycleStart()) && !log.serviceOn().isAfter(talent.cycleEnd()))
                    .map(ServiceLog::days).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        Map<String, BigDecimal> shortOfThirty = onSiteDays.entrySet().stream().filter(e -> e.getValue().compareTo(new BigDecimal("30")) < 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shortOfThirty).hasSize(3);
        assertThat(shortOfThirty.get("大兴")).isEqualByComparingTo("22");
        assertThat(shortOfThirty.get("云龙")).isEqualByComparingTo("26");
        assertThat(shortOfThirty.get("乐亩")).isEqualByComparingTo("28.5");
        assertThat(accepted(sample.serviceLogs())).allMatch(log -> log.days().compareTo(BigDecimal.ONE) == 0 || log.days().compareTo(new BigDecimal("0.5")) == 0);

        // every quarter of the cycle: one joint meeting, target analysis, in-depth visit and progress report
        long fullyCompliant = sample.talents().stream().filter(talent -> {
            for (int quarter = 0; quarter < 4; quarter++) {
                LocalDate from = talent.cycleStart().plusMonths(quarter * 3L);
                LocalDate to = from.plusMonths(3).minusDays(1);
                for (String type : ServiceLedger.MECHANISMS) {
                    long held = accepted(sample.serviceLogs()).filter(log -> log.talentId().equals(talent.talentId()) && log.activityType().equals(type)
                            && !log.serviceOn().isBefore(from) && !log.serviceOn().isAfter(to)).count();
                    if (held != 1) {
                        return false;
                    }
                }
            }
            return true;
        }).count();
        assertThat(fullyCompliant).isEqualTo(31);
    }

    @Test
    void fieldGuidanceFollowsTheSeasons()
    {
        Map<Integer, Long> byMonth = accepted(sample.serviceLogs()).filter(log -> log.activityType().equals("技术指导"))
                .collect(Collectors.groupingBy(log -> log.serviceOn().getMonthValue(), TreeMap::new, Collectors.counting()));
        long springAndAutumn = List.of(3, 4, 5, 9, 10, 11).stream().mapToLong(m -> byMonth.getOrDefault(m, 0L)).sum();
        assertThat(springAndAutumn).isGreaterThan(201 - springAndAutumn);
    }

    @Test
    void evaluationsFollowTheRules()
    {
        assertThat(sample.evaluations()).hasSize(35);
        assertThat(sample.evaluations().stream().filter(e -> e.rating().equals("优秀")).count()).isEqualTo(10);
        assertThat(sample.evaluations().stream().filter(e -> e.rating().equals("不合格")).count()).isEqualTo(1);
        assertThat(sample.evaluations()).allMatch(e -> e.workFunds().compareTo(new BigDecimal("10000")) == 0);
        assertThat(sample.evaluations()).allMatch(e -> e.reward().compareTo(switch (e.rating()) {
            case "优秀" -> new BigDecimal("10000");
            case "合格" -> new BigDecimal("5000");
            default -> BigDecimal.ZERO;
        }) == 0);
    }

    @Test
    void signInSheetsNeverExceedTheSession()
    {
        Map<String, Long> signed = sample.attendance().stream()
                .collect(Collectors.groupingBy(TrainingLedger.Attendance::trainingId, TreeMap::new, Collectors.counting()));
        assertThat(signed).hasSize(12);
        Map<String, Integer> attendees = sample.trainings().stream().collect(Collectors.toMap(Training::trainingId, Training::attendees));
        signed.forEach((training, rows) -> assertThat(rows).as(training).isLessThanOrEqualTo(attendees.get(training).longValue()));
    }

    @Test
    void communityStories()
    {
        assertThat(sample.industryFigures()).anySatisfy(f -> {
            assertThat(f.communityText()).startsWith("西华");
            assertThat(f.period()).isEqualTo("2021");
            assertThat(f.indicator()).isEqualTo("产值");
            assertThat(f.product()).isEqualTo("草莓");
            assertThat(f.value().multiply(TEN_THOUSAND)).isGreaterThanOrEqualTo(new BigDecimal("80000000"));
        });
    }

    private static boolean inPeriod(LocalDate date)
    {
        return date != null && !date.isBefore(PERIOD_START) && !date.isAfter(PERIOD_END);
    }

    private static java.util.stream.Stream<ServiceLog> accepted(List<ServiceLog> logs)
    {
        return logs.stream().filter(log -> log.expected().accepted() && inPeriod(log.serviceOn()));
    }

    private List<Project> acceptedProjects(Predicate<Project> predicate)
    {
        return sample.projects().stream().filter(p -> p.expected().accepted()).filter(predicate).toList();
    }

    /** Ledger amounts are in 万元 (the header says so); figures are reported in yuan. */
    private static BigDecimal yuan(List<Project> projects, java.util.function.Function<Project, BigDecimal> amount)
    {
        return projects.stream().map(amount).map(value -> value == null ? BigDecimal.ZERO : value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(TEN_THOUSAND);
    }
}
