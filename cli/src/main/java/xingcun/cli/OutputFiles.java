package xingcun.cli;

import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an --out file before any work is done, so a typo in its folder is a bad argument, not a failed run. */
final class OutputFiles
{
    private OutputFiles() {}

    static void requireFolderExists(Path out)
    {
        if (out == null) {
            return;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Cannot write " + out + ": folder " + folder + " does not exist; create it first");
        }
    }
}
