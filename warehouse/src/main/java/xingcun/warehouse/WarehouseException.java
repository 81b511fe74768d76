package xingcun.warehouse;

import static java.util.Objects.requireNonNull;

/** The one unchecked exception of the warehouse module; its message is a single line meant for the user. */
public final class WarehouseException
        extends RuntimeException
{
    private final WarehouseErrorCode errorCode;

    public WarehouseException(WarehouseErrorCode errorCode, String message)
    {
        this(errorCode, message, null);
    }

    public WarehouseException(WarehouseErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public WarehouseErrorCode errorCode()
    {
        return errorCode;
    }
}
