package org.grassroots.caseservice.attachments;

import java.util.Optional;

/**
 * The photo formats the platform takes, recognised by their first bytes ("magic numbers"): a
 * file's name and the type its sender declares are what the sender says, the bytes are what it is.
 */
public enum ImageFormat {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    /** Enough of the start of a file to tell the formats apart. */
    public static final int SIGNATURE_LENGTH = 12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format the bytes start like, or empty for anything else. */
    public static Optional<ImageFormat> of(byte[] start) {
        if (start.length >= 3 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xD8 && (start[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(start, 0, new byte[] {'R', 'I', 'F', 'F'}) && startsWith(start, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The format of a stored content type. */
    public static ImageFormat ofContentType(String contentType) {
        for (ImageFormat format : values()) {
            if (format.contentType.equals(contentType)) {
                return format;
            }
        }
        throw new IllegalArgumentException("not a photo format: " + contentType);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
