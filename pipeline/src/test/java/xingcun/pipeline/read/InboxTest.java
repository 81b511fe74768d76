package xingcun.pipeline.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.contract.Family;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxTest
{
    @Test
    void followsAnInboxThatIsALinkAndFamilyFoldersThatAreLinks(@TempDir Path temp)
            throws IOException
    {
        Path shared = Files.createDirectories(temp.resolve("shared/service_logs"));
        Files.writeString(shared.resolve("2025-01.csv"), "日志编号\n");
        Path ledgers = Files.createDirectories(temp.resolve("ledgers"));
        Files.writeString(ledgers.resolve("talents.csv"), "人才编号\n");
        Path inbox = Files.createSymbolicLink(temp.resolve("inbox"), temp.resolve("shared"));
        Files.createSymbolicLink(temp.resolve("shared/talents"), ledgers);

        Inbox scanned = Inbox.scan(inbox);

        assertThat(scanned.filesOf(Family.SERVICE_LOGS)).extracting(InboxFile::name).containsExactly("service_logs/2025-01.csv");
        assertThat(scanned.filesOf(Family.TALENTS)).extracting(InboxFile::name).containsExactly("talents/talents.csv");
    }

    @Test
    void namesAFolderNestedTooDeepInsteadOfWalkingIt(@TempDir Path temp)
            throws IOException
    {
        Path inbox = Files.createDirectories(temp.resolve("inbox/service_logs/2025/01"));
        Files.writeString(inbox.resolve("day.csv"), "日志编号\n");
        Files.writeString(temp.resolve("inbox/service_logs/2025-02.csv"), "日志编号\n");

        Inbox scanned = Inbox.scan(temp.resolve("inbox"));

        assertThat(scanned.filesOf(Family.SERVICE_LOGS)).extracting(InboxFile::name).containsExactly("service_logs/2025-02.csv");
        assertThat(scanned.skipped()).containsExactly("service_logs/2025/01/: a folder nested too deep, not read; move its files into their family folder");
    }

    @Test
    void reportsALinkLoopAsAnUnreadableInbox(@TempDir Path temp)
            throws IOException
    {
        Path inbox = Files.createDirectories(temp.resolve("inbox/service_logs"));
        Files.createSymbolicLink(inbox.resolve("again"), temp.resolve("inbox"));

        assertThatThrownBy(() -> Inbox.scan(temp.resolve("inbox")))
                .isInstanceOf(PipelineException.class)
                .hasMessageStartingWith("Cannot read inbox " + temp.resolve("inbox") + ": ")
                .hasMessageContaining("again");
    }
}
