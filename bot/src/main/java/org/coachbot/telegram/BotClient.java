package org.coachbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.coachbot.chat.Button;
import org.coachbot.chat.InlineAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;

/**
 * Every Bot API call the bot makes, on telegrambots' {@link OkHttpTelegramClient} with the configured Bot API
 * URL; every failure becomes one {@link BotApiException} carrying Telegram's error code and {@code retry_after}.
 */
public final class BotClient {
    /**
     * The one resend after a timeout waits this long: a hang that ends within it costs one duplicate and loses
     * nothing, and the chat is not held up for longer than that.
     */
    static final Duration PATIENT_TIMEOUT = Duration.ofMinutes(5);
    /** What the bot asks Telegram for: messages, pressed buttons and what users type after its name. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");
    private static final Logger log = LoggerFactory.getLogger(BotClient.class);
    /**
     * OkHttp logs "Callback failure" through java.util.logging when a call is cancelled while its body is read, as
     * stopping does to the long poll; that is expected, and the wait in {@link #run} covers it. Held here, since
     * java.util.logging keeps its loggers only weakly.
     */
    private static final java.util.logging.Logger OKHTTP_LOG = java.util.logging.Logger.getLogger(
            OkHttpClient.class.getName());

    static {
        OKHTTP_LOG.setLevel(Level.WARNING);
    }

    private final TelegramSettings settings;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final OkHttpTelegramClient patient;
    private final OkHttpTelegramClient poller;
    private final Dispatcher polls;
    /** Who the bot is, from getMe at start: for t.me links and for telling which messages are meant for it. */
    private volatile BotIdentity me = BotIdentity.UNKNOWN;

