package io.livesign

/**
 * Huawei Cloud Live: stream status notifications (with their ordering and ids), URL validation
 * methods A, B and D, recording callbacks and SparkRTC recording callbacks. Times are Unix seconds
 * in `Long`s and default to the system clock; the callback verifiers default the leeway to
 * [DEFAULT_LEEWAY_S].
 */
object Huawei {
    /**
     * The leeway (seconds) the callback verifiers take by default (LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S):
     * Huawei's example sends `auth_timestamp` after the push, so it may be a send time rather
     * than an expiry.
     */
    const val DEFAULT_LEEWAY_S: Int = 300

    /**
     * The largest notification `auth_timestamp` (LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP): 10 digits,
     * so that no stream digit can move into it under the same `auth_sign`.
     */
    const val MAX_AUTH_TIMESTAMP: Long = 9_999_999_999L

    /**
     * The smallest notification `auth_timestamp` (LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP): 10 digits,
     * so that no digit of it can move into the stream name under the same `auth_sign` (the
     * shorter time left, before 2001, would be inside a leeway of decades).
     */
    const val MIN_AUTH_TIMESTAMP: Long = 1_000_000_000L

    /** Length of a Huawei HMAC-SHA256 signature (LIVESIGN_HUAWEI_SIGN_LEN). */
    @JvmStatic val SIGN_LEN: Int = LiveSign.nativeHuaweiSignLen()

    /** `event` of a notification. */
    enum class EventKind(internal val code: Int) {
        /** Another event: see [Event.event]. (LIVESIGN_HUAWEI_EVENT_UNKNOWN) */
        UNKNOWN(0),
        /** The push started (LIVESIGN_HUAWEI_EVENT_PUBLISH). */
        PUBLISH(1),
        /** The push ended (LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE). */
        PUBLISH_DONE(2),
    }

    /** The text fields of an [Event], with their LIVESIGN_HUAWEI_FIELD_... bits. */
    enum class Field(val bit: Int) {
        EVENT(1 shl 0), DOMAIN(1 shl 1), APP(1 shl 2), STREAM(1 shl 3), USER_ARGS(1 shl 4), CLIENT_IP(1 shl 5),
        NODE_IP(1 shl 6), PUBLISH_TIMESTAMP(1 shl 7),
    }

    /**
     * A verified stream status notification. The text fields are the values, JSON-unescaped
     * (livesign reports which fields arrived with escapes, [escapedFields], and only those are
     * unescaped); the optional ones are null when absent or empty (livesign reports both alike). [publishTime] is `publish_timestamp`
     * when it is a plain number, the bits of the C `uint64_t`: one above `Long.MAX_VALUE` reads as
     * negative (read it with `java.lang.Long.toUnsignedString` and compare it with
     * `java.lang.Long.compareUnsigned`; [Stream.apply] hands the bits back unchanged). [id] is the notification's stable id for idempotent handling
     * (`{domain}/{app}/{stream}/{publish_timestamp}/{event}`, with `%` and `/` inside fields
     * written `%25`, `%2F` and bytes outside printable ASCII `%XX`, so the id is ASCII): a
     * redelivery has the same id, a session's `PUBLISH` and
     * `PUBLISH_DONE` different ones; `publish_timestamp` is not signed, so check [replayId]
     * first. [replayId] is `{domain}/{app}/{stream}/{auth_timestamp}/{event}`, the fields
     * Huawei signs, written as [id] writes its fields: a notification resent by whoever
     * captured it has the original's replay id whatever its unsigned fields. Keep the replay ids
     * of accepted notifications until [authTimestamp] + leeway has passed and drop a
     * notification whose replay id is known (livesign_huawei_replay_id).
     */
    data class Event(
        val kind: EventKind,
        val event: String,
        val domain: String,
        val app: String,
        val stream: String,
        val userArgs: String?,
        val clientIp: String?,
        val nodeIp: String?,
        val publishTimestamp: String?,
        val publishTime: Long?,
        val authTimestamp: Long,
        val escapedFields: Set<Field>,
        val id: String,
        val replayId: String
    )

