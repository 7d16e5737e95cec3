package dev.dkm.gitlab;

import dev.dkm.remote.Secret;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code PRIVATE-TOKEN} as a network interceptor, so it is decided per hop: a redirect or a
 * {@code Link} to another host never gets the token (OkHttp only strips {@code Authorization} itself).
 */
final class AuthInterceptor implements Interceptor {
    static final String HEADER = "PRIVATE-TOKEN";

    private final Secret token;
    private final HttpUrl base;

    AuthInterceptor(Secret token, HttpUrl base) {
        this.token = token;
        this.base = base;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        boolean sameOrigin = url.host().equalsIgnoreCase(base.host()) && url.port() == base.port()
                && url.scheme().equals(base.scheme());
        if (token == null || token.isEmpty() || !sameOrigin) {
            return chain.proceed(request.newBuilder().removeHeader(HEADER).build());
        }
        return chain.proceed(request.newBuilder().header(HEADER, token.reveal()).build());
    }
}
