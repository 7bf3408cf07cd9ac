/**
 * Media transfer and provenance: stream an output {@link dev.videojob.core.Asset} to a file with
 * its sha256, resume and retries ({@link dev.videojob.media.MediaTransfer}); upload inputs to
 * presigned URLs, in parts for large files; and record, sign and verify where a deliverable came
 * from ({@link dev.videojob.media.ProvenanceManifest}). {@link dev.videojob.media.ClientDownloads}
 * fetches a job's outputs with its provider's credentials.
 */
package dev.videojob.media;
