package org.ruralinfo.intake.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralinfo.intake.internal.Harness.EDITOR;
import static org.ruralinfo.intake.internal.Harness.LUNTAI_OFFICER;
import static org.ruralinfo.intake.internal.Harness.OFFICER;
import static org.ruralinfo.intake.internal.Harness.REVIEWER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.Attachment;
import org.ruralinfo.intake.AttachmentContent;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.IntakeException;
import org.ruralinfo.intake.TransitionRequest;

/** Photos and scans: type judged by content, size limited, stored on disk by SHA-256 with a row. */
class AttachmentsTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path home;
    Harness h;
    String id;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(home, new Settings(Duration.ofHours(2), 3, ZoneId.of("Asia/Shanghai"), 0.6, 4096, 500,
                200_000));
        id = h.intake.create(OFFICER, new Draft(null, ItemType.WORK_RESULTS, "现场照片", "正文", null, null, null, null))
                .item().id();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private Attachment attach(String name, String declared, byte[] content) {
        return h.intake.attach(OFFICER, id, name, declared, new ByteArrayInputStream(content));
    }

    @Test
    void photosAndScansAreStoredByChecksumWithTheirTypeFromTheContent() throws Exception {
        Attachment jpg = attach("现场.jpg", "application/octet-stream", JPEG);
        assertEquals(MediaTypes.JPEG, jpg.mediaType(), "the content decides, not the declared type");
        assertEquals(1, jpg.seq());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JPEG)), jpg.sha256());
        Path file = home.resolve("attachments").resolve(jpg.sha256());
        assertArrayEquals(JPEG, Files.readAllBytes(file));
        assertEquals(MediaTypes.PNG, attach("a.png", "image/png", PNG).mediaType());
        Attachment pdf = attach("C:\\scans\\扫描件.pdf", null, PDF);
        assertEquals(MediaTypes.PDF, pdf.mediaType());
        assertEquals("扫描件.pdf", pdf.name(), "no folders in a stored name");
        assertEquals(3, pdf.seq());
        AttachmentContent back = h.intake.attachment(REVIEWER, id, 1);
        assertEquals(file, back.file());
        assertEquals(3, h.intake.get(EDITOR, id).attachments().size());
        assertEquals(1, h.count("SELECT COUNT(*) FROM attachments WHERE item = ? AND sha256 = ?", id, jpg.sha256()));
    }

    @Test
    void docxIsAZipWithAWordDocument() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(MediaTypes.DOCX, attach("报告.docx", null, bytes.toByteArray()).mediaType());
    }

    @Test
    void otherContentIsRefusedWhateverItClaims() throws Exception {
        for (byte[] content : new byte[][] {"<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
            {'M', 'Z', (byte) 0x90, 0}, {}}) {
            IntakeException e = assertThrows(IntakeException.class, () -> attach("photo.jpg", "image/jpeg", content));
            assertEquals(IntakeException.Kind.UNSUPPORTED_TYPE, e.kind());
        }
        assertEquals(0, h.count("SELECT COUNT(*) FROM attachments"));
        assertEquals(0, Files.list(home.resolve("attachments")).count(), "nothing left on disk");
    }

    @Test
    void tooLargeIsRefusedAndLeavesNothing() throws Exception {
        byte[] big = new byte[4097];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        IntakeException e = assertThrows(IntakeException.class, () -> attach("big.jpg", "image/jpeg", big));
        assertEquals(IntakeException.Kind.TOO_LARGE, e.kind());
        assertEquals(0, Files.list(home.resolve("attachments")).count());
        byte[] limit = new byte[4096];
        System.arraycopy(JPEG, 0, limit, 0, JPEG.length);
        assertEquals(4096, attach("ok.jpg", null, limit).size());
    }

    @Test
    void onlyTheUnitsOfficerAttachesAndOnlyToAnEditableItem() {
        assertEquals(IntakeException.Kind.NOT_FOUND, assertThrows(IntakeException.class, () -> h.intake.attach(
                LUNTAI_OFFICER, id, "a.jpg", null, new ByteArrayInputStream(JPEG))).kind());
        assertEquals(IntakeException.Kind.FORBIDDEN, assertThrows(IntakeException.class, () -> h.intake.attach(
                REVIEWER, id, "a.jpg", null, new ByteArrayInputStream(JPEG))).kind());
        assertEquals(IntakeException.Kind.NOT_FOUND, assertThrows(IntakeException.class,
                () -> h.intake.attachment(LUNTAI_OFFICER, id, 1)).kind());
        h.intake.transition(OFFICER, id, TransitionRequest.of(Action.SUBMIT));
        assertEquals(IntakeException.Kind.CONFLICT, assertThrows(IntakeException.class,
                () -> attach("a.jpg", null, JPEG)).kind());
        assertTrue(h.intake.get(OFFICER, id).attachments().isEmpty());
    }
}
