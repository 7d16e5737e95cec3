package dev.dkm.gitlab;

import com.google.gson.JsonParseException;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/** Executes Retrofit calls and turns every failure into a {@link GitLabException}. */
final class Calls {
    private final GitLabErrors errors;

    Calls(GitLabErrors errors) {
        this.errors = errors;
    }

    <T> T body(Call<T> call) {
        return response(call).body();
    }

    /** The successful response (2xx), body already converted. */
    <T> Response<T> response(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (MalformedJsonException | EOFException e) {
            throw errors.malformed(200, new JsonParseException(e.getMessage()));
        } catch (IOException e) {
            throw errors.fromIo(e);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw errors.malformed(200, e);
        }
        if (!response.isSuccessful()) {
            throw errors.fromResponse(response.code(), response.headers(), errorBody(response));
        }
        return response;
    }

    GitLabErrors errors() {
        return errors;
    }

    private static String errorBody(Response<?> response) {
        try (ResponseBody body = response.errorBody()) {
            return body == null ? null : body.string();
        } catch (IOException e) {
            return null;
        }
    }
}
