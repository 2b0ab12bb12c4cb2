package dev.hcgateway.image;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;

/**
 * Aborts an ImageIO read that is still running at the deadline (a slow progressive JPEG, say). The reader
 * calls it on the decoding thread itself as rows arrive, so no timer or second thread is involved.
 */
final class ReadDeadline implements IIOReadProgressListener {

    private final long deadlineNanos;
    private volatile boolean aborted;

    ReadDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Tells whether the read was aborted (past the deadline, or otherwise). */
    boolean aborted() {
        return aborted;
    }

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        if (System.nanoTime() - deadlineNanos > 0) {
            aborted = true;
            source.abort();
        }
    }

    @Override
    public void readAborted(ImageReader source) {
        aborted = true;
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {
    }

    @Override
    public void sequenceComplete(ImageReader source) {
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
    }

    @Override
    public void imageComplete(ImageReader source) {
    }

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
    }

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {
    }

    @Override
    public void thumbnailComplete(ImageReader source) {
    }
}