    /**
     * `auth_sign` = lowercase hex HMAC-SHA256(key, event + domain + app + stream + decimal
     * authTimestamp), as Huawei signs a notification (to test a receiver). Throws
     * [LiveSignException.InvalidArgument] for an [authTimestamp] that is not 10 digits (below
     * [MIN_AUTH_TIMESTAMP], negative included, or above [MAX_AUTH_TIMESTAMP]),
     * [LiveSignException.InvalidKey] unless the key is 32 to 128 bytes.
     */
    @JvmStatic
    fun sign(key: String, event: String, domain: String, app: String, stream: String, authTimestamp: Long): String =
        key.secretUtf8 { sign(it, 0, event, domain, app, stream, authTimestamp) }

    @JvmStatic
    fun sign(key: HmacKey, event: String, domain: String, app: String, stream: String, authTimestamp: Long): String =
        key.locked { sign(null, it, event, domain, app, stream, authTimestamp) }

    private fun sign(key: ByteArray?, handle: Long, event: String, domain: String, app: String, stream: String,
                     authTimestamp: Long): String {
        val out = ByteArray(SIGN_LEN)
        LiveSignException.check(LiveSign.nativeHuaweiSign(key, handle, event.utf8(), domain.utf8(),
            app.utf8(), stream.utf8(), authTimestamp, out))
        return String(out, Charsets.US_ASCII)
    }

    /**
     * Verifies the JSON body of a stream status notification. Throws
     * [LiveSignException.SignatureMismatch], [LiveSignException.Expired] (only for a right
     * `auth_sign`, when `now > auth_timestamp + leewaySeconds`), [LiveSignException.Malformed]
     * (not strict JSON, a missing, repeated or mistyped field, an `auth_timestamp` that is not a
     * 10-digit integer, `auth_sign` not 64 hex characters), [LiveSignException.InvalidKey] (not
     * 32 to 128 bytes).
     */
    @JvmStatic
    @JvmOverloads
    fun verify(key: String, body: ByteArray, now: Long = LiveSign.unixNow(), leewaySeconds: Int = DEFAULT_LEEWAY_S): Event =
        key.secretUtf8 { verify(it, 0, body, now, leewaySeconds) }

    @JvmStatic
    @JvmOverloads
    fun verify(key: HmacKey, body: ByteArray, now: Long = LiveSign.unixNow(), leewaySeconds: Int = DEFAULT_LEEWAY_S): Event =
        key.locked { verify(null, it, body, now, leewaySeconds) }

    private fun verify(key: ByteArray?, handle: Long, body: ByteArray, now: Long, leewaySeconds: Int): Event {
        val f = LongArray(21)
        LiveSignException.check(LiveSign.nativeHuaweiCallbackVerify(key, handle, body, now, leewaySeconds, f))
        val escaped = f[1].toInt()
        fun text(field: Field, i: Int): String? =
            if (escaped and field.bit != 0) LiveSign.unescapeOrNull(body, f[2 + 2 * i], f[3 + 2 * i])
            else LiveSign.cutOrNull(body, f[2 + 2 * i], f[3 + 2 * i])
        val id = LiveSign.variable { out, len -> LiveSign.nativeHuaweiEventId(body, f, out, len) }
        val replayId = LiveSign.variable { out, len -> LiveSign.nativeHuaweiReplayId(body, f, out, len) }
        return Event(EventKind.values().firstOrNull { it.code.toLong() == f[0] } ?: EventKind.UNKNOWN,
            text(Field.EVENT, 0) ?: "", text(Field.DOMAIN, 1) ?: "", text(Field.APP, 2) ?: "",
            text(Field.STREAM, 3) ?: "", text(Field.USER_ARGS, 4), text(Field.CLIENT_IP, 5), text(Field.NODE_IP, 6),
            text(Field.PUBLISH_TIMESTAMP, 7), if (f[20] == 1L) f[18] else null, f[19],
            Field.values().filter { escaped and it.bit != 0 }.toSet(), String(id, Charsets.UTF_8),
            String(replayId, Charsets.UTF_8))
    }

