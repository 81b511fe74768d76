package xingcun.pipeline.ingest;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.contract.Family;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LoadOrderTest
{
    @Test
    void aFamilyWaitsForTheFamiliesItsColumnsName()
    {
        assertThat(LoadOrder.prerequisites(Family.COMMUNITIES)).isEmpty();
        assertThat(LoadOrder.prerequisites(Family.TALENTS)).containsExactly(Family.COMMUNITIES);
        assertThat(LoadOrder.prerequisites(Family.SERVICE_LOGS)).containsExactlyInAnyOrder(Family.COMMUNITIES, Family.TALENTS);
        assertThat(LoadOrder.prerequisites(Family.TRAINING_ATTENDANCE)).contains(Family.COMMUNITIES, Family.TRAININGS);
        // no family names itself or one that names it back: the run could never start it
        for (Family family : Family.values()) {
            assertThat(LoadOrder.prerequisites(family)).as(family.folder()).doesNotContain(family);
            for (Family prerequisite : LoadOrder.prerequisites(family)) {
                assertThat(LoadOrder.prerequisites(prerequisite)).as(family + " after " + prerequisite).doesNotContain(family);
            }
        }
    }

    @Test
    void theAttendanceStartsOnceTheTrainingsAreStagedNotAfterEveryOtherFamily()
    {
        Map<Family, Long> bytes = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            bytes.put(family, 1_000L);
        }
        bytes.put(Family.TRAINING_ATTENDANCE, 218_000_000L);
        bytes.put(Family.SERVICE_LOGS, 96_000_000L);
        LoadOrder order = LoadOrder.of(bytes);

        assertThat(order.takeReady(Set.of())).contains(Family.COMMUNITIES);
        assertThat(order.takeReady(Set.of())).as("the rest name the communities").isEmpty();
        Set<Family> staged = EnumSet.of(Family.COMMUNITIES);
        List<Family> afterCommunities = takeAllReady(order, staged);
        assertThat(afterCommunities).as("the talents first: most families wait for them").startsWith(Family.TALENTS)
                .doesNotContain(Family.SERVICE_LOGS, Family.TRAININGS, Family.TRAINING_ATTENDANCE);
        staged.addAll(afterCommunities);
        List<Family> afterTalents = takeAllReady(order, staged);
        assertThat(afterTalents).as("the trainings first (the attendance waits for them), then the biggest")
                .startsWith(Family.TRAININGS, Family.SERVICE_LOGS).doesNotContain(Family.TRAINING_ATTENDANCE);
        staged.add(Family.TRAININGS);
        assertThat(order.takeReady(staged)).contains(Family.TRAINING_ATTENDANCE);
        assertThat(order.anyWaiting()).isFalse();
    }

    @Test
    void theFilesAreReadAheadInAnOrderTheFamiliesCanStartInNotByTheirSizeAlone()
    {
        // a province's communities are smaller than its talent roster, which is smaller than its trainings
        LoadOrder order = LoadOrder.of(Map.of(Family.COMMUNITIES, 364_000L, Family.TALENTS, 936_000L, Family.TRAININGS, 11_000_000L,
                Family.TRAINING_ATTENDANCE, 218_000_000L, Family.SERVICE_LOGS, 96_000_000L, Family.YOUTH_TALENTS, 2_900_000L));

        assertThat(order.families()).startsWith(Family.COMMUNITIES, Family.TALENTS).endsWith(Family.TRAINING_ATTENDANCE);
        assertThat(order.families().indexOf(Family.TRAININGS)).isLessThan(order.families().indexOf(Family.SERVICE_LOGS));
    }

    @Test
    void ofTheFamiliesReadyTheBiggestStartsFirstEvenWhenItBecameReadyLast()
    {
        LoadOrder order = LoadOrder.of(Map.of(Family.COMMUNITIES, 364_000L, Family.TALENTS, 936_000L, Family.TRAININGS, 11_000_000L,
                Family.TRAINING_ATTENDANCE, 218_000_000L, Family.PROJECTS, 300_000L));
        assertThat(order.families()).as("the read-ahead's order: one they can start in").endsWith(Family.PROJECTS, Family.TRAINING_ATTENDANCE);

        assertThat(order.takeReady(Set.of())).contains(Family.COMMUNITIES);
        Set<Family> staged = EnumSet.of(Family.COMMUNITIES);
        assertThat(order.takeReady(staged)).contains(Family.TALENTS);
        staged.add(Family.TALENTS);
        assertThat(order.takeReady(staged)).as("the trainings: the attendance waits for them").contains(Family.TRAININGS);
        // the projects were ready, but no place was free until the trainings were staged
        staged.add(Family.TRAININGS);

        assertThat(takeAllReady(order, staged)).containsExactly(Family.TRAINING_ATTENDANCE, Family.PROJECTS);
    }

    @Test
    void aFamilyWaitsOnlyForTheFamiliesItNamesThatTheInboxHas()
    {
        LoadOrder order = LoadOrder.of(Map.of(Family.TRAINING_ATTENDANCE, 10L, Family.SERVICE_LOGS, 20L));

        assertThat(order.families()).containsExactly(Family.SERVICE_LOGS, Family.TRAINING_ATTENDANCE);
        assertThat(takeAllReady(order, Set.of())).containsExactly(Family.SERVICE_LOGS, Family.TRAINING_ATTENDANCE);
    }

    private static List<Family> takeAllReady(LoadOrder order, Set<Family> staged)
    {
        List<Family> ready = new ArrayList<>();
        for (Optional<Family> next = order.takeReady(staged); next.isPresent(); next = order.takeReady(staged)) {
            ready.add(next.get());
        }
        return ready;
    }
}
