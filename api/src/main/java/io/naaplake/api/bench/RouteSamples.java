package io.naaplake.api.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The samples of one route in one phase, added to by several workers at once. */
final class RouteSamples {
  private final BenchRoute route;
  private final URI uri;
  private final List<Sample> samples = new ArrayList<>();

  RouteSamples(BenchRoute route, URI uri) {
    this.route = route;
    this.uri = uri;
  }

  BenchRoute route() {
    return route;
  }

  URI uri() {
    return uri;
  }

  synchronized void add(Sample sample) {
    samples.add(sample);
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }
}
