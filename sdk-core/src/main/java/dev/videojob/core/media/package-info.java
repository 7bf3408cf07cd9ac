/**
 * Media transfer and provenance: stream an output {@link dev.videojob.core.Asset} to a file with
 * its sha256, resume and retries ({@link dev.videojob.core.media.MediaTransfer}); upload inputs to
 * presigned URLs, in parts for large files; and record, sign and verify where a deliverable came
 * from ({@link dev.videojob.core.media.ProvenanceManifest}).
 */
package dev.videojob.core.media;
