package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;
import xingcun.pipeline.sample.VillagePeople.Villager;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An expert's trainings of one year (trainings/…培训台账.csv) and their sign-in sheets (training_attendance/…签到表.csv):
 * sessions in the slack season, mostly for large growers, each followed by its sheet unless it was held online.
 */
final class ScaleTrainings
{
    /** Sessions a year of an expert of average activity: the province's 10,000 experts hold about 100,000. */
    static final int MEAN_SESSIONS = 11;
    private static final List<String> AUDIENCES = List.of("种养殖大户", "村民", "合作社成员", "村干部", "其他");
    private static final int[] AUDIENCE_WEIGHTS = {55, 20, 12, 8, 5};
    private static final List<String> MODES = List.of("田间", "现场", "线上");
    private static final int[] MODE_WEIGHTS = {45, 45, 10};
    private static final List<BigDecimal> HOURS = List.of(new BigDecimal("2"), new BigDecimal("2.5"), new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("4"));
    /** A few sheets are missing: the clerk never got them back. */
    private static final double SHEET_KEPT = 0.97;

    /** A session as the service log records it: the expert's teaching day. */
    record Session(LocalDate day, String topic, int attendees) {}

    private ScaleTrainings() {}

    /** Writes the sessions and sheets; the days taken go into taken, so service logs fall on other days. */
    static List<Session> write(CountyScope scope, ScaleTalent talent, SeasonalCalendar calendar, LocalDate from, int count, BitSet taken)
            throws IOException
    {
        SampleRandom random = scope.random();
        List<Session> sessions = new ArrayList<>();
        for (int day : calendar.trainingDays(from, count, taken, random)) {
            LocalDate heldOn = calendar.day(day);
            ScaleCommunity community = scope.nearby(talent.community());
            String topic = random.pick(talent.product().trainingTopics());
            int attendees = random.between(15, 55);
            String mode = MODES.get(random.weighted(MODE_WEIGHTS));
            String trainingId = scope.ledgers().trainings().nextNumber(heldOn);
            Object[] cells = {trainingId, talent.talentId(), community.shortName(), TrainingLedger.dateText(heldOn, random), topic,
                    random.pick(HOURS).toPlainString(), String.valueOf(attendees), AUDIENCES.get(random.weighted(AUDIENCE_WEIGHTS)), mode};
            LedgerFile ledger = scope.ledgers().trainings().at(heldOn);
            ledger.write(Expectation.ACCEPT, cells);
            switch (scope.bad().twin(4)) {
                case 0 -> ledger.write(Expectation.REPEAT, cells);
                case 1 -> ledger.write(BadRows.DATE_INVALID, BadRows.with(cells, 3, BadRows.impossibleDate(heldOn)));
                case 2 -> ledger.write(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 8, "集中"));
                case 3 -> ledger.write(Expectation.reject("number.negative"), BadRows.with(cells, 6, "-" + attendees));
                default -> {
                    // no twin
                }
            }
            if (!mode.equals("线上") && random.chance(SHEET_KEPT)) {
                // a few growers leave without signing
                int signed = random.chance(1.0 / 3) ? attendees - random.between(1, 3) : attendees;
                writeSheet(scope, trainingId, heldOn, scope.villagers().signing(community, signed));
            }
            sessions.add(new Session(heldOn, topic, attendees));
        }
        return sessions;
    }

    private static void writeSheet(CountyScope scope, String trainingId, LocalDate heldOn, Villager[] signed)
            throws IOException
    {
        LedgerFile sheet = scope.ledgers().attendance().at(heldOn);
        for (Villager villager : signed) {
            Object[] cells = {trainingId, villager.name(), villager.phone(), villager.village(), villager.role()};
            sheet.write(Expectation.ACCEPT, cells);
            switch (scope.bad().twin(3)) {
                case 0 -> sheet.write(Expectation.REPEAT, cells);
                case 1 -> sheet.write(Expectation.reject("phone.invalid"), BadRows.with(cells, 2, villager.phone().substring(0, 10)));
                case 2 -> sheet.write(Expectation.reject("training.unknown"), BadRows.with(cells, 0, trainingId + "0"));
                default -> {
                    // no twin
                }
            }
        }
    }
}