    /** What an event means for its stream. */
    enum class Verdict(internal val code: Int) {
        /** The stream is now live (LIVESIGN_HUAWEI_STREAM_LIVE). */
        LIVE(1),
        /** The stream has now ended (LIVESIGN_HUAWEI_STREAM_ENDED). */
        ENDED(2),
        /** Late or duplicate: ignore it, nothing changed (LIVESIGN_HUAWEI_STREAM_STALE). */
        STALE(3),
    }

    /**
     * The ordering state a receiver keeps per stream (`domain`/`app`/`stream`): notifications
     * can arrive out of order (a session's `PUBLISH_DONE` before its own `PUBLISH`). Store
     * [state] and [publishTimestamp] and rebuild it from them; serialise the updates of one
     * stream (the class is not thread-safe).
     */
    class Stream @JvmOverloads constructor(state: State = State.UNSEEN, publishTimestamp: Long = 0L) {
        /** Where the stream is, as far as its notifications tell. */
        enum class State(internal val code: Int) {
            /** No event applied yet (LIVESIGN_HUAWEI_STREAM_UNSEEN). */
            UNSEEN(0),
            /** Its newest session started and has not ended (LIVESIGN_HUAWEI_STREAM_LIVE). */
            LIVE(1),
            /** Its newest session ended (LIVESIGN_HUAWEI_STREAM_ENDED). */
            ENDED(2),
        }

        var state: State = state
            private set

        /**
         * `publish_timestamp` of the newest session seen (0 while [State.UNSEEN]), the bits of the
         * C `uint64_t`: one above `Long.MAX_VALUE` reads as negative (read it with
         * `java.lang.Long.toUnsignedString` and compare it with `java.lang.Long.compareUnsigned`;
         * store and restore it as it is).
         */
        var publishTimestamp: Long = publishTimestamp
            private set

        /**
         * Applies a verified event of this stream: a newer session always wins, an older one's
         * events are [Verdict.STALE], and within a session `PUBLISH_DONE` wins (a late `PUBLISH`
         * never revives an ended session). Throws [LiveSignException.InvalidArgument] for an
         * [EventKind.UNKNOWN] event, [LiveSignException.Malformed] when the event has no numeric
         * `publish_timestamp`; the state is then unchanged. `publish_timestamp` is not signed: a
         * captured notification resent with another one verifies, so drop notifications whose
         * [Event.replayId] is known before applying them (see livesign_huawei_stream_apply).
         */
        fun apply(event: Event): Verdict {
            val s = longArrayOf(publishTimestamp, state.code.toLong())
            val verdict = IntArray(1)
            LiveSignException.check(LiveSign.nativeHuaweiStreamApply(s, event.kind.code, event.publishTime ?: 0L,
                if (event.publishTime != null) 1 else 0, verdict))
            state = State.values().firstOrNull { it.code.toLong() == s[1] } ?: throw LiveSignException.Internal()
            publishTimestamp = s[0]
            return Verdict.values().firstOrNull { it.code == verdict[0] } ?: throw LiveSignException.Internal()
        }

        override fun equals(other: Any?): Boolean =
            other is Stream && other.state == state && other.publishTimestamp == publishTimestamp

        override fun hashCode(): Int = 31 * state.hashCode() + publishTimestamp.hashCode()

        override fun toString(): String = "Stream(state=$state, publishTimestamp=$publishTimestamp)"
    }

    /** Recording callbacks: sign type HMACSHA256 (the default) and the insecure MD5 one. */
    object Record {
        /** Shortest recording callback key, in bytes (LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN). */
        const val KEY_MIN_LEN: Int = 32

        /** Length of an MD5 signature (LIVESIGN_HUAWEI_RECORD_MD5_LEN). */
        @JvmStatic val MD5_LEN: Int = LiveSign.nativeHuaweiRecordMd5Len()

