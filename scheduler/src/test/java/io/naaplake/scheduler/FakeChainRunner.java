package io.naaplake.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A runner that records every request and fails as a test tells it to. Thread-safe. */
final class FakeChainRunner implements ChainRunner {
  private final List<ChainRequest> requests = new ArrayList<>();
  private volatile Function<ChainRequest, Exception> failure = request -> null;

  /** From now on, a request fails with what {@code failure} returns for it (null: succeeds). */
  void failWith(Function<ChainRequest, Exception> failure) {
    this.failure = failure;
  }

  @Override
  public ChainResult run(ChainRequest request) throws Exception {
    synchronized (this) {
      requests.add(request);
    }
    Exception error = failure.apply(request);
    if (error != null) {
      throw error;
    }
    return new ChainResult("ran " + request.chain() + " for " + request.runTime());
  }

  synchronized List<ChainRequest> requests(Chain chain) {
    return requests.stream().filter(r -> r.chain().equals(chain.id())).toList();
  }
}
