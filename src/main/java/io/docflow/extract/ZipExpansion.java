package io.docflow.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.docflow.jobs.FailureReason;

/**
 * Refuses a zip-based document (DOCX, XLSX, PPTX, ODF, EPUB, a plain ZIP) whose entries declare that they expand to
 * more than {@code maxRatio} times the file's size, once that is more than {@link #FLOOR} bytes: a decompression
 * bomb is stopped before a parser inflates a byte of it. The sizes come from the zip's central directory; an entry
 * whose data inflates to another size than it declares fails when it is read (java.util.zip checks), and a parse that
 * inflates beyond its worker's heap or time regardless fails the document there.
 */
final class ZipExpansion {

    /** Below this many expanded bytes nothing is refused, whatever the ratio (small files of repeated text). */
    static final long FLOOR = 10L * 1024 * 1024;

    private ZipExpansion() {
    }

    static void check(Path document, long fileBytes, int maxRatio, String description) {
        if (!startsLikeAZip(document)) {
            return;
        }
        long expanded = 0;
        String largest = null;
        long largestSize = 0;
        try (ZipFile zip = new ZipFile(document.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = Math.max(0, entry.getSize());
                expanded += size;
                if (size > largestSize) {
                    largestSize = size;
                    largest = entry.getName();
                }
            }
        } catch (IOException e) {
            return; // not a zip the JDK reads: the parser decides what the file is
        }
        long limit = Math.max(FLOOR, (long) maxRatio * Math.max(1, fileBytes));
        if (expanded > limit) {
            throw new DocumentExtractionException(FailureReason.TOO_LARGE_EXPANDED, "Document " + description + " ("
                    + fileBytes + " bytes) expands to " + expanded + " bytes (" + largest + ": " + largestSize
                    + "), more than docflow.extract.max-expansion-ratio (" + maxRatio + ") times its size: a decompression bomb");
        }
    }

    private static boolean startsLikeAZip(Path document) {
        try (InputStream in = Files.newInputStream(document)) {
            return startsLikeAZip(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the stream starts with a zip's local file header (PK\3\4); consumes 4 bytes. */
    static boolean startsLikeAZip(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
}
