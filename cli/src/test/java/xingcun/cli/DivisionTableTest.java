package xingcun.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline and the warehouse each ship the division table (neither may depend on the other): they must agree. */
class DivisionTableTest
{
    @Test
    void pipelineAndWarehouseShipTheSameDivisionTable()
            throws IOException
    {
        assertThat(resource("/xingcun/pipeline/xishan_divisions.csv")).isEqualTo(resource("/xingcun/warehouse/xishan_divisions.csv"));
    }

    private static byte[] resource(String name)
            throws IOException
    {
        try (InputStream stream = DivisionTableTest.class.getResourceAsStream(name)) {
            assertThat(stream).as(name).isNotNull();
            return stream.readAllBytes();
        }
    }
}
