package xingcun.pipeline.sample;

import xingcun.pipeline.sample.DivisionHierarchy.County;
import xingcun.pipeline.sample.InboxFiles.LedgerFile;
import xingcun.pipeline.sample.SampleTable.FileFormat;

import java.io.IOException;
import java.util.List;

/**
 * communities/区划代码.csv: every generated community, so that the ingest takes them into the program's set (by
 * default it knows only Xishan's 36) and can resolve them by code and by name.
 */
final class CommunityTable
{
    static final String PATH = "communities/区划代码.csv";
    static final List<String> HEADERS = List.of("社区代码", "社区名称", "所属街道代码", "是否纳入项目");

    private CommunityTable() {}

    static void write(InboxFiles files, DivisionHierarchy divisions)
            throws IOException
    {
        LedgerFile ledger = files.ledger(PATH, FileFormat.CSV_UTF8_BOM, HEADERS);
        for (County county : divisions.counties()) {
            for (ScaleCommunity community : county.communities()) {
                ledger.write(Expectation.ACCEPT, community.code(), community.fullName(), community.subdistrictCode(), "是");
            }
        }
    }
}
