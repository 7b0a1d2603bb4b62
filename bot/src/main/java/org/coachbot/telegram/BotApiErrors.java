package org.coachbot.telegram;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.function.UnaryOperator;

/**
 * What can go wrong on the way to the Bot API, told apart as Delivery needs it: Telegram's refusals with their
 * code and {@code retry_after}, server-side faults, network errors, and sends that went out and got no answer.
 */
final class BotApiErrors {
    private static final MediaType JSON = MediaType.get("application/json");

    private BotApiErrors() {
    }

    /** Maps telegrambots' exceptions: an API answer keeps its code; no answer at all is code 0. */
    static BotApiException translate(String method, Throwable e, UnaryOperator<String> mask) {
        if (e instanceof TelegramApiRequestException r) {
            if (r.getErrorCode() != null && r.getErrorCode() != 0) {
                Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                return new BotApiException(r.getErrorCode(), mask.apply(r.getApiResponse()),
                        retryAfter == null ? 0 : retryAfter);
            }
            // An answer that is not Bot API JSON (a cut-off body) is a fault on the server's side.
            return new BotApiException(502, method + ": " + mask.apply(describe(e)), 0);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TelegramApiValidationException v) {
                return new BotApiException(400, method + " refused before sending: " + v.getMessage(), 0);
            }
            if (c instanceof NoAnswer) {
                return new BotApiException(0, method + " got no answer within the timeout", 0, true);
            }
            if (c instanceof IOException io && !(c.getCause() instanceof IOException)) {
                return new BotApiException(0, method + ": " + mask.apply(describe(io)), 0);
            }
        }
        return new BotApiException(0, method + ": " + mask.apply(describe(e)), 0);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * telegrambots reads every answer as Bot API JSON and loses the HTTP status of anything else; an error page
     * from a proxy in front of the Bot API (HTML 502) becomes a JSON error with its status, so it is retried.
     */
    static Response errorPagesAsJson(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() || response.peekBody(1).string().startsWith("{")) {
            return response;
        }
        String body = "{\"ok\":false,\"error_code\":" + response.code() + ",\"description\":\"HTTP " + response.code()
                + " without a Bot API answer\"}";
        response.close();
        return response.newBuilder().body(ResponseBody.create(body, JSON)).build();
    }

    /**
     * A timeout once the request is on the wire means Telegram may have carried it out; marked so Delivery
     * resends it at most once. A timeout while connecting is an ordinary network error.
     */
    static Response markUnanswered(Interceptor.Chain chain) throws IOException {
        try {
            return chain.proceed(chain.request());
        } catch (SocketTimeoutException e) {
            throw new NoAnswer(e);
        }
    }

    /** Stays a {@link SocketTimeoutException} so OkHttp treats it as it treats the one it wraps. */
    static final class NoAnswer extends SocketTimeoutException {
        NoAnswer(SocketTimeoutException cause) {
            super("no answer: " + cause.getMessage());
            initCause(cause);
        }
    }
}