    public BotClient(TelegramSettings settings) {
        this.settings = settings;
        Dispatcher dispatcher = new Dispatcher();
        // OkHttp's default of 5 calls per host would queue sends behind each other and behind the long poll.
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.sendTimeout())
                .writeTimeout(settings.sendTimeout())
                // Resends are decided by Delivery, which counts them; OkHttp would resend a POST on its own.
                .retryOnConnectionFailure(false)
                .addInterceptor(BotApiErrors::errorPagesAsJson)
                .addNetworkInterceptor(BotApiErrors::markUnanswered)
                .build();
        TelegramUrl url = telegramUrl(settings);
        ObjectMapper json = new ObjectMapper();
        this.client = new OkHttpTelegramClient(json, http, settings.token(), url);
        this.patient = new OkHttpTelegramClient(json, http.newBuilder().readTimeout(PATIENT_TIMEOUT).build(),
                settings.token(), url);
        // Its own dispatcher, so stopping can cancel the long poll without cancelling replies still going out.
        this.polls = new Dispatcher();
        this.poller = new OkHttpTelegramClient(json, http.newBuilder().dispatcher(polls)
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L)).build(), settings.token(), url);
    }

    /** Sends a text message and returns its message id; {@code patient} waits {@link #PATIENT_TIMEOUT}. */
    public long sendText(long chatId, String text, boolean html, List<List<Button>> buttons, boolean patient) {
        SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder().chatId(chatId).text(text);
        if (html) {
            m.parseMode("HTML");
        }
        if (!buttons.isEmpty()) {
            m.replyMarkup(keyboard(buttons));
        }
        return messageId(call(m.build(), patient), chatId);
    }

    /** Sends a PNG, with the caption when it is not empty. */
    public long sendPhoto(long chatId, byte[] png, String caption, boolean html, boolean patient) {
        SendPhoto.SendPhotoBuilder<?, ?> p = SendPhoto.builder().chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(png), "chart.png"));
        if (!caption.isEmpty()) {
            p.caption(caption);
            if (html) {
                p.parseMode("HTML");
            }
        }
        SendPhoto photo = p.build();
        return messageId(run("sendPhoto", patient ? PATIENT_TIMEOUT : settings.sendTimeout(),
                () -> (patient ? this.patient : client).executeAsync(photo)), chatId);
    }

    /** Replaces the text (and the buttons) of a message sent earlier. */
    public void edit(long chatId, long messageId, String text, boolean html, List<List<Button>> buttons,
                     boolean patient) {
        EditMessageText.EditMessageTextBuilder<?, ?> e = EditMessageText.builder().chatId(chatId)
                .messageId(Math.toIntExact(messageId)).text(text);
        if (html) {
            e.parseMode("HTML");
        }
        if (!buttons.isEmpty()) {
            e.replyMarkup(keyboard(buttons));
        }
        call(e.build(), patient);
    }

    /** Shows "typing…" without waiting for the answer; best effort. */
    public void typing(long chatId) {
        async(SendChatAction.builder().chatId(chatId).action("typing").build(), "typing in chat " + chatId);
    }

    /** Stops the spinner on a pressed button without waiting for the answer; best effort. */
    public void answerCallback(String callbackId) {
        async(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build(), "answering a button press");
    }

    /** Downloads a file with getFile and the file URL on the configured Bot API, not the one telegrambots assumes. */
    public byte[] download(String fileId) throws IOException {
        String path;
        try {
            path = call(GetFile.builder().fileId(fileId).build(), false).getFilePath();
        } catch (BotApiException e) {
            throw new IOException("getFile failed: " + e.getMessage(), e);
        }
        // File.getFileUrl always points at api.telegram.org, which would bypass a self-hosted Bot API server.
        Request request = new Request.Builder()
                .url(settings.apiBaseUrl() + "/file/bot" + settings.token() + "/" + path).get().build();
        try (Response response = http.newBuilder().readTimeout(Duration.ofSeconds(60)).build()
                .newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download answered HTTP " + response.code());
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw new IOException(settings.mask(e.getMessage()), e);
        }
    }

    /** Sets the command menu of one scope: all private chats, all groups, or one user's private chat. */
    public void setMyCommands(List<Map.Entry<String, String>> menu, BotCommandScope scope) {
        call(SetMyCommands.builder().commands(menu.stream().map(e -> new BotCommand(e.getKey(), e.getValue()))
                .toList()).scope(scope).build(), false);
    }

    /** Sets the menu button of one private chat to open a Mini App at {@code url}. */
    public void setWebAppMenuButton(long chatId, String label, String url) {
        call(SetChatMenuButton.builder().chatId(chatId).menuButton(MenuButtonWebApp.builder().text(label)
                .webAppInfo(new WebAppInfo(url)).build()).build(), false);
    }

    /** Asks Telegram who the bot is and remembers it. */
    public BotIdentity getMe() {
        org.telegram.telegrambots.meta.api.objects.User user = call(new GetMe(), false);
        me = new BotIdentity(user.getId(), user.getUserName() == null ? "" : user.getUserName());
        return me;
    }

    /** Who the bot is, {@link BotIdentity#UNKNOWN} before {@link #getMe()} answered. */
    public BotIdentity identity() {
        return me;
    }

    /**
     * Sends a file as a document, read from disk as the request goes out; the caption when it is not empty.
     */
    public long sendDocument(long chatId, Path file, String fileName, String caption, boolean html,
                             boolean patient) {
        SendDocument.SendDocumentBuilder<?, ?> d = SendDocument.builder().chatId(chatId)
                .document(new InputFile(file.toFile(), fileName));
        if (!caption.isEmpty()) {
            d.caption(caption);
            if (html) {
                d.parseMode("HTML");
            }
        }
        SendDocument document = d.build();
        return messageId(run("sendDocument", patient ? PATIENT_TIMEOUT : settings.sendTimeout(),
                () -> (patient ? this.patient : client).executeAsync(document)), chatId);
    }

    /**
     * Answers an inline query with articles that post HTML; Telegram may show the answer from its cache for
     * {@code cacheSeconds} to anyone who types the same.
     */
    public void answerInline(String queryId, List<InlineAnswer> answers, int cacheSeconds) {
        call(AnswerInlineQuery.builder().inlineQueryId(queryId).cacheTime(cacheSeconds).isPersonal(false)
                .results(answers.stream().map(a -> InlineQueryResultArticle.builder().id(a.id()).title(a.title())
                        .description(a.description())
                        .inputMessageContent(InputTextMessageContent.builder().messageText(a.html())
                                .parseMode("HTML").build())
                        .build()).toList())
                .build(), false);
    }

    /** One long poll: updates from {@code offset} on, waiting up to the configured poll timeout. */
    public List<Update> getUpdates(long offset) {
        GetUpdates request = GetUpdates.builder().offset(Math.toIntExact(offset))
                .timeout(settings.pollTimeoutSeconds()).allowedUpdates(ALLOWED_UPDATES).build();
        return run("getUpdates", Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L),
                () -> poller.executeAsync(request));
    }

    public void setWebhook(String url, String secret) {
        SetWebhook request = SetWebhook.builder().url(url).secretToken(secret)
                .allowedUpdates(ALLOWED_UPDATES).build();
        run("setWebhook", settings.sendTimeout(), () -> client.executeAsync(request));
    }

    /** Removes a webhook, which Telegram requires before getUpdates; pending updates are kept. */
    public void deleteWebhook() {
        call(DeleteWebhook.builder().dropPendingUpdates(false).build(), false);
    }

    /** Cancels the long poll in flight, so it does not hold up a shutdown; sends are not touched. */
    public void cancelPolls() {
        polls.cancelAll();
    }

    private <T extends Serializable> T call(BotApiMethod<T> method, boolean patient) {
        return run(method.getMethod(), patient ? PATIENT_TIMEOUT : settings.sendTimeout(),
                () -> (patient ? this.patient : client).executeAsync(method));
    }

    private <T extends Serializable> void async(BotApiMethod<T> method, String what) {
        try {
            client.executeAsync(method).whenComplete((ok, e) -> {
                if (e != null) {
                    log.debug("{} failed: {}", what, settings.mask(e.getMessage()));
                }
            });
        } catch (TelegramApiException e) {
            log.debug("{} failed: {}", what, settings.mask(e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        CompletableFuture<T> start() throws TelegramApiException;
    }

    /**
     * Waits for a call a little longer than OkHttp's own timeout: telegrambots completes its future from OkHttp's
     * callback, and a body that breaks off after the headers would otherwise leave it waiting forever.
     */
    private <T> T run(String method, Duration timeout, Call<T> call) {
        try {
            return call.start().get(timeout.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException.Interrupted("calling " + method);
        } catch (TimeoutException e) {
            throw new BotApiException(0, method + " got no answer within the timeout", 0, true);
        } catch (ExecutionException e) {
            throw BotApiErrors.translate(method, e.getCause(), settings::mask);
        } catch (TelegramApiException e) {
            throw BotApiErrors.translate(method, e, settings::mask);
        }
    }

    private static long messageId(Serializable sent, long chatId) {
        if (sent instanceof Message m && m.getMessageId() != null) {
            return m.getMessageId();
        }
        log.debug("Telegram accepted a message to chat {} without a message id", chatId);
        return -1;
    }

    private InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        return new InlineKeyboardMarkup(rows.stream().map(row -> new InlineKeyboardRow(row.stream()
                .map(this::button).toList())).toList());
    }

    /** A button as Telegram takes it; a link into the private chat becomes a t.me start link. */
    private InlineKeyboardButton button(Button b) {
        var button = InlineKeyboardButton.builder().text(b.label());
        return switch (b.kind()) {
            case CALLBACK -> button.callbackData(b.data()).build();
            case URL -> button.url(b.data()).build();
            case PRIVATE_START -> button.url(me.startLink(b.data())).build();
            case WEB_APP -> button.webApp(new WebAppInfo(b.data())).build();
        };
    }

    private static TelegramUrl telegramUrl(TelegramSettings settings) {
        var base = settings.apiBaseUrl();
        boolean https = "https".equals(base.getScheme());
        return new TelegramUrl(base.getScheme(), base.getHost(), base.getPort() > 0 ? base.getPort() : https ? 443 : 80,
                false);
    }
}