        /** The signed fields of a recording callback; the URLs are empty for events that carry none. */
        data class Fields @JvmOverloads constructor(
            val authTimestamp: Long,
            val eventType: String,
            val publishDomain: String,
            val app: String,
            val stream: String,
            val downloadUrl: String = "",
            val playUrl: String = ""
        ) {
            internal fun packed(): Pair<ByteArray, IntArray> {
                val parts = listOf(eventType, publishDomain, app, stream, downloadUrl, playUrl).map { it.utf8() }
                return Pair(parts.fold(ByteArray(0)) { a, b -> a + b }, parts.map { it.size }.toIntArray())
            }
        }

        /**
         * Lowercase hex HMAC-SHA256(key, authTimestamp + eventType + publishDomain + app + stream
         * + downloadUrl + playUrl). Throws [LiveSignException.InvalidArgument] for an
         * `authTimestamp` that is not 10 digits ([MIN_AUTH_TIMESTAMP] to [MAX_AUTH_TIMESTAMP]),
         * [LiveSignException.InvalidKey] for a key shorter than [KEY_MIN_LEN].
         */
        @JvmStatic fun sign(key: String, fields: Fields): String = key.secretUtf8 { sign(it, 0, fields) }
        @JvmStatic fun sign(key: HmacKey, fields: Fields): String = key.locked { sign(null, it, fields) }

        private fun sign(key: ByteArray?, handle: Long, fields: Fields): String {
            val (text, lens) = fields.packed()
            val out = ByteArray(SIGN_LEN)
            LiveSignException.check(LiveSign.nativeHuaweiRecordSign(key, handle, fields.authTimestamp, text, lens, out))
            return String(out, Charsets.US_ASCII)
        }

        /**
         * Verifies an HMACSHA256 signature over the fields: throws [LiveSignException.Malformed]
         * (an `authTimestamp` that is not 10 digits: a digit moved out of it into `eventType`
         * keeps the signature, whatever the leeway; a `sign` not 64 hex characters),
         * [LiveSignException.SignatureMismatch],
         * [LiveSignException.Expired] (`now > authTimestamp + leewaySeconds`).
         */
        @JvmStatic
        @JvmOverloads
        fun verify(key: String, fields: Fields, sign: String, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = DEFAULT_LEEWAY_S) = key.secretUtf8 { verify(it, 0, fields, sign, now, leewaySeconds) }

        @JvmStatic
        @JvmOverloads
        fun verify(key: HmacKey, fields: Fields, sign: String, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = DEFAULT_LEEWAY_S) = key.locked { verify(null, it, fields, sign, now, leewaySeconds) }

        private fun verify(key: ByteArray?, handle: Long, fields: Fields, sign: String, now: Long, leewaySeconds: Int) {
            val (text, lens) = fields.packed()
            LiveSignException.check(LiveSign.nativeHuaweiRecordVerify(key, handle, fields.authTimestamp, text, lens,
                sign.utf8(), now, leewaySeconds))
        }

        /** Sign type MD5: lowercase hex MD5(key + authTimestamp). It signs no body field; prefer HMACSHA256. */
        @JvmStatic
        fun md5Sign(key: String, authTimestamp: Long): String {
            val out = ByteArray(MD5_LEN)
            key.secretUtf8 { k -> LiveSignException.check(LiveSign.nativeHuaweiRecordMd5Sign(k, authTimestamp, out)) }
            return String(out, Charsets.US_ASCII)
        }

        @JvmStatic
        @JvmOverloads
        fun md5Verify(key: String, authTimestamp: Long, sign: String, now: Long = LiveSign.unixNow(),
                      leewaySeconds: Int = DEFAULT_LEEWAY_S) =
            key.secretUtf8 { k ->
                LiveSignException.check(LiveSign.nativeHuaweiRecordMd5Verify(k, authTimestamp, sign.utf8(), now, leewaySeconds))
            }
    }

    /**
     * SparkRTC (Huawei RTC) recording callbacks: `X-Rtc-Signature` = lowercase hex
     * HMAC-SHA256(key, X-Rtc-Rand + X-Rtc-Timestamp + raw body).
     */
    object SparkRtc {
        /**
         * The signature for the `X-Rtc-Rand` and `X-Rtc-Timestamp` headers and the body. Throws
         * [LiveSignException.InvalidArgument] for a timestamp that is not 10 digits (seconds) or
         * 13 (milliseconds).
         */
        @JvmStatic fun sign(key: String, rand: String, timestamp: String, body: ByteArray): String =
            key.secretUtf8 { sign(it, 0, rand, timestamp, body) }
        @JvmStatic fun sign(key: HmacKey, rand: String, timestamp: String, body: ByteArray): String =
            key.locked { sign(null, it, rand, timestamp, body) }

