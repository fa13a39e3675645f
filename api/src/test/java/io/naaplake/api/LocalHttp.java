package io.naaplake.api;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GET requests to a Javalin server a unit test started on 127.0.0.1. */
public final class LocalHttp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private LocalHttp() {}

  public static HttpResponse<String> get(Javalin app, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
