package xingcun.pipeline.sample;

import xingcun.pipeline.identity.PatentNumbers;
import xingcun.pipeline.sample.InboxFiles.LedgerFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The outputs an expert registers in a year (ip_outputs/2025年成果登记.jsonl): patents with their real check
 * character, software copyrights, enterprise standards and provincially registered varieties, each numbered in the
 * format its register uses. An output not yet granted by the year's end is exported as filed only.
 */
final class ScaleIpOutputs
{
    private static final List<String> TYPES = List.of("实用新型专利", "外观设计专利", "发明专利", "软件著作权", "企业标准", "新品种");
    private static final int[] TYPE_WEIGHTS = {40, 10, 5, 10, 15, 20};
    private static final List<String> DEVICES = List.of("栽培架", "滴灌装置", "采摘器", "分级筛", "育苗盘", "周转箱", "防虫网支架", "烘干装置");
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTWXYZ";

    private ScaleIpOutputs() {}

    static void write(CountyScope scope, ScaleTalent talent, LocalDate from, LocalDate to)
            throws IOException
    {
        SampleRandom random = scope.random();
        int outputs = random.chance(0.15 * talent.activity()) ? (random.chance(0.2) ? 2 : 1) : 0;
        for (int i = 0; i < outputs; i++) {
            String product = talent.community().product();
            String type = TYPES.get(random.weighted(TYPE_WEIGHTS));
            if (type.equals("新品种") && ProductCatalog.livestock(product)) {
                type = "企业标准"; // herds have no plant variety to register
            }
            LocalDate filed = random.day(from, to);
            LocalDate granted = filed.plusDays(random.between(60, 300));
            boolean grantedInYear = !granted.isAfter(to);
            String number = registrationNumber(type, product, filed.getYear(), grantedInYear, random);
            PeriodLedgers ledgers = scope.ledgers().ipOutputs();
            Object[] cells = {ledgers.nextNumber(filed), type, number, title(type, product, random), talent.talentId(), talent.community().code(),
                    filed.toString(), grantedInYear ? granted.toString() : "", grantedInYear ? status(type) : "审查中"};
            LedgerFile ledger = ledgers.at(filed);
            ledger.write(Expectation.ACCEPT, cells);
            boolean patent = type.endsWith("专利");
            switch (scope.bad().twin(patent ? 2 : 1)) {
                case 0 -> ledger.write(Expectation.REPEAT, cells);
                case 1 -> ledger.write(Expectation.reject("patent.check_digit"), BadRows.with(cells, 2, BadRows.wrongCheckCharacter(number)));
                default -> {
                    // no twin
                }
            }
        }
    }

    private static String registrationNumber(String type, String product, int year, boolean granted, SampleRandom random)
    {
        return switch (type) {
            case "实用新型专利", "外观设计专利", "发明专利" -> {
                char typeDigit = type.equals("发明专利") ? '1' : type.equals("实用新型专利") ? '2' : '3';
                String digits = year + String.valueOf(typeDigit) + "%07d".formatted(random.between(0, 9_999_999));
                yield (granted ? "ZL" : "") + IpOutputRegister.patent(digits, random.chance(0.7));
            }
            case "软件著作权" -> year + "SR" + "%07d".formatted(random.between(0, 9_999_999));
            case "企业标准" -> "Q/" + letters(random, random.between(2, 5)) + "%03d".formatted(random.between(1, 120)) + (random.chance(0.3) ? "—" : "-") + year;
            default -> product.equals("彩色水稻")
                    ? "滇审稻" + year + "%03d".formatted(random.between(1, 60)) + "号"
                    : "GPD" + product + "(" + year + ")53" + "%04d".formatted(random.between(1, 9999));
        };
    }

    private static String title(String type, String product, SampleRandom random)
    {
        return switch (type) {
            case "实用新型专利", "发明专利" -> "一种" + product + random.pick(DEVICES);
            case "外观设计专利" -> product + "礼品包装盒";
            case "软件著作权" -> product + "种植管理系统V" + random.between(1, 3) + ".0";
            case "企业标准" -> product + "生产技术规程";
            default -> "云" + product.charAt(0) + random.between(1, 30) + "号";
        };
    }

    private static String status(String type)
    {
        return switch (type) {
            case "实用新型专利", "外观设计专利", "发明专利" -> "已授权";
            case "企业标准" -> "已发布";
            default -> "已登记";
        };
    }

    private static String letters(SampleRandom random, int count)
    {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append(LETTERS.charAt(random.between(0, LETTERS.length() - 1)));
        }
        return letters.toString();
    }
}
