package org.grassroots.caseservice.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * Recognising, cleaning and shrinking photos, on fixtures made with ImageMagick and exiftool: each
 * carries a phone make and model ("TestPhone"), a GPS position, an XMP creator or a text comment.
 */
class PhotoTest {

    @Test
    void givenTheFirstBytes_whenRecognised_thenJpegPngAndWebpAreKnownAndAnythingElseIsNot() throws IOException {
        assertThat(ImageFormat.of(fixture("street-gps.jpg"))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.of(fixture("pothole.png"))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.of(fixture("rubbish.webp"))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.of("GIF89a........".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.of(new byte[] {(byte) 0xFF})).isEmpty();
    }

    @Test
    void givenAJpegWithExifGpsXmpAndAComment_whenPrepared_thenOnlyTheOrientationIsLeftAndThePixelsAreUntouched()
            throws Exception {
        byte[] sent = fixture("street-gps.jpg");
        assertThat(contains(sent, "TestPhone")).isTrue();

        Photo photo = Photo.prepare(ImageFormat.JPEG, sent);

        assertThat(contains(photo.bytes(), "TestPhone")).isFalse();
        assertThat(contains(photo.bytes(), "Test Creator")).isFalse();
        assertThat(contains(photo.bytes(), "a test comment")).isFalse();
        assertThat(contains(photo.bytes(), "http://ns.adobe.com/xap")).isFalse();
        assertThat(MetadataRemover.clean(ImageFormat.JPEG, photo.bytes()).orientation()).isEqualTo(6);
        // the orientation segment is all the EXIF there is: 6 bytes of identifier, 26 of TIFF
        assertThat(occurrences(photo.bytes(), "Exif\0\0")).isEqualTo(1);
        assertThat(photo.bytes().length).isLessThan(sent.length);
        // turned a quarter by its orientation: 640×480 stored, 480×640 shown
        assertThat(photo.width()).isEqualTo(480);
        assertThat(photo.height()).isEqualTo(640);
        assertThat(decode(photo.bytes()).getRGB(320, 340)).isEqualTo(decode(sent).getRGB(320, 340));
        assertThat(photo.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void givenAPngWithTextAndExifChunks_whenPrepared_thenTheyAreGoneAndTheImageStillDecodes() throws Exception {
        byte[] sent = fixture("pothole.png");

        Photo photo = Photo.prepare(ImageFormat.PNG, sent);

        assertThat(contains(photo.bytes(), "TestPhone")).isFalse();
        assertThat(contains(photo.bytes(), "Test Author")).isFalse();
        assertThat(contains(photo.bytes(), "eXIf")).isFalse();
        assertThat(contains(photo.bytes(), "tEXt")).isFalse();
        assertThat(decode(photo.bytes()).getWidth()).isEqualTo(300);
        assertThat(photo.width()).isEqualTo(300);
        assertThat(photo.height()).isEqualTo(200);
    }

    @Test
    void givenAWebpWithExifAndXmp_whenPrepared_thenTheChunksAndTheirFlagsAreGoneAndItStillDecodes() throws Exception {
        byte[] sent = fixture("rubbish.webp");
        assertThat(contains(sent, "EXIF")).isTrue();

        Photo photo = Photo.prepare(ImageFormat.WEBP, sent);

        assertThat(contains(photo.bytes(), "EXIF")).isFalse();
        assertThat(contains(photo.bytes(), "XMP ")).isFalse();
        assertThat(contains(photo.bytes(), "TestPhone")).isFalse();
        int riffSize = (photo.bytes()[4] & 0xFF) | (photo.bytes()[5] & 0xFF) << 8 | (photo.bytes()[6] & 0xFF) << 16
                | (photo.bytes()[7] & 0xFF) << 24;
        assertThat(riffSize).isEqualTo(photo.bytes().length - 8);
        assertThat(decode(photo.bytes()).getWidth()).isEqualTo(400);
        assertThat(photo.height()).isEqualTo(300);
        assertThat(decode(photo.thumbnail()).getWidth()).isEqualTo(Thumbnails.LONGER_SIDE);
    }

    @Test
    void givenAPhoto_whenPrepared_thenItsThumbnailIsAJpegTurnedAsThePhotoIsShown() throws Exception {
        Photo photo = Photo.prepare(ImageFormat.JPEG, fixture("street-gps.jpg"));

        BufferedImage thumbnail = decode(photo.thumbnail());

        assertThat(ImageFormat.of(photo.thumbnail())).contains(ImageFormat.JPEG);
        assertThat(thumbnail.getHeight()).isEqualTo(Thumbnails.LONGER_SIDE);
        assertThat(thumbnail.getWidth()).isEqualTo(240);
    }

    @Test
    void givenAJpegCutShort_whenPrepared_thenItIsUnreadable() throws IOException {
        byte[] sent = fixture("street-gps.jpg");
        byte[] cut = Arrays.copyOf(sent, sent.length / 2);

        assertThatThrownBy(() -> Photo.prepare(ImageFormat.JPEG, cut)).isInstanceOf(UnreadablePhotoException.class);
    }

    @Test
    void givenBytesThatOnlyStartLikeAPng_whenPrepared_thenTheyAreUnreadable() {
        byte[] fake = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 64);
        Arrays.fill(fake, 8, 64, (byte) 0x7F);

        assertThatThrownBy(() -> Photo.prepare(ImageFormat.PNG, fake)).isInstanceOf(UnreadablePhotoException.class);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PhotoTest.class.getResourceAsStream("/photos/" + name)) {
            return in.readAllBytes();
        }
    }

    static boolean contains(byte[] bytes, String text) {
        return occurrences(bytes, text) > 0;
    }

    static int occurrences(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        int count = 0;
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
