package xingcun.pipeline.sample;

import java.time.LocalDate;

/** How much time one file of a large ledger covers: the file's name and the prefix of the record numbers in it. */
enum LedgerPeriod
{
    YEAR, MONTH;

    /** 2025年 or 2025年03月: how a clerk names the file. */
    String fileLabel(LocalDate day)
    {
        return this == YEAR ? day.getYear() + "年" : "%d年%02d月".formatted(day.getYear(), day.getMonthValue());
    }

    /** 2025 or 202503: record numbers restart in every file, so they carry its period to stay unique. */
    String numberPrefix(LocalDate day)
    {
        return this == YEAR ? String.valueOf(day.getYear()) : "%d%02d".formatted(day.getYear(), day.getMonthValue());
    }
}
