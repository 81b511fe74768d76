package xingcun.pipeline.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a text file's encoding by decoding it strictly: UTF-8 (with or without BOM) first, since GB18030 would
 * also "decode" most UTF-8 bytes into nonsense; then GB18030, a superset of the GBK that Chinese Excel writes.
 * Decoding the whole file is one sequential read, cheap next to the Spark job that follows.
 */
public final class EncodingDetector
{
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final int BUFFER_BYTES = 1 << 20;

    private EncodingDetector() {}

    /** The encoding the whole file decodes in, or empty when it decodes in neither (UTF-16, Big5 damage, binary). */
    public static Optional<Charset> detect(Path file)
            throws IOException
    {
        byte[] head = new byte[3];
        int headLength;
        try (InputStream stream = Files.newInputStream(file)) {
            headLength = stream.readNBytes(head, 0, 3);
        }
        if (headLength >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return Optional.empty(); // UTF-16: Excel's "Unicode text"; we ask for UTF-8 instead
        }
        if (decodesStrictly(file, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (decodesStrictly(file, GB18030)) {
            return Optional.of(GB18030);
        }
        return Optional.empty();
    }

    /**
     * The charset to count the lines of a file that {@link #detect} refused: UTF-16 by its byte-order mark
     * (its bytes hold stray 0x0A/0x0D), else single bytes, so that its rows still count as read and rejected.
     */
    public static Charset forCountingLines(Path file)
            throws IOException
    {
        byte[] head;
        try (InputStream stream = Files.newInputStream(file)) {
            head = stream.readNBytes(2);
        }
        if (head.length == 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length == 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.ISO_8859_1;
    }

    private static boolean decodesStrictly(Path file, Charset charset)
            throws IOException
    {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.allocate(BUFFER_BYTES);
        CharBuffer output = CharBuffer.allocate(BUFFER_BYTES);
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[BUFFER_BYTES / 2];
            int read;
            while ((read = stream.read(chunk)) != -1) {
                input.put(chunk, 0, read);
                input.flip();
                if (decoder.decode(input, output, false).isError()) {
                    return false;
                }
                input.compact();
                output.clear();
            }
            input.flip();
            if (decoder.decode(input, output, true).isError() || input.hasRemaining()) {
                return false;
            }
            return !decoder.flush(output).isError();
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }
}
