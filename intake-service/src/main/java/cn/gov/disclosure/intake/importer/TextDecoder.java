package cn.gov.disclosure.intake.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a clerk's file, whatever its encoding: a byte-order mark (UTF-8, UTF-16LE/BE) decides; without one,
 * UTF-16 is told by the zero bytes of its ASCII characters, then strict UTF-8 is tried, then GB18030 (a superset
 * of GBK and GB2312, what Notepad on a Chinese Windows saves as "ANSI").
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {}

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        Charset utf16 = utf16(bytes);
        if (utf16 != null) {
            int skip = bytes.length >= 2
                            && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                                    || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
                    ? 2
                    : 0;
            return new String(bytes, skip, bytes.length - skip, utf16);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(bytes, GB18030);
        if (gb != null) {
            return gb;
        }
        throw ImportException.of(
                "无法识别文本的编码（不是 UTF-8、GB18030/GBK 或 UTF-16）。请在记事本中打开，另存为 UTF-8 后再上传，或直接上传 Word 文件",
                "the text's encoding is none of UTF-8, GB18030/GBK or UTF-16; save it as UTF-8 or upload the Word file");
    }

    /** UTF-16 by its byte-order mark, or by the zero bytes of ASCII characters at even or odd positions. */
    static Charset utf16(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros * 5 >= pairs && evenZeros * 20 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 5 >= pairs && oddZeros * 20 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
