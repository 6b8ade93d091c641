package org.jumpdesk.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Terminal output cut anywhere, also inside a character, is recorded as the text it was. */
class Utf8StreamTest {

    private static final String TEXT = "año ñandú 15 € ✓ 😀 end";

    @Test
    void aCharacterSplitAcrossTwoChunksIsDecodedWhole() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Utf8Stream stream = new Utf8Stream();

            String text = stream.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, 0, cut)))
                    + stream.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, cut, bytes.length)));

            assertThat(text).as("cut after byte " + cut).isEqualTo(TEXT);
        }
    }

    @Test
    void byteByByteGivesTheSameText() {
        Utf8Stream stream = new Utf8Stream();
        StringBuilder text = new StringBuilder();
        for (byte b : TEXT.getBytes(StandardCharsets.UTF_8)) {
            text.append(stream.decode(ByteBuffer.wrap(new byte[] {b})));
        }

        assertThat(text).hasToString(TEXT);
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersAndTheStreamGoesOn() {
        Utf8Stream stream = new Utf8Stream();

        String text = stream.decode(ByteBuffer.wrap(new byte[] {'a', (byte) 0xFF, 'b'}))
                + stream.decode(ByteBuffer.wrap("ñ".getBytes(StandardCharsets.UTF_8)));

        assertThat(text).isEqualTo("a\uFFFDbñ");
    }

    @Test
    void theChunkItselfIsLeftAsItWasForTheBrowser() {
        ByteBuffer chunk = ByteBuffer.wrap("ñ".getBytes(StandardCharsets.UTF_8));

        new Utf8Stream().decode(chunk);

        assertThat(chunk.remaining()).isEqualTo(2);
    }
}
