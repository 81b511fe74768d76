package xingcun.cli.schedule;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where a run writes, with placeholders filled in per run ({job}, {kind}, {period}, {format}, {date}); a relative
 * path is relative to the schedule file's folder, so a schedule works from whatever directory the scheduler starts in.
 */
public record OutputTemplate(String text, Path folder)
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public OutputTemplate
    {
        requireNonNull(text, "text is null");
        requireNonNull(folder, "folder is null");
    }

    /** Throws IllegalArgumentException naming a placeholder this kind of job cannot fill. */
    static OutputTemplate of(String text, Path folder, Set<String> placeholders)
    {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!placeholders.contains(matcher.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + matcher.group(1) + "} in out '" + text + "'; this job can use "
                        + String.join(", ", placeholders.stream().sorted().map(name -> "{" + name + "}").toList()));
            }
        }
        return new OutputTemplate(text, folder);
    }

    public Path resolve(Map<String, String> values)
    {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(requireNonNull(values.get(matcher.group(1)), "no value for {" + matcher.group(1) + "}")));
        }
        matcher.appendTail(path);
        return folder.resolve(path.toString()).normalize();
    }
}
