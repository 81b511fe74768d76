package xingcun.pipeline.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest
{
    @Test
    void computesPatentCheckCharacters()
    {
        // the examples of program-facts.md
        assertThat(PatentNumbers.checkCharacter("200310100002")).isEqualTo('X');
        assertThat(PatentNumbers.checkCharacter("95115608")).isEqualTo('X');
    }

    @Test
    void readsPatentTypeDigitAndCheck()
    {
        String utility = "202120345678";
        String valid = "ZL" + utility + "." + PatentNumbers.checkCharacter(utility);
        assertThat(PatentNumbers.check(valid).number()).map(PatentNumbers.PatentNumber::typeDigit).contains('2');
        char wrong = PatentNumbers.checkCharacter(utility) == '0' ? '1' : '0';
        PatentNumbers.Result bad = PatentNumbers.check(utility + wrong);
        assertThat(bad.checkDigitValid()).isFalse();
        assertThat(bad.number()).isEmpty();
        assertThat(PatentNumbers.check("CN212345678U").number()).map(PatentNumbers.PatentNumber::typeDigit).contains('2');
        assertThat(PatentNumbers.check("CN212345678A").number()).isEmpty();
        assertThat(PatentNumbers.check("not a patent").checkDigitValid()).isTrue();
        assertThat(PatentNumbers.check("not a patent").number()).isEmpty();
    }

    @Test
    void checksRegistrationNumbers()
    {
        assertThat(RegistrationNumbers.isSoftwareCopyright("2021SR0143549")).isTrue();
        assertThat(RegistrationNumbers.isSoftwareCopyright("1890SR0143549")).isFalse();
        assertThat(RegistrationNumbers.isSoftwareCopyright("2021SR01")).isFalse();
        assertThat(RegistrationNumbers.isEnterpriseStandard("Q/ABCDE0001—2008")).isTrue();
        assertThat(RegistrationNumbers.isEnterpriseStandard("Q/XHCM001-2021")).isTrue();
        assertThat(RegistrationNumbers.isEnterpriseStandard("GB/T 2260-2007")).isFalse();
        assertThat(RegistrationNumbers.isVariety("滇审稻2023028号")).isTrue();
        assertThat(RegistrationNumbers.isVariety("GPD草莓(2021)530012")).isTrue();
        assertThat(RegistrationNumbers.isVariety("GPD草莓（2021）530012")).isTrue();
        assertThat(RegistrationNumbers.isVariety("草莓一号")).isFalse();
    }

    @Test
    void checksAndMasksPersonalNumbers()
    {
        assertThat(PersonalNumbers.isResidentId("11010519491231002X")).isTrue();
        assertThat(PersonalNumbers.isResidentId("110105194912310021")).isFalse();
        assertThat(PersonalNumbers.maskResidentId("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(PersonalNumbers.isMobilePhone("13812345678")).isTrue();
        assertThat(PersonalNumbers.isMobilePhone("12812345678")).isFalse();
        // as the pattern 1[3-9]\d{9} reads them: eleven ASCII digits, no more, no fewer, no full-width ones
        assertThat(PersonalNumbers.isMobilePhone("19912345678")).isTrue();
        assertThat(PersonalNumbers.isMobilePhone("1381234567")).isFalse();
        assertThat(PersonalNumbers.isMobilePhone("138123456789")).isFalse();
        assertThat(PersonalNumbers.isMobilePhone("1381234567a")).isFalse();
        assertThat(PersonalNumbers.isMobilePhone("23812345678")).isFalse();
        assertThat(PersonalNumbers.isMobilePhone("１３８１２３４５６７８")).isFalse();
        assertThat(PersonalNumbers.maskPhone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void hashesPersonalDataWithTheLakeKey()
    {
        PersonalDataHasher hasher = new PersonalDataHasher(new byte[32]);
        PersonalDataHasher otherLake = new PersonalDataHasher(new byte[] {1, 2, 3});
        assertThat(hasher.hash("张三")).isEqualTo(hasher.hash("张三")).hasSize(32).doesNotContain("张三");
        assertThat(hasher.hash("张三")).isNotEqualTo(hasher.hash("李四")).isNotEqualTo(otherLake.hash("张三"));
    }

    /** The lake's hashes are HMAC-SHA256 as javax.crypto.Mac computes it, for keys and values of every length around SHA-256's block. */
    @Test
    void personalDataHashesAreJavaxMacHmacSha256()
            throws Exception
    {
        java.util.Random random = new java.util.Random(7);
        for (int keyLength : new int[] {1, 3, 32, 63, 64, 65, 100}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            PersonalDataHasher hasher = new PersonalDataHasher(key);
            for (String value : java.util.List.of("", "13812345678", "张三", "530112198801011234", "x".repeat(55), "y".repeat(56), "z".repeat(64), "长".repeat(70))) {
                String expected = java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
                assertThat(hasher.hash(value)).as("key of %d bytes, value %s", keyLength, value).isEqualTo(expected);
                assertThat(hasher.hash(value)).as("again").isEqualTo(expected);
            }
        }
    }

    @Test
    void anEmptyKeyIsRefused()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PersonalDataHasher(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The personal-data key is empty");
    }

    /** The hasher travels to the executors in a Spark broadcast: a copy hashes as the original does. */
    @Test
    void aSerializedHasherHashesTheSame()
            throws Exception
    {
        PersonalDataHasher hasher = new PersonalDataHasher(new byte[] {4, 5, 6, 7});
        String before = hasher.hash("13812345678");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(hasher);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((PersonalDataHasher) in.readObject()).hash("13812345678")).isEqualTo(before);
        }
    }

    /** One hasher serves every task of a Spark executor at once (it travels in a broadcast): hashes must not mix. */
    @Test
    void personalDataHashesAreRightFromManyThreadsAtOnce()
            throws Exception
    {
        PersonalDataHasher shared = new PersonalDataHasher(new byte[32]);
        java.util.List<String> phones = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "139" + String.format("%08d", i)).toList();
        java.util.Map<String, String> expected = new java.util.HashMap<>();
        PersonalDataHasher alone = new PersonalDataHasher(new byte[32]);
        phones.forEach(phone -> expected.put(phone, alone.hash(phone)));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Long>> wrong = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                wrong.add(threads.submit(() -> phones.stream().filter(phone -> !shared.hash(phone).equals(expected.get(phone))).count()));
            }
            for (java.util.concurrent.Future<Long> count : wrong) {
                assertThat(count.get()).isZero();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }
}
