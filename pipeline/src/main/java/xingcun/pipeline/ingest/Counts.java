package xingcun.pipeline.ingest;

/** What became of the rows read: read = accepted + updated + duplicates + rejected, always. */
public record Counts(long read, long accepted, long updated, long duplicates, long rejected)
{
    public Counts
    {
        if (read != accepted + updated + duplicates + rejected) {
            throw new IllegalArgumentException("Invalid counts: read %d != accepted %d + updated %d + duplicates %d + rejected %d"
                    .formatted(read, accepted, updated, duplicates, rejected));
        }
    }

    public static Counts zero()
    {
        return new Counts(0, 0, 0, 0, 0);
    }

    public static Counts of(long accepted, long updated, long duplicates, long rejected)
    {
        return new Counts(accepted + updated + duplicates + rejected, accepted, updated, duplicates, rejected);
    }

    public Counts plus(Counts other)
    {
        return of(accepted + other.accepted, updated + other.updated, duplicates + other.duplicates, rejected + other.rejected);
    }
}
