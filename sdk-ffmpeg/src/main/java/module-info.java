/** FFmpeg deliverables: probe, transcode, thumbnails and renditions with checksums. */
module dev.videojob.ffmpeg {
  requires transitive dev.videojob.core;
  requires transitive dev.videojob.media;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.videojob.ffmpeg;
}
