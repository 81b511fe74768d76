package xingcun.warehouse;

/** What went wrong in the warehouse, by category; the command line maps each to an exit code. */
public enum WarehouseErrorCode
{
    /** The user asked for something that cannot be: a lake without runs, an unknown metric or dimension. */
    INVALID_ARGUMENT,
    /** A query failed: its message says where. */
    QUERY_FAILED,
    /** The data does not pass its tests. */
    DATA_TESTS_FAILED,
}
