package xingcun.pipeline.validate;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.contract.Family;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row's lake values read as the validator wrote them (a map) and as the ingest reads them (by schema position). */
class LakeValuesTest
{
    @Test
    void aRowReadsAsAMapAndByTheLakeSchemasPositions()
    {
        LakeValues row = LakeValues.Positions.of(Family.SERVICE_LOGS).newRow();
        Map<String, Object> expected = new HashMap<>();
        for (Map.Entry<String, Object> value : Map.<String, Object>of("log_id", "SL-1", "days", 0.5, "people_served", 12L).entrySet()) {
            assertThat(row.put(value.getKey(), value.getValue())).isNull();
            expected.put(value.getKey(), value.getValue());
        }
        assertThat(row.putIfAbsent("days", 1.0)).isEqualTo(0.5);
        assertThat(row.put("log_id", "SL-2")).isEqualTo("SL-1");
        expected.put("log_id", "SL-2");

        assertThat(row).isEqualTo(expected).hasSize(3).doesNotContainKey("topic");
        assertThat(row.at(Family.SERVICE_LOGS.lakeSchema().fieldIndex("log_id"))).isEqualTo("SL-2");
        assertThat(row.at(Family.SERVICE_LOGS.lakeSchema().fieldIndex("people_served"))).isEqualTo(12L);
        assertThat(row.at(Family.SERVICE_LOGS.lakeSchema().fieldIndex("topic"))).isNull();
        assertThat(row.keySet()).containsExactly("log_id", "days", "people_served"); // the lake's order
        assertThatThrownBy(() -> row.put("topic", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot set topic to null: a column without a value is left unset");
    }

    @Test
    void aValueTheLakeDoesNotKeepIsHeldAsideAndNeverAtAPosition()
    {
        LakeValues row = LakeValues.Positions.of(Family.PROJECTS).newRow();
        row.put("project_id", "P1");
        row.put("unit", "10k_yuan");

        assertThat(row).containsEntry("unit", "10k_yuan").containsEntry("project_id", "P1").hasSize(2);
        assertThat(row.keySet()).containsExactly("project_id", "unit");
        var entries = row.entrySet().iterator();
        entries.next();
        entries.next();
        assertThatThrownBy(entries::next).isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessage("Cannot read another lake value: the row has no more");
    }
}
