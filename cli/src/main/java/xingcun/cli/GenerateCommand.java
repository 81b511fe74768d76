package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.sample.InboxManifest;
import xingcun.pipeline.sample.ScaleInboxGenerator;
import xingcun.pipeline.sample.ScaleOptions;
import xingcun.pipeline.sample.ScaleProfile;
import xingcun.pipeline.sample.XishanSampleGenerator;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic inbox.",
                "Profile xishan reproduces samples/xishan-2021; county (one county, 60-100 experts) and province (Yunnan: 129 counties, "
                        + "10,000 experts) are drawn from --seed, with about 0.3%% bad rows, and say what they wrote in DIR/manifest.json."})
final class GenerateCommand
        implements Callable<Integer>
{
    enum Profile { xishan, county, province }

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "Profile to generate: ${COMPLETION-CANDIDATES}.")
    private Profile profile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Inbox folder to write.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of county and province: the same seed writes the same bytes.")
    private Long seed;

    @Option(names = "--talents", paramLabel = "N", description = "Experts to dispatch (county: 60-100 by the seed, province: 10,000).")
    private Integer talents;

    @Option(names = "--years", paramLabel = "N", description = "Calendar years to cover, ending with 2025 (default: 1).")
    private Integer years;

    @Override
    public Integer call()
    {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot generate into " + out + ": it is a file; give a folder");
        }
        if (profile == Profile.xishan) {
            if (seed != null || talents != null || years != null) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                        "Invalid option for profile xishan: it reproduces samples/xishan-2021; --seed, --talents and --years are for county and province");
            }
            XishanSampleGenerator.write(out);
            spec.commandLine().getOut().println("Wrote the xishan inbox to " + out.toAbsolutePath());
            return ExitCodes.OK;
        }
        if (seed == null) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Missing --seed for profile " + profile + ": give --seed N (the same N writes the same inbox)");
        }
        ScaleOptions options = new ScaleOptions(ScaleProfile.valueOf(profile.name().toUpperCase(Locale.ROOT)), seed,
                talents == null ? OptionalInt.empty() : OptionalInt.of(talents), years == null ? 1 : years);
        long started = System.nanoTime();
        InboxManifest manifest = ScaleInboxGenerator.write(out, options);
        printSummary(manifest, (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    private void printSummary(InboxManifest manifest, double seconds)
    {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote the %s inbox (seed %d, %,d experts, %d %s, %,d communities, %s … %s) to %s in %.1f s%n", manifest.profile(), manifest.seed(),
                manifest.talents(), manifest.counties(), manifest.counties() == 1 ? "county" : "counties", manifest.communities(), manifest.periodStart(),
                manifest.periodEnd(), out.toAbsolutePath(), seconds);
        stdout.printf("%-20s %5s %10s %8s%n", "family", "files", "rows", "bad");
        for (Map.Entry<String, InboxManifest.FamilyCounts> family : manifest.families().entrySet()) {
            stdout.printf("%-20s %5d %,10d %,8d%n", family.getKey(), family.getValue().files(), family.getValue().rows(), family.getValue().badRows());
        }
        stdout.printf("%-20s %5s %,10d %,8d%n", "total", "", manifest.rows(), manifest.badRows());
        stdout.println("Manifest: " + out.resolve(InboxManifest.FILE_NAME).toAbsolutePath());
    }
}
