package xingcun.pipeline.normalize;

import java.text.Normalizer;
import java.util.Optional;

/** Cell text as staff type it: full-width digits and letters, stray spaces, empty strings meaning "nothing". */
public final class Text
{
    private Text() {}

    /** The trimmed value, or empty when the cell is blank. */
    public static Optional<String> present(String value)
    {
        if (value == null) {
            return Optional.empty();
        }
        String stripped = value.replace('\u3000', ' ').strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    /** Folds full-width forms to half-width (NFKC), e.g. "２０２１" to "2021" and "（" to "(". */
    public static String halfWidth(String value)
    {
        return Normalizer.normalize(value, Normalizer.Form.NFKC);
    }
}
