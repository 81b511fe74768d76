package xingcun.pipeline.cluster;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneMasterTest
{
    @Test
    void parsesOneMasterOrSeveral()
    {
        StandaloneMaster master = StandaloneMaster.parse("spark://127.0.0.1:7077").orElseThrow();
        assertThat(master.endpoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 7077));
        assertThat(master.onLoopback()).isTrue();

        StandaloneMaster standbys = StandaloneMaster.parse("spark://master-a:7077,master-b:7078").orElseThrow();
        assertThat(standbys.endpoints()).containsExactly(
                InetSocketAddress.createUnresolved("master-a", 7077), InetSocketAddress.createUnresolved("master-b", 7078));
    }

    @Test
    void otherMastersAreNotStandalone()
    {
        assertThat(StandaloneMaster.parse("local[*]")).isEmpty();
        assertThat(StandaloneMaster.parse("yarn")).isEmpty();
        assertThat(StandaloneMaster.parse("k8s://https://cluster:6443")).isEmpty();
    }

    @Test
    void aMasterWithoutPortIsRefused()
    {
        assertThatThrownBy(() -> StandaloneMaster.parse("spark://127.0.0.1"))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Invalid Spark master spark://127.0.0.1: use spark://HOST:PORT, the URL at the top of the master's web UI (port 7077 by default)")
                .extracting(error -> ((PipelineException) error).errorCode()).isEqualTo(PipelineErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void anUnreachableMasterSaysWhatToDo()
            throws IOException
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StandaloneMaster master = StandaloneMaster.parse("spark://127.0.0.1:" + closedPort).orElseThrow();
        assertThatThrownBy(() -> master.requireReachable(Duration.ofSeconds(2)))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Cannot reach Spark master spark://127.0.0.1:" + closedPort + " (Connection refused): start the master"
                        + " (scripts/spark-standalone.sh start runs one on this machine) or give --master the spark:// URL at the top of its web UI")
                .extracting(error -> ((PipelineException) error).errorCode()).isEqualTo(PipelineErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aReachableMasterPasses()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StandaloneMaster.parse("spark://127.0.0.1:" + socket.getLocalPort()).orElseThrow().requireReachable(Duration.ofSeconds(2));
        }
    }
}
