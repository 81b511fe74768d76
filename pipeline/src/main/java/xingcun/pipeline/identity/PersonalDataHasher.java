package xingcun.pipeline.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * Keyed hashes (HMAC-SHA256) of personal values. A plain hash of a phone number can be reversed by trying all
 * 10^10 numbers; a keyed one cannot without the lake's secret key, yet equal values still hash equal, so
 * de-duplication and joins keep working.
 */
public final class PersonalDataHasher
        implements Serializable
{
    private final byte[] key;
    // a Mac is not thread-safe, and one hasher serves every task of an executor (it travels in a broadcast)
    private transient ThreadLocal<Mac> macs = new ThreadLocal<>();

    public PersonalDataHasher(byte[] key)
    {
        this.key = requireNonNull(key, "key is null").clone();
    }

    private void readObject(java.io.ObjectInputStream in)
            throws java.io.IOException, ClassNotFoundException
    {
        in.defaultReadObject();
        macs = new ThreadLocal<>(); // transient fields come back null
    }

    public String hash(String value)
    {
        try {
            Mac mac = macs.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                macs.set(mac);
            }
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hash personal data: HmacSHA256 is unavailable", e);
        }
    }
}
