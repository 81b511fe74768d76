package xingcun.pipeline.validate;

import java.util.Map;
import java.util.Optional;

/** A validated row: its lake values by column name, or the reason it was rejected. */
public record ValidationOutcome(Map<String, Object> values, Optional<Rejection> rejection)
{
    static ValidationOutcome accepted(Map<String, Object> values)
    {
        return new ValidationOutcome(values, Optional.empty());
    }

    static ValidationOutcome rejected(Rejection rejection)
    {
        return new ValidationOutcome(Map.of(), Optional.of(rejection));
    }
}
