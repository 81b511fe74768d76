package xingcun.pipeline.sample;

import xingcun.pipeline.identity.PersonalNumbers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Synthetic people: Chinese names, mobile phones and resident ids that pass the ingest's checks but belong to nobody.
 * Phones are unique across the whole sample, so an attendee and a talent never share one by accident.
 */
final class SyntheticPeople
{
    private static final String SURNAMES = "李王张杨刘陈赵黄周吴徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢段普鲁";
    private static final String MALE_GIVEN = "建国华明军伟强磊涛刚勇林平斌超鹏洪福文发荣德昌祥志永学成忠家兴光金俊宏卫海波正有";
    private static final String FEMALE_GIVEN = "丽芳秀英红云敏静燕霞春玉兰梅琼娟艳萍婷雪莉凤翠慧晓亚琴桂珍菊蓉";
    /** Mobile prefixes of the three carriers; all are 1[3-9]x. */
    private static final List<String> PHONE_PREFIXES = List.of("135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
            "159", "182", "183", "187", "188", "130", "131", "155", "156", "185", "186", "133", "153", "180", "181", "189", "199");
    /** Birthplace codes of the resident id: Kunming districts and a few Yunnan prefectures. */
    private static final List<String> REGIONS = List.of("530102", "530103", "530111", "530112", "530113", "530114", "530181",
            "530381", "532301", "532901", "530402", "532502", "530602");

    private final SampleRandom random;
    private final Set<String> usedPhones = new HashSet<>();

    SyntheticPeople(long seed)
    {
        this.random = new SampleRandom(seed);
    }

    /** A name of 2 or 3 characters not yet in `taken` (which is updated). */
    String name(boolean male, Set<String> taken)
    {
        String given = male ? MALE_GIVEN : FEMALE_GIVEN;
        for (int attempt = 0; attempt < 1000; attempt++) {
            StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.between(0, SURNAMES.length() - 1)));
            name.append(given.charAt(random.between(0, given.length() - 1)));
            if (random.chance(0.6)) {
                char second = given.charAt(random.between(0, given.length() - 1));
                if (second == name.charAt(1)) {
                    continue;
                }
                name.append(second);
            }
            if (taken.add(name.toString())) {
                return name.toString();
            }
        }
        throw new IllegalStateException("Cannot find a new name");
    }

    boolean male()
    {
        return random.chance(0.55);
    }

    /** 1[3-9] + 9 digits, never handed out twice. */
    String phone()
    {
        while (true) {
            String phone = random.pick(PHONE_PREFIXES) + Digits.padded(random.between(0, 99_999_999), 8);
            if (PersonalNumbers.isMobilePhone(phone) && usedPhones.add(phone)) {
                return phone;
            }
        }
    }

    /** An 18-digit resident id: region, birth date, order number (odd = male) and the check character. */
    String residentId(boolean male, int birthYearFrom, int birthYearTo)
    {
        LocalDate from = LocalDate.of(birthYearFrom, 1, 1);
        int span = (int) (LocalDate.of(birthYearTo, 12, 31).toEpochDay() - from.toEpochDay());
        LocalDate birth = from.plusDays(random.between(0, span));
        int order = random.between(1, 499) * 2 - (male ? 1 : 0);
        String first17 = random.pick(REGIONS) + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(order);
        return first17 + PersonalNumbers.residentIdCheck(first17);
    }
}
