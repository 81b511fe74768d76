package xingcun.reports.build;

/** A headline card: a metric's value for the period, its change against the previous period, and its 口径. */
public record Card(String metricId, String name, String value, String change, boolean isRise, String definition) {}
