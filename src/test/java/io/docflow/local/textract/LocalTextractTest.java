package io.docflow.local.textract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.docflow.local.LocalAws;
import io.docflow.ocr.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.Block;
import software.amazon.awssdk.services.textract.model.BlockType;
import software.amazon.awssdk.services.textract.model.InvalidParameterException;
import software.amazon.awssdk.services.textract.model.RelationshipType;
import software.amazon.awssdk.services.textract.model.UnsupportedDocumentException;

/** The local Textract through the real SDK client: the JSON 1.1 protocol, blocks and errors as Textract gives them. */
class LocalTextractTest {

    private static LocalTextract textract;
    private static TextractClient client;

    @BeforeAll
    static void start() {
        textract = LocalTextract.start(0);
        client = TextractClient.builder()
                .region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(textract.endpoint())
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        textract.close();
    }

    @Test
    void detectDocumentTextAnswersPageLineAndWordBlocks() {
        byte[] png = Scans.encode(Scans.page(List.of("INVOICE", "Invoice Number: INV-TX-1"), 150), "png");
        int before = textract.pagesRead();

        var response = client.detectDocumentText(b -> b.document(d -> d.bytes(SdkBytes.fromByteArray(png))));

        assertThat(response.documentMetadata().pages()).isEqualTo(1);
        List<Block> blocks = response.blocks();
        assertThat(blocks.get(0).blockType()).isEqualTo(BlockType.PAGE);
        List<Block> lines = blocks.stream().filter(b -> b.blockType() == BlockType.LINE).toList();
        assertThat(lines).extracting(Block::text).containsExactly("INVOICE", "Invoice Number: INV-TX-1");
        assertThat(lines.get(1).confidence()).isGreaterThan(80f);
        assertThat(lines.get(1).geometry().boundingBox().left()).isBetween(0.05f, 0.2f);
        assertThat(lines.get(1).geometry().polygon()).hasSize(4);
        assertThat(lines.get(1).relationships().get(0).type()).isEqualTo(RelationshipType.CHILD);
        assertThat(lines.get(1).relationships().get(0).ids()).hasSize(3);
        assertThat(blocks.stream().filter(b -> b.blockType() == BlockType.WORD)).hasSize(4)
                .allSatisfy(word -> assertThat(word.confidence()).isPositive());
        assertThat(textract.pagesRead()).isEqualTo(before + 1);
    }

    @Test
    void whatTextractCannotReadIsRefusedWithItsError() {
        byte[] pdf = "%PDF-1.7\n".getBytes();

        assertThatThrownBy(() -> client.detectDocumentText(b -> b.document(d -> d.bytes(SdkBytes.fromByteArray(pdf)))))
                .isInstanceOf(UnsupportedDocumentException.class);
        assertThatThrownBy(() -> client.detectDocumentText(b -> b.document(d -> d.s3Object(o -> o.bucket("b").name("k")))))
                .isInstanceOf(InvalidParameterException.class);
    }
}
