package org.grassroots.caseservice.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CasePhoto;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.contracts.cases.AttachmentStage;
import org.grassroots.contracts.cases.CaseAttachmentsAdded;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.problem.ProblemException;
import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Photos of a case: taken in, cleaned of their metadata, stored in GridFS and named on the case;
 * read back by whoever may see the case, and by nobody else (an attachment id alone gives nothing).
 */
@Service
public class AttachmentService {

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    private final CaseService cases;
    private final AttachmentStore store;
    private final Clock clock;

    AttachmentService(CaseService cases, AttachmentStore store, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.clock = clock;
    }

    /** A file as the caller sent it: only its size and its bytes count, never its name or declared type. */
    public interface SentFile {

        long size();

        InputStream open() throws IOException;
    }

    /**
     * Stores the photos on the case, all or none. Checked in this order, before anything is stored:
     * may the caller add photos of this stage to this case now (404, 403, 409, 400 beyond nine),
     * is each file at most 10 MB (413 naming {@code file[i]}) and a JPEG, PNG or WebP by its bytes
     * (415 naming {@code file[i]}); then each is cleaned and stored, and a file that starts like a
     * photo but cannot be decoded is a 400 naming it. If the case cannot take them in the end
     * (someone closed it meanwhile), what was stored is removed again.
     */
    public List<StoredAttachment> upload(String caseId, AttachmentStage stage, List<? extends SentFile> files,
            Caller caller) {
        if (files.isEmpty()) {
            throw new InvalidFieldException("file", "send at least one photo in the part named file");
        }
        cases.checkMayAttach(caseId, stage, files.size(), caller);
        List<ImageFormat> formats = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            formats.add(recognise(files.get(i), "file[" + i + "]"));
        }
        Instant now = clock.instant();
        List<StoredAttachment> stored = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Photo photo = prepare(files.get(i), formats.get(i), "file[" + i + "]");
                stored.add(store.save(UUID.randomUUID().toString(), caseId, stage, photo, caller.userId(), now));
            }
            cases.attach(caseId, stage, stored.stream().map(AttachmentService::described).toList(), caller);
        } catch (RuntimeException failed) {
            stored.forEach(attachment -> store.delete(attachment.id()));
            throw failed;
        }
        log.info("Stored {} {} photo(s) on case {}: {}", stored.size(), stage, caseId,
                stored.stream().map(StoredAttachment::id).toList());
        return stored;
    }

    /** The photos of a case the caller may see, in the order they were added. */
    public List<StoredAttachment> list(String caseId, Caller caller) {
        Case aCase = cases.get(caseId, caller);
        return store.find(aCase.photos().stream().map(CasePhoto::id).toList());
    }

    /** One photo of a case the caller may see; 404 for an id the case does not name. */
    public StoredAttachment get(String caseId, String attachmentId, Caller caller) {
        Case aCase = cases.get(caseId, caller);
        boolean named = aCase.photos().stream().anyMatch(photo -> photo.id().equals(attachmentId));
        Optional<StoredAttachment> found = named ? store.find(List.of(attachmentId)).stream().findFirst()
                : Optional.empty();
        return found.orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    public InputStream openPhoto(StoredAttachment attachment) {
        return store.openPhoto(attachment.id());
    }

    public InputStream openThumbnail(StoredAttachment attachment) {
        return store.openThumbnail(attachment.id());
    }

    private static ImageFormat recognise(SentFile file, String field) {
        if (file.size() > Photo.MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, field + ": " + file.size()
                    + " bytes; a photo may have at most " + Photo.MAX_BYTES + " bytes (10 MB)",
                    List.of(new FieldError(field, "is larger than 10 MB")));
        }
        byte[] start;
        try (InputStream in = file.open()) {
            start = in.readNBytes(ImageFormat.SIGNATURE_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ImageFormat.of(start).orElseThrow(() -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                field + ": not a JPEG, PNG or WebP image (recognised by its content, not its name or declared type)",
                List.of(new FieldError(field, "is not a JPEG, PNG or WebP image"))));
    }

    private static Photo prepare(SentFile file, ImageFormat format, String field) {
        try (InputStream in = file.open()) {
            return Photo.prepare(format, in.readAllBytes());
        } catch (UnreadablePhotoException broken) {
            throw new InvalidFieldException(field, "starts like a " + format + " image but " + broken.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseAttachmentsAdded.Attachment described(StoredAttachment stored) {
        return new CaseAttachmentsAdded.Attachment(stored.id(), stored.contentType(), stored.size(), stored.sha256());
    }
}
