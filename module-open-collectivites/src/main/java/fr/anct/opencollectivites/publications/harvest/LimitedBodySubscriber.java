package fr.anct.opencollectivites.publications.harvest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a response body into memory, and cancels the download as soon as it passes {@code maxBytes}. */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    /** The body passed the limit: the download was cancelled. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("body larger than the limit");
        }
    }

    private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long maxBytes;
    private Flow.Subscription subscription;
    private long received;
    private boolean cancelled;

    LimitedBodySubscriber(long maxBytes) {
        this.maxBytes = maxBytes;
        delegate.getBody().whenComplete((body, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(body);
            }
        });
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (cancelled) {
            return;
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
        }
        if (received > maxBytes) {
            cancelled = true;
            subscription.cancel();
            result.completeExceptionally(new TooLargeException());
            return;
        }
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        delegate.onComplete();
    }
}
