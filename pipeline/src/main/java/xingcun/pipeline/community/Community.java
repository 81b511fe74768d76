package xingcun.pipeline.community;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/** A community (社区/村) of the division table: its 12-digit statistics code, full and short name, sub-district. */
public record Community(String code, String name, String shortName, String subdistrictCode, boolean agricultural)
        implements Serializable
{
    public Community
    {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(subdistrictCode, "subdistrictCode is null");
    }
}
