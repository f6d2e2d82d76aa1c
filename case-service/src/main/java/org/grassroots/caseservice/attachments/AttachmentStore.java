package org.grassroots.caseservice.attachments;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonString;
import org.bson.Document;
import org.grassroots.contracts.cases.AttachmentStage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;

/**
 * Photos and their thumbnails in GridFS, in the service's own database: bucket {@code attachments}
 * for the photos (details in each file's {@code metadata}), {@code attachment_thumbnails} for the
 * thumbnails, each file's {@code _id} the attachment id. Reads go by id, never by a scan.
 */
@Component
public class AttachmentStore implements IndexedQueries {

    static final String PHOTOS = "attachments";
    static final String THUMBNAILS = "attachment_thumbnails";

    private final GridFSBucket photos;
    private final GridFSBucket thumbnails;

    AttachmentStore(MongoTemplate mongo) {
        this.photos = GridFSBuckets.create(mongo.getDb(), PHOTOS);
        this.thumbnails = GridFSBuckets.create(mongo.getDb(), THUMBNAILS);
    }

    /**
     * The GridFS driver's own indexes (files by name and time, chunks by file and position, unique),
     * declared so that they exist from the start and the listing matches the declarations; and chunks
     * by {@code files_id} alone, the filter of a download.
     */
    @Override
    public List<StoreIndex> indexes() {
        List<StoreIndex> indexes = new java.util.ArrayList<>();
        for (String bucket : List.of(PHOTOS, THUMBNAILS)) {
            indexes.add(StoreIndex.on(bucket + ".files").ascending("filename", "uploadDate").build());
            indexes.add(StoreIndex.on(bucket + ".chunks").ascending("files_id", "n").unique().build());
            indexes.add(StoreIndex.on(bucket + ".chunks").ascending("files_id").named("files_id"));
        }
        return indexes;
    }

    StoredAttachment save(String id, String caseId, AttachmentStage stage, Photo photo, String uploadedBy,
            Instant now) {
        StoredAttachment stored = new StoredAttachment(id, caseId, stage, photo.format().contentType(),
                photo.bytes().length, photo.sha256(), photo.width(), photo.height(), now, photo.thumbnail().length);
        Document metadata = new Document("caseId", caseId).append("stage", stage.name())
                .append("contentType", stored.contentType()).append("sha256", stored.sha256())
                .append("width", stored.width()).append("height", stored.height())
                .append("createdAt", Date.from(now)).append("thumbnailSize", stored.thumbnailSize())
                .append("uploadedBy", uploadedBy);
        photos.uploadFromStream(new BsonString(id), stored.fileName(), new ByteArrayInputStream(photo.bytes()),
                new GridFSUploadOptions().metadata(metadata));
        thumbnails.uploadFromStream(new BsonString(id), id + ".jpg", new ByteArrayInputStream(photo.thumbnail()),
                new GridFSUploadOptions().metadata(new Document("caseId", caseId)));
        return stored;
    }

    /** The stored details of these attachments, in the order of {@code ids}; ids not stored are left out. */
    List<StoredAttachment> find(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, StoredAttachment> found = new LinkedHashMap<>();
        for (GridFSFile file : photos.find(Filters.in("_id", ids))) {
            StoredAttachment attachment = of(file);
            found.put(attachment.id(), attachment);
        }
        List<StoredAttachment> ordered = new ArrayList<>();
        ids.forEach(id -> Optional.ofNullable(found.get(id)).ifPresent(ordered::add));
        return ordered;
    }

    InputStream openPhoto(String id) {
        return photos.openDownloadStream(new BsonString(id));
    }

    InputStream openThumbnail(String id) {
        return thumbnails.openDownloadStream(new BsonString(id));
    }

    /** Removes a photo stored for an upload that did not reach its case; what is not there is ignored. */
    void delete(String id) {
        for (GridFSBucket bucket : List.of(photos, thumbnails)) {
            try {
                bucket.delete(new BsonString(id));
            } catch (com.mongodb.MongoGridFSException notThere) {
                // nothing stored under this id in this bucket
            }
        }
    }

    private static StoredAttachment of(GridFSFile file) {
        Document metadata = file.getMetadata() == null ? new Document() : file.getMetadata();
        return new StoredAttachment(file.getId().asString().getValue(), metadata.getString("caseId"),
                AttachmentStage.valueOf(metadata.getString("stage")), metadata.getString("contentType"),
                file.getLength(), metadata.getString("sha256"), metadata.getInteger("width", 0),
                metadata.getInteger("height", 0), metadata.getDate("createdAt").toInstant(),
                ((Number) metadata.get("thumbnailSize", 0L)).longValue());
    }
}
