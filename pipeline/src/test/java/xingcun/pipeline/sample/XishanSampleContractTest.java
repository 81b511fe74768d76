package xingcun.pipeline.sample;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PersonalDataHasher;
import xingcun.pipeline.normalize.HeaderMatcher;
import xingcun.pipeline.normalize.HeaderMatcher.HeaderMatch;
import xingcun.pipeline.sample.Expectation.Outcome;
import xingcun.pipeline.validate.RecordValidator;
import xingcun.pipeline.validate.ValidationContext;
import xingcun.pipeline.validate.ValidationOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated row, as its cells will be written, run through the project's own header matcher and row validator:
 * good rows are accepted, each deliberately bad row fails exactly the rule the README promises, and each repeat
 * validates to the same values as the row it repeats (so the ingest counts it as a duplicate, not an update).
 */
class XishanSampleContractTest
{
    private final XishanSample sample = XishanSampleGenerator.generate();

    @Test
    void everyRowMeetsItsExpectation()
    {
        Set<String> talentIds = sample.talents().stream().map(TalentRoster.Talent::talentId).collect(Collectors.toSet());
        Set<String> trainingIds = sample.trainings().stream().filter(t -> t.expected().accepted())
                .map(TrainingLedger.Training::trainingId).collect(Collectors.toSet());
        ValidationContext context = new ValidationContext(CommunityDirectory.xishanProgram(), talentIds, trainingIds,
                new PersonalDataHasher(new byte[32]), LocalDate.now().plusYears(1));

        // files are loaded in the lexical order of their paths, so the earlier of two equal rows is the one kept
        List<SampleTable> tables = new ArrayList<>(sample.tables());
        tables.sort(Comparator.comparing(SampleTable::path));
        Map<Family, Map<String, Map<String, Object>>> loadedByKey = new HashMap<>();
        List<String> bad = new ArrayList<>();
        for (SampleTable table : tables) {
            Family family = Family.fromFolder(table.folder()).orElseThrow();
            HeaderMatcher matcher = new HeaderMatcher(family);
            List<HeaderMatch> headers = table.headers().stream().map(matcher::match).toList();
            assertThat(headers).as("headers of %s", table.path()).allMatch(header -> header.canonical().isPresent());
            RecordValidator validator = new RecordValidator(family, context);
            for (int r = 0; r < table.rows().size(); r++) {
                SampleTable.Row row = table.rows().get(r);
                Map<String, String> raw = new HashMap<>();
                Map<String, String> units = new HashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    String name = headers.get(c).canonical().orElseThrow();
                    raw.put(name, SampleFileWriter.text(row.cells().get(c)));
                    headers.get(c).unit().ifPresent(unit -> units.put(name, unit));
                }
                ValidationOutcome outcome = validator.validate(raw, units);
                String where = table.path() + " row " + table.fileRow(r);
                Map<String, Map<String, Object>> loaded = loadedByKey.computeIfAbsent(family, ignored -> new HashMap<>());
                if (row.expected().outcome() == Outcome.REJECTED) {
                    assertThat(outcome.rejection()).as(where).isPresent();
                    assertThat(outcome.rejection().orElseThrow().rule().id()).as(where).isEqualTo(row.expected().rule());
                    bad.add(where + " " + row.expected().rule());
                    continue;
                }
                assertThat(outcome.rejection()).as(where + ": " + outcome.rejection().map(rejection -> rejection.messageEnglish()).orElse(""))
                        .isEmpty();
                String key = family.naturalKey().stream().map(column -> String.valueOf(outcome.values().get(column))).collect(Collectors.joining("|"));
                if (row.expected().outcome() == Outcome.DUPLICATE) {
                    assertThat(loaded.get(key)).as(where + " repeats an earlier row").isEqualTo(outcome.values());
                    bad.add(where + " duplicate");
                }
                else {
                    assertThat(loaded).as(where + " has a key of its own").doesNotContainKey(key);
                    loaded.put(key, outcome.values());
                }
            }
        }
        assertThat(bad).hasSize(9);
    }
}
