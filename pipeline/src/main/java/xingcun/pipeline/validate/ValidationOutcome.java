package xingcun.pipeline.validate;

import java.util.Optional;

/** A validated row: its lake values (none when rejected), or the reason it was rejected. */
public record ValidationOutcome(LakeValues values, Optional<Rejection> rejection)
{
    static ValidationOutcome accepted(LakeValues values)
    {
        return new ValidationOutcome(values, Optional.empty());
    }

    static ValidationOutcome rejected(LakeValues noValues, Rejection rejection)
    {
        return new ValidationOutcome(noValues, Optional.of(rejection));
    }
}
