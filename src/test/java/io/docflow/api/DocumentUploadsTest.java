package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file name part of an upload's S3 key. */
class DocumentUploadsTest {

    @Test
    void anOrdinaryNameIsKept() {
        assertThat(DocumentUploads.safeName("Invoice 2024-03 (final).pdf")).isEqualTo("Invoice 2024-03 (final).pdf");
        assertThat(DocumentUploads.safeName("Rechnung März.pdf")).isEqualTo("Rechnung März.pdf");
    }

    @Test
    void pathPartsAreDroppedWhateverTheSeparator() {
        assertThat(DocumentUploads.safeName("/etc/passwd")).isEqualTo("passwd");
        assertThat(DocumentUploads.safeName("../../secret.pdf")).isEqualTo("secret.pdf");
        assertThat(DocumentUploads.safeName("C:\\Users\\ann\\scan.png")).isEqualTo("scan.png");
        assertThat(DocumentUploads.safeName("a/b\\c.txt")).isEqualTo("c.txt");
    }

    @Test
    void controlCharactersAndSurroundingWhitespaceAreRemoved() {
        assertThat(DocumentUploads.safeName("  report\r\n.pdf\t ")).isEqualTo("report.pdf");
        assertThat(DocumentUploads.safeName("a\u0000b\u007f.txt")).isEqualTo("ab.txt");
    }

    @Test
    void aNameThatIsNothingOrOnlyADirectoryBecomesDocument() {
        assertThat(DocumentUploads.safeName(null)).isEqualTo("document");
        assertThat(DocumentUploads.safeName("")).isEqualTo("document");
        assertThat(DocumentUploads.safeName("   ")).isEqualTo("document");
        assertThat(DocumentUploads.safeName("uploads/")).isEqualTo("document");
        assertThat(DocumentUploads.safeName(".")).isEqualTo("document");
        assertThat(DocumentUploads.safeName("..")).isEqualTo("document");
        assertThat(DocumentUploads.safeName("a/..")).isEqualTo("document");
        assertThat(DocumentUploads.safeName("\u0001\u0002")).isEqualTo("document");
    }

    @Test
    void dotsInsideANameAreNotPathParts() {
        assertThat(DocumentUploads.safeName("...")).isEqualTo("...");
        assertThat(DocumentUploads.safeName("..pdf")).isEqualTo("..pdf");
    }
}
