package xingcun.pipeline.ingest;

import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.contract.ValueKind;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When a run starts each family of its inbox. A family's rows are checked against what earlier families staged: every
 * family's communities against the program's set (which a communities file changes), a talent reference against the
 * talents, a training reference against the trainings. So a family starts as soon as the families it names are
 * staged, not when a whole stage of families has ended: a province's attendance (the most rows) used to wait for the
 * service logs and five small families, which had nothing to do with it, and both cores idled for about a second
 * between the stages.
 * <p>
 * Of the families ready at once, those others wait for start first, then the biggest: Spark shares the cores between
 * the families' jobs (see {@link IngestSessions}), so the small ones are done while the big ones run.
 */
final class LoadOrder
{
    private final List<Family> waiting;
    private final Set<Family> present;
    /** Of the families ready at once, which starts first. */
    private final Comparator<Family> startOrder;

    private LoadOrder(List<Family> waiting, Set<Family> present, Comparator<Family> startOrder)
    {
        this.waiting = new java.util.ArrayList<>(waiting);
        this.present = present;
        this.startOrder = startOrder;
    }

    /**
     * The order of the families that have files, from their inbox bytes: by how many families of the inbox stand
     * before them in a chain of references (so this is also an order they can start in, one after another, which the
     * read-ahead reads their files in), then those others wait for, then the biggest.
     */
    static LoadOrder of(Map<Family, Long> inboxBytes)
    {
        Set<Family> present = inboxBytes.isEmpty() ? EnumSet.noneOf(Family.class) : EnumSet.copyOf(inboxBytes.keySet());
        Comparator<Family> startOrder = Comparator.comparing((Family family) -> !namedByAnother(family))
                .thenComparing(Comparator.comparingLong((Family family) -> inboxBytes.get(family)).reversed())
                .thenComparing(Comparator.naturalOrder());
        List<Family> families = inboxBytes.keySet().stream()
                .sorted(Comparator.comparingInt((Family family) -> depth(family, present)).thenComparing(startOrder))
                .toList();
        return new LoadOrder(families, present, startOrder);
    }

    /** The longest chain of families of the inbox that must be staged before this one. */
    private static int depth(Family family, Set<Family> present)
    {
        return prerequisites(family).stream().filter(present::contains).mapToInt(before -> depth(before, present) + 1).max().orElse(0);
    }

    /** The families the rows of {@code family} are checked against: they are staged first, when the inbox has them. */
    static Set<Family> prerequisites(Family family)
    {
        Set<Family> prerequisites = EnumSet.noneOf(Family.class);
        if (family != Family.COMMUNITIES) {
            prerequisites.add(Family.COMMUNITIES); // the program's set of communities, which every family's rows name
        }
        for (ColumnSpec column : family.columns()) {
            if (column.kind() == ValueKind.TALENT_REFERENCE) {
                prerequisites.add(Family.TALENTS);
            }
            if (column.kind() == ValueKind.TRAINING_REFERENCE) {
                prerequisites.add(Family.TRAININGS);
            }
        }
        return prerequisites;
    }

    /** Every family in an order they can start in one after another: the read-ahead reads their files in it. */
    List<Family> families()
    {
        return List.copyOf(waiting);
    }

    boolean anyWaiting()
    {
        return !waiting.isEmpty();
    }

    /**
     * The next family to start, now that {@code staged} are staged, taken off the waiting list; empty when every
     * waiting family still needs one that is not staged yet. Of the families ready, not the first in
     * {@link #families()}: the attendance, ready when the trainings are staged, starts before a small family that
     * was ready long before (it waited for a free place), since the attendance is the last to end.
     */
    Optional<Family> takeReady(Set<Family> staged)
    {
        Optional<Family> next = waiting.stream()
                .filter(family -> prerequisites(family).stream().filter(present::contains).allMatch(staged::contains))
                .min(startOrder);
        next.ifPresent(waiting::remove);
        return next;
    }

    private static boolean namedByAnother(Family family)
    {
        return java.util.Arrays.stream(Family.values()).anyMatch(other -> other != family && prerequisites(other).contains(family));
    }
}
