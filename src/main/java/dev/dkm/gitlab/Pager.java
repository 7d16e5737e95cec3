package dev.dkm.gitlab;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Invocation;
import retrofit2.Response;

/**
 * Reads every page of any list endpoint: follows {@code Link: <…>; rel="next"} (offset and keyset
 * pagination alike) and, when there is no Link header, {@code X-Next-Page}. The element type comes from
 * the Retrofit method of the first call, so callers only hand over that call.
 */
final class Pager {
    static final int PER_PAGE = 100;
    /** A runaway guard: 10,000 pages of 100 is far beyond any workspace. */
    private static final int MAX_PAGES = 10_000;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final Calls calls;
    private final GitLabApi api;
    private final Gson gson;

    Pager(Calls calls, GitLabApi api, Gson gson) {
        this.calls = calls;
        this.api = api;
        this.gson = gson;
    }

    <T> List<T> all(Call<List<T>> firstPage) {
        Type listType = listTypeOf(firstPage);
        Response<List<T>> first = calls.response(firstPage);
        List<T> all = new ArrayList<>();
        addAll(all, first.body());
        HttpUrl next = nextPage(first.raw());
        for (int pages = 1; next != null && pages < MAX_PAGES; pages++) {
            Response<ResponseBody> page = calls.response(api.page(next.toString()));
            addAll(all, parse(page, listType));
            HttpUrl after = nextPage(page.raw());
            next = next.equals(after) ? null : after;
        }
        return all;
    }

    private <T> List<T> parse(Response<ResponseBody> page, Type listType) {
        try (ResponseBody body = page.body(); Reader reader = body == null ? null : body.charStream()) {
            return reader == null ? List.of() : gson.fromJson(reader, listType);
        } catch (IOException e) {
            throw calls.errors().fromIo(e);
        } catch (JsonParseException e) {
            throw calls.errors().malformed(page.code(), e);
        }
    }

    private static <T> void addAll(List<T> all, List<T> page) {
        if (page != null) {
            page.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
    }

    static HttpUrl nextPage(okhttp3.Response raw) {
        String link = raw.header("Link");
        if (link != null) {
            Matcher m = NEXT_LINK.matcher(link);
            if (m.find()) {
                return raw.request().url().resolve(m.group(1));
            }
            return null;
        }
        String nextPage = raw.header("X-Next-Page");
        if (nextPage == null || nextPage.isBlank()) {
            return null;
        }
        return raw.request().url().newBuilder().setQueryParameter("page", nextPage.strip()).build();
    }

    private static Type listTypeOf(Call<?> call) {
        Invocation invocation = call.request().tag(Invocation.class);
        if (invocation == null) {
            throw new IllegalArgumentException("not a Retrofit call: " + call);
        }
        Type callType = invocation.method().getGenericReturnType();
        return ((ParameterizedType) callType).getActualTypeArguments()[0];
    }
}
