package org.grassroots.caseservice.attachments.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.grassroots.caseservice.attachments.AttachmentService;
import org.grassroots.caseservice.attachments.AttachmentService.SentFile;
import org.grassroots.caseservice.attachments.StoredAttachment;
import org.grassroots.contracts.cases.AttachmentStage;
import org.grassroots.platform.security.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of a case. Upload: {@code multipart/form-data} with one or more parts named {@code file}
 * and {@code stage} (REPORT, the default, RESOLUTION or NOTE). Reading needs the same right as
 * reading the case; the bytes never change for an id, so a browser may keep them (privately).
 */
@RestController
@RequestMapping("/api/cases/{caseId}/attachments")
class AttachmentController {

    /** Photos never change under their id: browsers may keep them for a year, but only for this user. */
    private static final CacheControl PRIVATE_FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate()
            .immutable();

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<List<AttachmentResponse>> upload(@PathVariable String caseId,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "REPORT") AttachmentStage stage, Caller caller) {
        List<SentFile> sent = files == null ? List.of() : files.stream().map(AttachmentController::sent).toList();
        List<AttachmentResponse> stored = attachments.upload(caseId, stage, sent, caller).stream()
                .map(AttachmentResponse::of).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<AttachmentResponse> list(@PathVariable String caseId, Caller caller) {
        return attachments.list(caseId, caller).stream().map(AttachmentResponse::of).toList();
    }

    @GetMapping("/{attachmentId}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<InputStreamResource> photo(@PathVariable String caseId, @PathVariable String attachmentId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Caller caller) {
        StoredAttachment attachment = attachments.get(caseId, attachmentId, caller);
        return serve(attachment, "\"" + attachment.sha256() + "\"", ifNoneMatch,
                MediaType.parseMediaType(attachment.contentType()), attachment.size(), attachment.fileName(),
                () -> attachments.openPhoto(attachment));
    }

    @GetMapping("/{attachmentId}/thumbnail")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable String caseId, @PathVariable String attachmentId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Caller caller) {
        StoredAttachment attachment = attachments.get(caseId, attachmentId, caller);
        return serve(attachment, "\"" + attachment.sha256() + "-thumbnail\"", ifNoneMatch, MediaType.IMAGE_JPEG,
                attachment.thumbnailSize(), attachment.id() + "-thumbnail.jpg",
                () -> attachments.openThumbnail(attachment));
    }

    private interface Opener {
        InputStream open();
    }

    private static ResponseEntity<InputStreamResource> serve(StoredAttachment attachment, String etag,
            String ifNoneMatch, MediaType type, long length, String fileName, Opener opener) {
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PRIVATE_FOR_A_YEAR).build();
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(length)
                .eTag(etag)
                .cacheControl(PRIVATE_FOR_A_YEAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(opener.open()));
    }

    private static SentFile sent(MultipartFile file) {
        return new SentFile() {
            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }
}