        private fun sign(key: ByteArray?, handle: Long, rand: String, timestamp: String, body: ByteArray): String {
            val out = ByteArray(SIGN_LEN)
            LiveSignException.check(LiveSign.nativeHuaweiSparkrtcSign(key, handle, rand.utf8(), timestamp.utf8(),
                body, out))
            return String(out, Charsets.US_ASCII)
        }

        /** The unit `X-Rtc-Timestamp` is read in, which Huawei does not document. */
        enum class TimestampUnit(internal val code: Int) {
            /** Seconds with 10 digits, milliseconds with 13 (LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER). */
            EITHER(0),
            /** Unix seconds, 10 digits only (LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS). */
            SECONDS(1),
            /** Unix milliseconds, 13 digits only (LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS). */
            MILLISECONDS(2),
        }

        /**
         * Verifies `X-Rtc-Signature` (`signature`); the timestamp is read in [unit] (by default
         * by its length: Unix seconds with 10 digits, milliseconds with 13). Pass the unit
         * Huawei sends you: read by length, three rand digits moved in front of a seconds
         * timestamp re-read as milliseconds and verify about 20 days later (a replay); in one
         * unit every re-cut timestamp has the wrong length. Throws [LiveSignException.Malformed]
         * (also for a timestamp of another length), [LiveSignException.SignatureMismatch],
         * [LiveSignException.Expired] (more than [leewaySeconds] before or after [now]).
         */
        @JvmStatic
        @JvmOverloads
        fun verify(key: String, rand: String, timestamp: String, body: ByteArray, signature: String,
                   now: Long = LiveSign.unixNow(), leewaySeconds: Int = DEFAULT_LEEWAY_S,
                   unit: TimestampUnit = TimestampUnit.EITHER) =
            key.secretUtf8 { verify(it, 0, rand, timestamp, body, signature, unit, now, leewaySeconds) }

        @JvmStatic
        @JvmOverloads
        fun verify(key: HmacKey, rand: String, timestamp: String, body: ByteArray, signature: String,
                   now: Long = LiveSign.unixNow(), leewaySeconds: Int = DEFAULT_LEEWAY_S,
                   unit: TimestampUnit = TimestampUnit.EITHER) =
            key.locked { verify(null, it, rand, timestamp, body, signature, unit, now, leewaySeconds) }

        private fun verify(key: ByteArray?, handle: Long, rand: String, timestamp: String, body: ByteArray, signature: String,
                           unit: TimestampUnit, now: Long, leewaySeconds: Int) =
            LiveSignException.check(LiveSign.nativeHuaweiSparkrtcVerify(key, handle, rand.utf8(),
                timestamp.utf8(), body, signature.utf8(), unit.code, now, leewaySeconds))
    }

    /** Length of a URL validation key (LIVESIGN_HUAWEI_URL_KEY_LEN): letters and digits, not all of one kind. */
    const val URL_KEY_LEN: Int = 32

    /** Shortest validity duration of URL validation, seconds (LIVESIGN_HUAWEI_URL_MIN_DURATION_S). */
    const val URL_MIN_DURATION_S: Int = 60

    /** Longest validity duration of URL validation, seconds: 30 days (LIVESIGN_HUAWEI_URL_MAX_DURATION_S). */
    const val URL_MAX_DURATION_S: Int = 2592000

    /** How method A writes its time: `1592639100` is valid in both and means two different times. */
    enum class TimeFormat(internal val code: Int) {
        /** LIVESIGN_HUAWEI_TIME_DECIMAL */
        DECIMAL(0),
        /** Written lowercase, read in either case (LIVESIGN_HUAWEI_TIME_HEX). */
        HEX(1),
    }

