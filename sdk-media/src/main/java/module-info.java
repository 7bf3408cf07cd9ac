/**
 * Media transfer: resumable downloads, presigned and multipart uploads, provenance manifests.
 *
 * <p>{@code dev.videojob.media.internal} is machinery, shared only with {@code dev.videojob.ffmpeg}
 * and never exported to applications.
 */
@SuppressWarnings("module") // the qualified export names a module that is built after this one
module dev.videojob.media {
  requires transitive dev.videojob.core;
  requires java.xml;
  requires com.fasterxml.jackson.databind;
  requires dev.failsafe.core;
  requires org.slf4j;

  exports dev.videojob.media;

  // Each grant and its reason: InternalGrants in module-tests, which checks this list against it.
  exports dev.videojob.media.internal to
      dev.videojob.ffmpeg;
}
