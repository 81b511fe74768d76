package xingcun.pipeline.contract;

/** How a raw cell is normalised and checked before it enters the lake. */
public enum ValueKind
{
    /** Free text, trimmed. */
    TEXT,
    /** A key such as a talent or log id: trimmed, full-width folded to half-width, upper case. */
    IDENTIFIER,
    /** A hand-typed or Excel date, stored as a date. */
    DATE,
    /** A non-negative whole number. */
    COUNT,
    /** A non-negative number. */
    DECIMAL,
    /** A non-negative amount of money, stored in yuan (万元 × 10,000, 亿元 × 100,000,000). */
    MONEY,
    /** One word of an {@link Enumeration}, stored as its canonical English word. */
    ENUMERATION,
    /** A 12-digit division code or a community name; both resolve to one community of the program's set. */
    COMMUNITY,
    /** A talent id that must exist in the lake or in the same run. */
    TALENT_REFERENCE,
    /** A training id that must exist in the lake or in the same run. */
    TRAINING_REFERENCE,
    /** A statistics period: 2021, 2021Q3, 2021-07, 2021年, 2021年第三季度. */
    PERIOD,
    /** An 18-digit resident id number: personal, checked, stored masked and hashed. */
    ID_NUMBER,
    /** A mobile phone number: personal, checked, stored masked and hashed. */
    PHONE,
    /** A private person's name: personal, stored as a keyed hash only. */
    PERSON_NAME,
    /** A 12-digit statistics division code (of a community or a sub-district). */
    DIVISION_CODE,
    /** Yes or no: 是/否, true/false, yes/no, Y/N, 1/0. */
    FLAG,
    /** A registration number (patent, copyright, standard, variety), checked against the output type. */
    REGISTRATION_NUMBER,
}
