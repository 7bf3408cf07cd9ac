package dev.videojob.media.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a download's bytes go: a temporary file moved into place at the end, or a caller's stream. */
public abstract class DownloadSink {
  /**
   * @param b bytes
   * @param off offset
   * @param len length
   * @throws IOException if the local write fails
   */
  public abstract void write(byte[] b, int off, int len) throws IOException;

  /** @return whether {@link #restart()} can discard what was written */
  public abstract boolean canRestart();

  /** Discards what was written, for a server that answered a resume with the whole body. @throws IOException if it fails */
  public abstract void restart() throws IOException;

  /** @return the file it ends in, or null */
  public abstract Path target();

  /** Makes the download visible: moves the file into place. @throws IOException if it fails */
  public abstract void commit() throws IOException;

  /** Discards everything: no temporary file and no target are left. */
  public abstract void abort();

  /**
   * @param target the final path
   * @return a sink writing a temporary file beside it
   * @throws IOException if the temporary file cannot be created
   */
  public static DownloadSink file(Path target) throws IOException {
    return new FileSink(target);
  }

  /** @param out the stream, not closed @return a sink writing to it */
  public static DownloadSink stream(OutputStream out) {
    return new DownloadSink() {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public boolean canRestart() {
        return false;
      }

      @Override
      public void restart() throws IOException {
        throw new IOException("a stream cannot be rewound");
      }

      @Override
      public Path target() {
        return null;
      }

      @Override
      public void commit() throws IOException {
        out.flush();
      }

      @Override
      public void abort() {}
    };
  }

  private static final class FileSink extends DownloadSink {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;

    FileSink(Path target) throws IOException {
      this.target = target;
      this.temp = AtomicFiles.tempBeside(target);
      this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) channel.write(buf);
    }

    @Override
    public boolean canRestart() {
      return true;
    }

    @Override
    public void restart() throws IOException {
      channel.truncate(0);
      channel.position(0);
    }

    @Override
    public Path target() {
      return target;
    }

    @Override
    public void commit() throws IOException {
      channel.force(true);
      channel.close();
      AtomicFiles.moveIntoPlace(temp, target);
    }

    @Override
    public void abort() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing is best effort; deleting below is what matters.
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(DownloadSink.class).warn("could not delete the temporary file {}", temp, e);
      }
    }
  }
}
