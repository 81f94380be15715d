package org.ruralinfo.intake;

import java.nio.file.Path;

/** An attachment and the file that holds its bytes. */
public record AttachmentContent(Attachment attachment, Path file) {
}
