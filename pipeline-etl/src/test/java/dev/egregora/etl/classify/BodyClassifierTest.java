package dev.egregora.etl.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-written bodies and what they are; the marker phrases match whatever their case. */
class BodyClassifierTest {
    @ParameterizedTest
    @ValueSource(strings = {"This message was deleted", "THIS MESSAGE WAS DELETED.", "You deleted this message",
            "Se eliminó este mensaje", "Diese Nachricht wurde gelöscht", "Данное сообщение удалено",
            "Questo messaggio è stato eliminato"})
    void deletedMarkers(String text) {
        Body b = BodyClassifier.classify(text);
        assertThat(b.deleted()).isTrue();
        assertThat(b.omitted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Media omitted>", "<MEDIA OMITTED>", "<Medien weggelassen>", "null", "image omitted",
            "\u200Eimage omitted", "sticker OMITTED", "Quarterly report final version.pdf • 12 pages document omitted"})
    void omittedMedia(String text) {
        Body b = BodyClassifier.classify(text);
        assertThat(b.omitted()).as(text).isTrue();
        assertThat(b.attachment()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"this message was deleted, right?", "The message was deleted", "nullable",
            "a very long message that ends with the words image omitted", "Tomorrow", "<b>bold</b>", "(see above)"})
    void ordinaryText(String text) {
        Body b = BodyClassifier.classify(text);
        assertThat(b.deleted()).as(text).isFalse();
        assertThat(b.omitted()).as(text).isFalse();
        assertThat(b.attachment()).as(text).isNull();
        assertThat(b.command()).isNull();
        assertThat(b.text()).isEqualTo(text);
    }

    @Test
    void androidAttachmentWithCaptionOnTheNextLines() {
        Body b = BodyClassifier.classify("IMG-20240113-WA0001.jpg (file attached)\nlook at this\n and this");
        assertThat(b.attachment()).isEqualTo("IMG-20240113-WA0001.jpg");
        assertThat(b.text()).isEqualTo("look at this\n and this");
        assertThat(BodyClassifier.classify("IMG-1.jpg (arquivo anexado)").text()).isEmpty();
        assertThat(BodyClassifier.classify("3.jpg <attached>").attachment()).isEqualTo("3.jpg");
        assertThat(BodyClassifier.classify("not a file (really)").attachment()).isNull();
        assertThat(BodyClassifier.classify("IMG-1.jpg (a (nested) label)").attachment()).isNull();
    }

    @Test
    void iosAttachmentAnywhere() {
        Body b = BodyClassifier.classify("\u200E<attached: 00000012-PHOTO-2024-01-13-08-00-00.jpg>");
        assertThat(b.attachment()).isEqualTo("00000012-PHOTO-2024-01-13-08-00-00.jpg");
        assertThat(BodyClassifier.classify("Report.pdf • 3 pages <attached: 0001-Report.pdf>").text()).isEmpty();
    }

    @Test
    void editedMarkerIsRemoved() {
        Body b = BodyClassifier.classify("see you at 8 <This message was edited>");
        assertThat(b.edited()).isTrue();
        assertThat(b.text()).isEqualTo("see you at 8");
    }

    @Test
    void commandsIgnoreCase() {
        assertThat(BodyClassifier.classify("/EGREGORA opt-out").command().action()).isEqualTo(Command.OPT_OUT);
        assertThat(BodyClassifier.classify("/egregora set alias \u201CDona Ana\u201D").command().value())
                .isEqualTo("Dona Ana");
        assertThat(BodyClassifier.classify("/egregor opt-out").command()).isNull();
    }
}
