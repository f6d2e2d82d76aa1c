package org.grassroots.caseservice.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A photo made ready to store: its format recognised from the bytes, its metadata removed, its
 * thumbnail made and the SHA-256 of the bytes that will be stored.
 */
public record Photo(ImageFormat format, byte[] bytes, String sha256, int width, int height, byte[] thumbnail) {

    /** At most this many bytes per photo, as sent. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * @throws UnreadablePhotoException when the bytes start like {@code format} but are not a whole image of it
     */
    public static Photo prepare(ImageFormat format, byte[] sent) throws UnreadablePhotoException {
        MetadataRemover.Cleaned cleaned = MetadataRemover.clean(format, sent);
        Thumbnails.Thumbnail thumbnail = Thumbnails.of(cleaned.bytes(), cleaned.orientation());
        return new Photo(format, cleaned.bytes(), sha256(cleaned.bytes()), thumbnail.photoWidth(),
                thumbnail.photoHeight(), thumbnail.jpeg());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