    /** URL validation method A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}`. */
    object UrlA {
        /** Longest query [build] writes (LIVESIGN_HUAWEI_URL_A_MAX_LEN). */
        const val MAX_LEN: Int = 192

        /**
         * The largest [build] timestamp in hex: `ffffffff`, 2106-02-07 (in hex mode, times are 1
         * to 8 hex digits, or exactly 10 decimal digits read as decimal)
         * (LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP).
         */
        const val MAX_HEX_TIMESTAMP: Long = 0xFFFF_FFFFL

        /**
         * The query `auth_key=...` for the URL path [uri] (e.g. `/livetest/huawei1.flv`);
         * [timestamp] is the start of validity. [rand] (Huawei: a UUID without dashes) and [uid]
         * are 1 to 64 ASCII letters and digits. Throws [LiveSignException.InvalidArgument] for a
         * bad uri, rand or uid or a hex [timestamp] above [MAX_HEX_TIMESTAMP],
         * [LiveSignException.InvalidKey] for a key that breaks the key rule.
         */
        @JvmStatic
        @JvmOverloads
        fun build(key: String, uri: String, timestamp: Long, format: TimeFormat, rand: String, uid: String = "0"): String {
            return key.secretUtf8 { k ->
                val u = uri.utf8(); val r = rand.utf8(); val i = uid.utf8()
                String(LiveSign.bounded(MAX_LEN) { out, len ->
                    LiveSign.nativeHuaweiUrlABuild(k, u, timestamp, format.code, r, i, out, len)
                }, Charsets.US_ASCII)
            }
        }

        /**
         * Verifies the `auth_key` of a URL (full, or `/path?query`) against a key ring (primary
         * first); returns the index of the key that matched. Valid while `now <= timestamp +
         * durationSeconds + leewaySeconds`. Throws [LiveSignException.InvalidArgument] (0 or
         * more than 8 keys, a duration outside [URL_MIN_DURATION_S] to [URL_MAX_DURATION_S]),
         * [LiveSignException.InvalidKey], [LiveSignException.Malformed],
         * [LiveSignException.SignatureMismatch], [LiveSignException.Expired].
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, url: String, format: TimeFormat, durationSeconds: Int, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Int {
            val matched = IntArray(1)
            LiveSign.withRing(keys) { joined, lens ->
                LiveSignException.check(LiveSign.nativeHuaweiUrlAVerify(joined, lens, url.utf8(), format.code, now,
                    durationSeconds, leewaySeconds, matched))
            }
            return matched[0]
        }
    }

    /**
     * URL validation method B: `txSecret` = hex MD5(key + stream + txTime), `txTime` = hex start
     * of validity (Tencent's push URL scheme with Huawei's key rule and validity).
     */
    object UrlB {
        /** Longest query [build] writes (LIVESIGN_HUAWEI_URL_B_MAX_LEN). */
        const val MAX_LEN: Int = 57

        /** The largest `txTime` [build] accepts and [verify] reads in hex: `ffffffff`, 2106-02-07 (LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME). */
        const val MAX_TX_TIME: Long = 0xFFFF_FFFFL

        /**
         * The smallest `txTime` [build] accepts and [verify] reads: `10000000`, 1978-07-04
         * (LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME). `txTime` has exactly 8 hex digits, so a character
         * moved out of it into the stream name (same `txSecret`) leaves a malformed time,
         * whatever the leeway.
         */
        const val MIN_TX_TIME: Long = 0x1000_0000L

        /**
         * The query `txSecret=...&txTime=...` for a stream name (`huawei1` in
         * `http://host/livetest/huawei1.flv`), valid from [txTime]. Throws
         * [LiveSignException.InvalidArgument] for an empty stream or a [txTime] below
         * [MIN_TX_TIME] or above [MAX_TX_TIME], [LiveSignException.InvalidKey] for a key that
         * breaks the key rule.
         */
        @JvmStatic
        fun build(key: String, stream: String, txTime: Long): String {
            return key.secretUtf8 { k ->
                val s = stream.utf8()
                String(LiveSign.bounded(MAX_LEN) { out, len -> LiveSign.nativeHuaweiUrlBBuild(k, s, txTime, out, len) },
                    Charsets.US_ASCII)
            }
        }

