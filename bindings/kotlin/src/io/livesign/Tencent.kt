package io.livesign

/**
 * Tencent Cloud Live (CSS): `t + sign`, event callbacks, push/play URLs with hotlink
 * protection, the legacy API and its error catalog. Times are Unix seconds in `Long`s and
 * default to the system clock.
 */
object Tencent {
    /** Length of a `sign` (LIVESIGN_TENCENT_SIGN_LEN). */
    @JvmStatic val SIGN_LEN: Int = LiveSign.nativeTencentSignLen()

    /** `sign` = lowercase hex MD5(key + decimal t); `t` is the expiry. */
    @JvmStatic
    fun sign(key: String, t: Long): String {
        val out = ByteArray(SIGN_LEN)
        key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeTencentSign(k, t, out)) }
        return String(out, Charsets.US_ASCII)
    }

    /**
     * Verifies `t` + `sign`: throws [LiveSignException.SignatureMismatch] ("sign invalid") or,
     * only for a right sign, [LiveSignException.Expired] ("time expired").
     */
    @JvmStatic
    @JvmOverloads
    fun verify(key: String, t: Long, sign: String, now: Long = LiveSign.unixNow(), leewaySeconds: Int = 0) {
        key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeTencentVerify(k, t, sign.utf8(), now, leewaySeconds)) }
    }

    /** Event callbacks: the JSON body POSTed to your callback URL, signed with `t` + `sign`. */
    object Callback {
        /** `event_type`: the documented values ([Event.type] is [OTHER] for any other number). */
        enum class EventType(val code: Long) {
            NONE(-1), STREAM_END(0), STREAM_BEGIN(1), RECORD_FILE(100), SNAPSHOT(200), PORN_DETECTION(317),
            RECORD_STATUS(332), OTHER(-2);

            companion object {
                /** The named type of a number, or [OTHER]. */
                @JvmStatic fun of(code: Long): EventType = values().firstOrNull { it != OTHER && it.code == code } ?: OTHER
            }
        }

        /**
         * A verified callback. [eventType] is the number sent (-1 when absent); the text fields
         * are JSON-unescaped, null when absent. [t] carries the bits of the C `uint64_t`: a `t`
         * above `Long.MAX_VALUE` reads as negative (read it with
         * `java.lang.Long.toUnsignedString` and compare it with `java.lang.Long.compareUnsigned`).
         */
        data class Event(val eventType: Long, val t: Long, val streamId: String?, val channelId: String?, val app: String?,
                         val appname: String?) {
            val type: EventType get() = EventType.of(eventType)
        }

        /**
         * Verifies a callback body: throws [LiveSignException.SignatureMismatch] ("sign
         * invalid"), [LiveSignException.Expired] ("time expired", only for a right sign),
         * [LiveSignException.Malformed] for a body that is not one strict JSON object with a
         * well-formed `t` and `sign`, [LiveSignException.InvalidKey] for an empty key.
         */
        @JvmStatic
        @JvmOverloads
        fun verify(key: String, body: ByteArray, now: Long = LiveSign.unixNow(), leewaySeconds: Int = 0): Event {
            val f = LongArray(10)
            key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeTencentCallbackVerify(k, body, now, leewaySeconds, f)) }
            return Event(f[0], f[1], LiveSign.unescapeOrNull(body, f[2], f[3]), LiveSign.unescapeOrNull(body, f[4], f[5]),
                LiveSign.unescapeOrNull(body, f[6], f[7]), LiveSign.unescapeOrNull(body, f[8], f[9]))
        }

        /**
         * Any other top-level field of a JSON body (a callback, or an API response) as its raw
         * JSON text (a string keeps its quotes and escapes); null when absent. Read it only
         * after [verify].
         */
        @JvmStatic
        fun field(body: ByteArray, name: String): String? {
            val span = LongArray(2)
            LiveSignException.check(LiveSign.nativeTencentCallbackField(body, name.utf8(), span))
            return LiveSign.cutOrNull(body, span[0], span[1])
        }
    }

    /** Push and play URLs with hotlink protection (`txSecret` / `txTime`). */
    object Url {
        /** The kinds of URL [build] writes. */
        enum class Kind(internal val code: Int) {
            /** `rtmp://{domain}/{app}/{stream}?...` */
            RTMP(1),
            /** `webrtc://{domain}/{app}/{stream}?...` */
            WEBRTC(2),
            /** `https://{domain}/{app}/{stream}.flv?...` */
            FLV(3),
            /** `https://{domain}/{app}/{stream}.m3u8?...` */
            HLS(4),
        }

        /** What a verified URL says; [keyIndex] is the key of the ring that matched. */
        data class Info(val app: String, val streamName: String, val txTime: String, val expiry: Long, val validUntil: Long,
                        val keyIndex: Int)

        /** The largest expiry [build] accepts and a hex `txTime` can say (LIVESIGN_TENCENT_URL_MAX_EXPIRY, `FFFFFFFF`, 2106-02-07). */
        const val MAX_EXPIRY: Long = 0xFFFF_FFFFL

        /**
         * The smallest expiry [build] accepts and a hex `txTime` can say (LIVESIGN_TENCENT_URL_MIN_EXPIRY,
         * `10000000`, 1978-07-04): `txTime` has exactly 8 hex digits, so a character moved out of
         * it into the stream name (same `txSecret`) leaves a malformed time, whatever the window.
         */
        const val MIN_EXPIRY: Long = 0x1000_0000L

        /** Length of a `txSecret` (LIVESIGN_TENCENT_TX_SECRET_LEN). */
        @JvmStatic val TX_SECRET_LEN: Int = LiveSign.nativeTencentTxSecretLen()

        /** The exact length of the URL [build] writes; 0 when `expiry` is below [MIN_EXPIRY] or above [MAX_EXPIRY]. */
        @JvmStatic
        fun buildLength(kind: Kind, domain: String, app: String, stream: String, expiry: Long): Int =
            LiveSign.nativeTencentUrlBuildLen(kind.code, domain.utf8().size, app.utf8().size,
                stream.utf8().size, expiry)

        /**
         * `{scheme}://{domain}/{app}/{stream}{suffix}?txSecret=...&txTime=<EXPIRY IN UPPERCASE
         * HEX>`. Throws [LiveSignException.InvalidArgument] for a domain, app or stream outside
         * the allowed characters or an expiry below [MIN_EXPIRY] or above [MAX_EXPIRY],
         * [LiveSignException.InvalidKey] for an empty key.
         */
        @JvmStatic
        fun build(kind: Kind, domain: String, app: String, stream: String, key: String, expiry: Long): String {
            val d = domain.utf8(); val a = app.utf8(); val s = stream.utf8()
            return key.secretUtf8 { k ->
                String(LiveSign.variable { out, len -> LiveSign.nativeTencentUrlBuild(kind.code, d, a, s, k, expiry, out, len) },
                    Charsets.US_ASCII)
            }
        }

        /**
         * The `txSecret` for a stream name and a `txTime` exactly as written in the URL; throws
         * [LiveSignException.Malformed] for a `txTime` that is not exactly 8 hex digits or 10
         * decimal digits (no leading zero).
         */
        @JvmStatic
        fun secret(key: String, stream: String, txTime: String): String {
            val out = ByteArray(TX_SECRET_LEN)
            key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeTencentUrlSecret(k, stream.utf8(), txTime.utf8(), out)) }
            return String(out, Charsets.US_ASCII)
        }

        /** The `txTime` texts [verify] reads. */
        enum class TxTimeForm(internal val code: Int) {
            /** 10 decimal digits are decimal, else exactly 8 hex digits (LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL). */
            HEX_OR_DECIMAL(0),
            /** Exactly 8 hex digits of either case, what [build] writes (LIVESIGN_TENCENT_TX_TIME_HEX). */
            HEX(1),
            /** Exactly 10 decimal digits (LIVESIGN_TENCENT_TX_TIME_DECIMAL). */
            DECIMAL(2),
        }

        /**
         * Verifies a push or play URL (full, or its `/path?query`) against a key ring (primary
         * key first, then backups). [validForSeconds] is 0 for push URLs and the play validity
         * period for play URLs. `txTime` is read in either form ([TxTimeForm.HEX_OR_DECIMAL]):
         * prefer the overload with the form you issue. Throws [LiveSignException.SignatureMismatch]
         * ("sign invalid"), [LiveSignException.Expired] ("time expired"),
         * [LiveSignException.Malformed] for a URL without a well-formed `/app/stream`,
         * `txSecret` or `txTime` (also an `rtmp` URL with a `#` or a `/` in its query, or
         * `txTime` also spelled `TXTIME`), [LiveSignException.InvalidKey] for an empty key,
         * [LiveSignException.InvalidArgument] for 0 or more than 8 keys.
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, url: String, validForSeconds: Int = 0, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Info =
            verify(keys, url, TxTimeForm.HEX_OR_DECIMAL, validForSeconds, now, leewaySeconds)

        /**
         * [verify] reading `txTime` only in [txTimeForm]; a `txTime` in another form throws
         * [LiveSignException.Malformed]. Pass the form your URLs are issued in ([TxTimeForm.HEX]
         * for [build]'s): then no other split of a captured URL's signed bytes between the
         * stream name and `txTime` verifies, whatever the window, while [TxTimeForm.HEX_OR_DECIMAL] accepts the split
         * between the forms (decimal `room` + `1796000000` cut as hex `room17` + `96000000`,
         * year 2049).
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, url: String, txTimeForm: TxTimeForm, validForSeconds: Int = 0,
                   now: Long = LiveSign.unixNow(), leewaySeconds: Int = 0): Info {
            val matched = IntArray(1)
            val i = LongArray(8)
            val u = LiveSign.withRing(keys) { joined, lens ->
                val bytes = url.utf8()
                LiveSignException.check(LiveSign.nativeTencentUrlVerify(joined, lens, bytes, txTimeForm.code, validForSeconds, now,
                    leewaySeconds, matched, i))
                bytes
            }
            return Info(LiveSign.cut(u, i[0], i[1]), LiveSign.cut(u, i[2], i[3]), LiveSign.cut(u, i[4], i[5]), i[6], i[7], matched[0])
        }
    }

    /** The legacy CSS API: `common_access` GET requests signed with `t` + `sign`. */
    object Api {
        /** The documented commands; [interfaceName] is the name sent. */
        enum class Command(internal val code: Int) {
            GET_LIVE_STAT(1), GET_LIVE_PUSH_STAT(2), GET_LIVE_PLAY_STAT(3), GET_LIVE_PUSH_STAT_HISTORY(4),
            GET_LIVE_PLAY_STAT_HISTORY(5), LIVE_CHANNEL_GET_STATUS(6), LIVE_CHANNEL_SET_STATUS(7), LIVE_TAPE_GET_FILELIST(8),
            LIVE_QUEUE_GET(9), LIVE_CHANNEL_GET_CHANNEL_LIST(10), LIVE_CHANNEL_GET_LIVE_CHANNEL_LIST(11), MIX_STREAM_V2(12),
            CHANNEL_MANAGER(13), LIVE_TAPE_START(14), LIVE_TAPE_STOP(15);

            /** The `interface` name, e.g. "Live_Channel_GetStatus". */
            val interfaceName: String get() = LiveSign.nativeTencentApiCommandName(code) ?: throw LiveSignException.Internal()

            /** The documented URL up to the `?`. */
            val defaultBase: String get() = LiveSign.nativeTencentApiDefaultBase(code) ?: throw LiveSignException.Internal()

            companion object {
                /** The command of an `interface` name (exact, case-sensitive); null when none has it. */
                @JvmStatic
                fun fromName(name: String): Command? {
                    val c = IntArray(1)
                    val bytes = name.utf8OrNull() ?: return null  // no command has a name that is not text
                    if (LiveSign.nativeTencentApiCommandFromName(bytes, c) != LiveSignException.OK) return null
                    return values().firstOrNull { it.code == c[0] }
                }
            }
        }

        /** How a parameter is written: `Param.s.<name>` or `Param.n.<name>`. */
        enum class ParamKind(internal val code: Int) { STRING(1), NUMBER(2) }

        /** One command parameter: its name without the `Param.s.` / `Param.n.` prefix, and its value, unencoded. */
        data class Param @JvmOverloads constructor(val name: String, val value: String, val kind: ParamKind = ParamKind.STRING) {
            companion object {
                @JvmStatic fun string(name: String, value: String) = Param(name, value, ParamKind.STRING)
                @JvmStatic fun number(name: String, value: Long) = Param(name, value.toString(), ParamKind.NUMBER)
                /** `value` is `-`? then decimal digits. */
                @JvmStatic fun number(name: String, value: String) = Param(name, value, ParamKind.NUMBER)
            }
        }

        /** Most parameters one request takes (LIVESIGN_TENCENT_API_MAX_PARAMS). */
        const val MAX_PARAMS: Int = 32

        /**
         * The signed request URL: `{base}?appid|cmd={appid}&interface=...&t={t}&sign=...`, then
         * the parameters in order, percent-encoded. `t` is the expiry (Unix seconds); an empty
         * [base] means the command's [Command.defaultBase]. Throws
         * [LiveSignException.InvalidArgument] for a bad base, a bad parameter or more than
         * [MAX_PARAMS], [LiveSignException.InvalidKey] for an empty key.
         */
        @JvmStatic
        @JvmOverloads
        fun build(command: Command, appid: Long, key: String, t: Long, params: List<Param> = emptyList(), base: String = ""): String {
            val kinds = IntArray(params.size) { params[it].kind.code }
            val parts = params.flatMap { listOf(it.name.utf8(), it.value.utf8()) }
            val text = parts.fold(ByteArray(0)) { a, b -> a + b }
            val lens = parts.map { it.size }.toIntArray()
            val b = if (base.length == 0) null else base.utf8()
            return key.secretUtf8 { k ->
                String(LiveSign.variable { out, len ->
                    LiveSign.nativeTencentApiBuild(command.code, b, appid, k, t, kinds, text, lens, out, len)
                }, Charsets.UTF_8)
            }
        }

        /** The status fields of a response (text JSON-unescaped); absent fields are null. */
        data class Response(val ret: Long?, val retcode: Long?, val errmsg: String?, val message: String?) {
            /**
             * `ret`, unless it is absent or 0 and `retcode` is not 0 (fail-closed: a body whose two
             * codes disagree never reads as success): the code to look up with [errorByCode].
             */
            val code: Long get() = listOfNotNull(ret, retcode).firstOrNull { it != 0L } ?: 0L
        }

        /**
         * Reads `ret`, `retcode`, `errmsg` and `message` of a response body; throws
         * [LiveSignException.Malformed] when it is not one strict JSON object, a field is
         * repeated or mistyped, or none of `ret`, `retcode` and `code` is present
         * (Mix_StreamV2's `code` is read as `ret` in a response without `ret` and `retcode`).
         */
        @JvmStatic
        fun readResponse(body: String): Response {
            val b = body.utf8()
            val f = LongArray(7)
            LiveSignException.check(LiveSign.nativeTencentApiResponseRead(b, f))
            val bits = f[0].toInt()
            return Response(if (bits and 1 != 0) f[1] else null, if (bits and 2 != 0) f[2] else null,
                LiveSign.unescapeOrNull(b, f[3], f[4]), LiveSign.unescapeOrNull(b, f[5], f[6]))
        }

        /** Another top-level field of a response (e.g. `output`) as raw JSON text; null when absent. */
        @JvmStatic
        fun field(body: String, name: String): String? = Callback.field(body.utf8(), name)
    }

    /** Where a catalog error shows up. */
    enum class ErrorSource(internal val code: Int) { HTTP(1), MESSAGE(2), CODE(3) }

    /** What kind of problem a catalog error is. */
    enum class ErrorCategory { SUCCESS, NO_DATA, AUTH, NOT_ACTIVATED, INVALID_REQUEST, RATE_LIMIT, SERVER, STREAM_STATE }

    /** Whether retrying can help: never, after a growing delay, after signing again with a later `t`, or once the stream's state changed. */
    enum class Retry { NEVER, BACKOFF, RESIGN, LATER }

    /** One entry of the CSS error catalog: [message] is the cloud's own text ("" when the docs give none), [meaning] what to do. */
    data class ErrorInfo(val source: ErrorSource, val category: ErrorCategory, val retry: Retry, val code: Long, val message: String,
                         val meaning: String)

    /** The catalog entry of a `ret` / `retcode` (0, 1000, ..., 20601); null when unknown. */
    @JvmStatic
    fun errorByCode(code: Long): ErrorInfo? = errorInfo { n, t -> LiveSign.nativeTencentErrorByCode(code, n, t) }

    /** The catalog entry of an HTTP status (403, 404); null when unknown. */
    @JvmStatic
    fun errorByHttpStatus(status: Int): ErrorInfo? = errorInfo { n, t -> LiveSign.nativeTencentErrorByHttpStatus(status, n, t) }

    /** The catalog entry of a message ("sign invalid", ...; ASCII case and surrounding whitespace ignored); null when unknown. */
    @JvmStatic
    fun errorByMessage(message: String): ErrorInfo? {
        val m = message.utf8OrNull() ?: return null  // no entry has a message that is not text
        return errorInfo { n, t -> LiveSign.nativeTencentErrorByMessage(m, n, t) }
    }

    private inline fun errorInfo(lookup: (LongArray, Array<String?>) -> Int): ErrorInfo? {
        val n = LongArray(4)
        val t = arrayOfNulls<String>(2)
        if (lookup(n, t) == 0) return null
        return ErrorInfo(ErrorSource.values().firstOrNull { it.code.toLong() == n[0] } ?: throw LiveSignException.Internal(),
            ErrorCategory.values().getOrNull(n[1].toInt()) ?: throw LiveSignException.Internal(),
            Retry.values().getOrNull(n[2].toInt()) ?: throw LiveSignException.Internal(), n[3], t[0] ?: "", t[1] ?: "")
    }
}
