package xingcun.pipeline.sample;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The growers and villagers of one county who sign training sheets. Each community has its own people, who come to
 * session after session, so the same person signs many sheets; within a community names and phones differ, so two
 * sign-ins of one session are never taken for one. Created when a community first holds a training.
 */
final class VillagePeople
{
    /** One person on a sign-in sheet. */
    record Villager(String name, String phone, String village, String role) {}

    private final SyntheticPeople people;
    private final SampleRandom random;
    private final Map<String, Villager[]> byCommunity = new HashMap<>();

    VillagePeople(SyntheticPeople people, SampleRandom random)
    {
        this.people = people;
        this.random = random;
    }

    /** count different people of the community (fewer if it has fewer), in the order they sign. */
    Villager[] signing(ScaleCommunity community, int count)
    {
        Villager[] pool = byCommunity.computeIfAbsent(community.code(), code -> pool(community));
        int n = Math.min(count, pool.length);
        Villager[] chosen = new Villager[n];
        int[] order = new int[pool.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // the first n steps of a Fisher–Yates shuffle: n people drawn without repeats
        for (int i = 0; i < n; i++) {
            int j = random.between(i, order.length - 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen[i] = pool[order[i]];
        }
        return chosen;
    }

    private Villager[] pool(ScaleCommunity community)
    {
        Villager[] pool = new Villager[random.between(80, 160)];
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pool.length; i++) {
            String village = TrainingLedger.village(community.shortName(), random);
            String role = TrainingLedger.role(community.product(), random);
            pool[i] = new Villager(people.name(people.male(), names), people.phone(), village, role);
        }
        return pool;
    }
}
