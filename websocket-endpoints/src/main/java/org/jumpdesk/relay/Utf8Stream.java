package org.jumpdesk.relay;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a byte stream that arrives in chunks, as UTF-8. A terminal cuts its output anywhere, also inside
 * a character: the bytes of a character left unfinished at the end of one chunk are kept and decoded with
 * the next, so the recording holds "ñ", not two replacement characters. Bytes that are not UTF-8 become
 * U+FFFD.
 */
final class Utf8Stream {

    /** An unfinished character is at most three bytes (a UTF-8 character has at most four). */
    private final ByteBuffer unfinished = ByteBuffer.allocate(4);

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** The text of this chunk, with the end of a character the last chunk began; the chunk is not changed. */
    synchronized String decode(ByteBuffer chunk) {
        ByteBuffer input = chunk.duplicate();
        if (unfinished.position() > 0) {
            ByteBuffer joined = ByteBuffer.allocate(unfinished.position() + input.remaining());
            joined.put(unfinished.flip()).put(input).flip();
            unfinished.clear();
            input = joined;
        }
        CharBuffer text = CharBuffer.allocate(input.remaining());
        decoder.decode(input, text, false);
        unfinished.put(input);
        return text.flip().toString();
    }
}