        /**
         * Verifies `txSecret` / `txTime` of a URL for [stream] against a key ring (primary
         * first); returns the index of the key that matched. Valid while `now < txTime +
         * durationSeconds + leewaySeconds`. Throws as [UrlA.verify].
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, stream: String, url: String, durationSeconds: Int, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Int {
            val matched = IntArray(1)
            LiveSign.withRing(keys) { joined, lens ->
                LiveSignException.check(LiveSign.nativeHuaweiUrlBVerify(joined, lens, stream.utf8(), url.utf8(), now,
                    durationSeconds, leewaySeconds, matched))
            }
            return matched[0]
        }
    }

    /**
     * URL validation method D: `hwSecret` = hex HMAC-SHA256(key, stream + hwTime), `hwTime` = hex
     * start of validity. (Huawei MetaStudio's `MSS_A` callback signature is the same with the
     * callback URL's path as `stream`.)
     */
    object UrlD {
        /** Longest query [build] writes (LIVESIGN_HUAWEI_URL_D_MAX_LEN). */
        const val MAX_LEN: Int = 89

        /**
         * The largest `hwTime` [build] accepts and [verify] reads: `ffffffff`, 2106-02-07, 8 hex
         * digits, so that no stream character can move into it under the same secret
         * (LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME).
         */
        const val MAX_HW_TIME: Long = 0xFFFF_FFFFL

        /**
         * The smallest `hwTime` [build] accepts and [verify] reads: `10000000`, 1978-07-04, 8 hex
         * digits too, so that no `hwTime` character can move out into the stream name
         * (LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME).
         */
        const val MIN_HW_TIME: Long = 0x1000_0000L

        /**
         * The query `hwSecret=...&hwTime=...` for a stream name. Throws
         * [LiveSignException.InvalidArgument] for an empty stream or an [hwTime] below
         * [MIN_HW_TIME] (negative included) or above [MAX_HW_TIME], [LiveSignException.InvalidKey]
         * for a key that breaks the key rule (only its length can be checked on an [HmacKey]).
         */
        @JvmStatic fun build(key: String, stream: String, hwTime: Long): String = key.secretUtf8 { build(it, 0, stream, hwTime) }
        @JvmStatic fun build(key: HmacKey, stream: String, hwTime: Long): String = key.locked { build(null, it, stream, hwTime) }

        private fun build(key: ByteArray?, handle: Long, stream: String, hwTime: Long): String {
            val s = stream.utf8()
            return String(LiveSign.bounded(MAX_LEN) { out, len -> LiveSign.nativeHuaweiUrlDBuild(key, handle, s, hwTime, out, len) },
                Charsets.US_ASCII)
        }

        /**
         * Verifies `hwSecret` / `hwTime` of a URL for [stream] against a key ring (primary
         * first); returns the index of the key that matched. Valid while `now < hwTime +
         * durationSeconds + leewaySeconds`. Throws as [UrlA.verify].
         */
        @JvmStatic
        @JvmOverloads
        fun verify(keys: List<String>, stream: String, url: String, durationSeconds: Int, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Int {
            val matched = IntArray(1)
            LiveSign.withRing(keys) { joined, lens ->
                LiveSignException.check(LiveSign.nativeHuaweiUrlDVerify(joined, lens, stream.utf8(), url.utf8(), now,
                    durationSeconds, leewaySeconds, matched))
            }
            return matched[0]
        }

        /** [verify] with loaded keys (a closed one fails with [LiveSignException.InvalidArgument]). */
        @JvmStatic
        @JvmOverloads
        @JvmName("verifyKeyed")
        fun verify(keys: List<HmacKey>, stream: String, url: String, durationSeconds: Int, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Int {
            val matched = IntArray(1)
            LiveSignException.check(HmacKey.lockedAll(keys) { handles ->
                LiveSign.nativeHuaweiUrlDVerifyKeyed(handles, stream.utf8(), url.utf8(), now, durationSeconds,
                    leewaySeconds, matched)
            })
            return matched[0]
        }
    }
}
