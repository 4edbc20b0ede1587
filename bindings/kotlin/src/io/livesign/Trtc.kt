package io.livesign

import java.util.Arrays
import java.util.Collections
import java.util.EnumSet

/** Tencent TRTC / Chat: UserSig and PrivateMapKey, the REST API and TRTC event callbacks. */
object Trtc {
    /**
     * TLSSigAPIv2 UserSigs: the `userSig` a TRTC / Chat client logs in with, and the `usersig`
     * of REST calls. Tokens are the official Go SDK's byte for byte; [verify] accepts every
     * official SDK's. The key is the console's secret key as text (its UTF-8 bytes, never
     * hex-decoded), or an [HmacKey] loaded from it.
     */
    object UserSig {
        /**
         * A size that always fits a token livesign generates, UserSig or PrivateMapKey, and the
         * longest token [verify] and [inspect] read (LIVESIGN_USERSIG_MAX_LEN).
         */
        @JvmStatic val MAX_LEN: Int = LiveSign.nativeUsersigMaxLen()

        /**
         * The latest expiry [generate] accepts: `now + expireSeconds` at most `Long.MAX_VALUE`
         * (LIVESIGN_USERSIG_MAX_EXPIRES_AT), the most the official verifiers read.
         */
        const val MAX_EXPIRES_AT: Long = Long.MAX_VALUE

        /** Longest identifier accepted, in UTF-8 bytes (LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN). */
        const val IDENTIFIER_MAX_LEN: Int = 256

        /** Longest userbuf accepted, in bytes (LIVESIGN_USERSIG_USERBUF_MAX_LEN). */
        const val USERBUF_MAX_LEN: Int = 1024

        /**
         * What a token says: checked by [verify], as claimed by [inspect]. [time] is when it was
         * issued and [expiresAt] (`time + expire`, saturating) the last second it is valid,
         * Unix seconds; [userbuf] is null when the token carries none. [time], [expire] and
         * [expiresAt] saturate at `Long.MAX_VALUE` (tokens from other SDKs can go past it, e.g.
         * a lifetime of `Long.MAX_VALUE`); [sdkappid] carries the bits of the C `uint64_t`, as
         * the parameters do.
         */
        class Info(val sdkappid: Long, val identifier: String, val time: Long, val expire: Long, val expiresAt: Long,
                   val userbuf: ByteArray?) {
            override fun equals(other: Any?): Boolean = other is Info && sdkappid == other.sdkappid &&
                identifier == other.identifier && time == other.time && expire == other.expire &&
                expiresAt == other.expiresAt && Arrays.equals(userbuf, other.userbuf)

            override fun hashCode(): Int =
                Arrays.hashCode(longArrayOf(sdkappid, time, expire, expiresAt)) * 31 + identifier.hashCode()

            override fun toString(): String = "Info(sdkappid=$sdkappid, identifier=$identifier, time=$time, " +
                "expire=$expire, expiresAt=$expiresAt, userbuf=${userbuf?.size?.let { "$it bytes" }})"
        }

        /**
         * The exact length of the token [generate] writes (only the userbuf's length matters); 0
         * when it would throw [LiveSignException.InvalidArgument].
         */
        @JvmStatic
        @JvmOverloads
        fun length(sdkappid: Long, identifier: String, expireSeconds: Long, now: Long, userbufLength: Int = 0): Int {
            // An unpaired surrogate has no UTF-8 form: generate throws InvalidArgument for it.
            val id = identifier.utf8OrNull() ?: return 0
            return LiveSign.nativeUsersigLen(sdkappid, id, expireSeconds, now, userbufLength)
        }

        /**
         * A UserSig for [identifier], issued at [now], valid for [expireSeconds], optionally
         * carrying [userbuf] (null or empty: none). Throws [LiveSignException.InvalidKey] for an
         * empty key, [LiveSignException.InvalidArgument] for an identifier over
         * [IDENTIFIER_MAX_LEN] UTF-8 bytes, a userbuf over [USERBUF_MAX_LEN], a negative
         * [expireSeconds] or [now], or `now + expireSeconds` above [MAX_EXPIRES_AT].
         */
        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: String, identifier: String, expireSeconds: Long, now: Long = LiveSign.unixNow(),
                     userbuf: ByteArray? = null): String =
            key.secretUtf8 { generate(sdkappid, it, 0, identifier, expireSeconds, now, userbuf) }

        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: HmacKey, identifier: String, expireSeconds: Long, now: Long = LiveSign.unixNow(),
                     userbuf: ByteArray? = null): String =
            key.locked { generate(sdkappid, null, it, identifier, expireSeconds, now, userbuf) }

        private fun generate(sdkappid: Long, key: ByteArray?, handle: Long, identifier: String, expire: Long, now: Long,
                             userbuf: ByteArray?): String {
            val id = identifier.utf8()
            // One pass into a buffer of the exact size (0: the call reports why it fails).
            val size = LiveSign.nativeUsersigLen(sdkappid, id, expire, now, userbuf?.size ?: 0)
            val out = ByteArray(size)
            val len = IntArray(1)
            LiveSignException.check(LiveSign.nativeUsersigGen(sdkappid, key, handle, id, expire, now, userbuf, out, len))
            return String(out, 0, len[0], Charsets.US_ASCII)
        }

        /**
         * Verifies a UserSig for [sdkappid] and [identifier] at [now] and returns its fields.
         * Throws, first failure wins: [LiveSignException.InvalidArgument] (identifier too long),
         * [LiveSignException.InvalidKey] (empty key), [LiveSignException.Malformed] (not a
         * UserSig), [LiveSignException.SignatureMismatch] (wrong key or altered token),
         * [LiveSignException.IdentityMismatch] (a valid token for another app or user),
         * [LiveSignException.Expired] (genuine, but `now > expiresAt + leewaySeconds`).
         */
        @JvmStatic
        @JvmOverloads
        fun verify(sdkappid: Long, key: String, identifier: String, usersig: String, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Info = key.secretUtf8 { verify(sdkappid, it, 0, identifier, usersig, now, leewaySeconds) }

        @JvmStatic
        @JvmOverloads
        fun verify(sdkappid: Long, key: HmacKey, identifier: String, usersig: String, now: Long = LiveSign.unixNow(),
                   leewaySeconds: Int = 0): Info = key.locked { verify(sdkappid, null, it, identifier, usersig, now, leewaySeconds) }

        private fun verify(sdkappid: Long, key: ByteArray?, handle: Long, identifier: String, usersig: String, now: Long,
                           leeway: Int): Info = info { numbers, id, buf ->
            LiveSign.nativeUsersigVerify(sdkappid, key, handle, identifier.utf8(), usersig.utf8(), now, leeway,
                numbers, id, buf)
        }

        /**
         * Decodes a UserSig without its key, for diagnosis: nothing is verified. Throws
         * [LiveSignException.Malformed] when it is not a UserSig (corrupt, truncated, or
         * URL-decoded twice); otherwise compare [Info.sdkappid], [Info.identifier] and
         * [Info.expiresAt] with what you expect, and when all match but [verify] still fails,
         * the key is wrong.
         */
        @JvmStatic
        fun inspect(usersig: String): Info = info { numbers, id, buf ->
            LiveSign.nativeUsersigInspect(usersig.utf8(), numbers, id, buf)
        }

        private inline fun info(call: (LongArray, ByteArray, ByteArray) -> Int): Info {
            val f = LongArray(7)
            val id = ByteArray(IDENTIFIER_MAX_LEN)
            val buf = ByteArray(USERBUF_MAX_LEN)
            LiveSignException.check(call(f, id, buf))
            return Info(f[0], String(id, 0, f[4].toInt(), Charsets.UTF_8), seconds(f[1]), seconds(f[2]), seconds(f[3]),
                if (f[5] != 0L) buf.copyOf(f[6].toInt()) else null)
        }

        /**
         * A C `uint64_t` count of seconds, saturated to a `Long`: as its bits, one past
         * `Long.MAX_VALUE` would read as negative (a token valid for ever as one that ended
         * before 1970).
         */
        private fun seconds(bits: Long): Long = if (bits < 0) Long.MAX_VALUE else bits
    }

    /**
     * PrivateMapKeys: UserSigs whose userbuf grants one user [Privilege]s in one room (a
     * numeric `roomId`, or a string `roomStr`) until `now + expireSeconds`.
     */
    object PrivateMapKey {
        /** The privilege bits (LIVESIGN_PRIVMAP_...). */
        enum class Privilege(val bit: Int) {
            CREATE(1), ENTER(2), SEND_AUDIO(4), RECV_AUDIO(8), SEND_VIDEO(16), RECV_VIDEO(32),
            /** Screen sharing. */
            SEND_SUBSTREAM(64),
            /** Screen sharing. */
            RECV_SUBSTREAM(128);

            companion object {
                /** Every privilege (LIVESIGN_PRIVMAP_ALL). */
                @JvmField val ALL: Set<Privilege> = Collections.unmodifiableSet(EnumSet.allOf(Privilege::class.java))

                /** The bits of a set. */
                @JvmStatic fun bits(privileges: Set<Privilege>): Int = privileges.fold(0) { a, p -> a or p.bit }

                /** The privileges among `bits` (other bits are dropped). */
                @JvmStatic fun of(bits: Int): Set<Privilege> =
                    EnumSet.noneOf(Privilege::class.java).apply { addAll(Privilege.values().filter { bits and it.bit != 0 }) }
            }
        }

        /**
         * A parsed grant: [roomStr] is null for a numeric room ([roomId]), and [roomId] 0 for a
         * string one. [expiresAt] is absolute Unix seconds (modulo 2^32), apart from the token's
         * own expiry. [privilegeBits] keeps every bit, [privileges] the known ones.
         */
        data class Info(val identifier: String, val sdkappid: Long, val roomId: Long, val roomStr: String?,
                        val expiresAt: Long, val privileges: Set<Privilege>, val privilegeBits: Long, val accountType: Long)

        /**
         * A PrivateMapKey for the numeric room [roomId] (0 to 4294967295). Throws as
         * [UserSig.generate], and [LiveSignException.InvalidArgument] for a non-ASCII
         * identifier, a room id, sdkappid or `now + expireSeconds` above 4294967295.
         */
        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: String, identifier: String, expireSeconds: Long, roomId: Long,
                     privileges: Set<Privilege>, now: Long = LiveSign.unixNow()): String =
            key.secretUtf8 { generate(sdkappid, it, 0, identifier, expireSeconds, now, roomId, null, privileges) }

        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: HmacKey, identifier: String, expireSeconds: Long, roomId: Long,
                     privileges: Set<Privilege>, now: Long = LiveSign.unixNow()): String =
            key.locked { generate(sdkappid, null, it, identifier, expireSeconds, now, roomId, null, privileges) }

        /** The same for the string room [roomStr] (non-empty ASCII, e.g. "room-42_abc"). */
        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: String, identifier: String, expireSeconds: Long, roomStr: String,
                     privileges: Set<Privilege>, now: Long = LiveSign.unixNow()): String =
            key.secretUtf8 { generate(sdkappid, it, 0, identifier, expireSeconds, now, 0, roomStr.utf8(), privileges) }

        @JvmStatic
        @JvmOverloads
        fun generate(sdkappid: Long, key: HmacKey, identifier: String, expireSeconds: Long, roomStr: String,
                     privileges: Set<Privilege>, now: Long = LiveSign.unixNow()): String =
            key.locked { generate(sdkappid, null, it, identifier, expireSeconds, now, 0, roomStr.utf8(), privileges) }

        private fun generate(sdkappid: Long, key: ByteArray?, handle: Long, identifier: String, expire: Long, now: Long,
                             roomId: Long, roomStr: ByteArray?, privileges: Set<Privilege>): String {
            val id = identifier.utf8()
            val bits = Privilege.bits(privileges)
            return String(LiveSign.bounded(UserSig.MAX_LEN) { out, len ->
                LiveSign.nativePrivmapGen(sdkappid, key, handle, id, expire, now, roomId, roomStr, bits, out, len)
            }, Charsets.US_ASCII)
        }

        /**
         * Parses a PrivateMapKey userbuf ([UserSig.Info.userbuf] of a verified token); throws
         * [LiveSignException.Malformed] when it is not exactly one, or when its identifier or
         * room string is not UTF-8 (never read with U+FFFD in place of the bytes). Compare
         * [Info.expiresAt] with the time yourself.
         */
        @JvmStatic
        fun parse(userbuf: ByteArray): Info {
            val f = LongArray(10)
            LiveSignException.check(LiveSign.nativePrivmapParse(userbuf, f))
            val roomStr = if (f[4] != 0L) LiveSign.exactText(userbuf, maxOf(f[5], 0L), f[6]) else null
            return Info(LiveSign.exactText(userbuf, maxOf(f[0], 0L), f[1]), f[2], f[3], roomStr, f[7],
                Privilege.of(f[8].toInt()), f[8], f[9])
        }
    }

    /** `ActionStatus` of a REST response. */
    enum class ActionStatus { NONE, OK, FAIL }

    /** What kind of problem a REST error code reports. */
    enum class ErrorCategory { UNKNOWN, REQUEST, AUTH, APP, RATE_LIMIT, SERVER }

    /** Whether sending the same request again can succeed. */
    enum class Retry { UNKNOWN, NEVER, BACKOFF }

    /** A REST response envelope (`ErrorInfo` and `RequestId` JSON-unescaped; "" when absent). */
    data class RestResponse(val actionStatus: ActionStatus, val errorCode: Long, val errorInfo: String, val requestId: String) {
        val isOk: Boolean get() = actionStatus == ActionStatus.OK && errorCode == 0L
    }

    /** The longest URL [restUrl] writes (LIVESIGN_TRTC_REST_URL_MAX_LEN). */
    const val REST_URL_MAX_LEN: Int = 5815

    /**
     * `https://<host>/v4/<service>/<command>?sdkappid=...&contenttype=json`; empty host:
     * console.tim.qq.com. [random] carries the bits of the C `uint32_t` (Kotlin has no unsigned
     * `Int`: -1 is written 4294967295, so every value is reachable), [sdkappid] those of the
     * `uint64_t`.
     */
    @JvmStatic
    @JvmOverloads
    fun restUrl(service: String, command: String, sdkappid: Long, identifier: String, usersig: String, random: Int,
                host: String = ""): String {
        val h = host.utf8(); val s = service.utf8(); val c = command.utf8()
        val i = identifier.utf8(); val u = usersig.utf8()
        return String(LiveSign.variable { out, len -> LiveSign.nativeTrtcRestUrl(h, s, c, sdkappid, i, u, random, out, len) },
            Charsets.US_ASCII)
    }

    /** Reads a REST response's envelope. */
    @JvmStatic
    fun parseResponse(body: String): RestResponse {
        val b = body.utf8()
        val f = LongArray(6)
        LiveSignException.check(LiveSign.nativeTrtcResponseParse(b, f))
        return RestResponse(ActionStatus.values()[f[0].toInt()], f[1], LiveSign.unescapeOrNull(b, f[2], f[3]) ?: "",
            LiveSign.unescapeOrNull(b, f[4], f[5]) ?: "")
    }

    /** Another top-level field of a response, as raw JSON text; null when absent. */
    @JvmStatic
    fun responseField(body: String, name: String): String? {
        val b = body.utf8()
        val span = LongArray(2)
        LiveSignException.check(LiveSign.nativeTrtcResponseField(b, name.utf8(), span))
        return LiveSign.cutOrNull(b, span[0], span[1])
    }

    /** The catalog entry of a REST error code (60002 to 60021). */
    @JvmStatic fun errorMessage(code: Long): String = LiveSign.nativeTrtcErrorStr(code)
    @JvmStatic fun errorCategory(code: Long): ErrorCategory = ErrorCategory.values()[LiveSign.nativeTrtcErrorCategory(code)]
    @JvmStatic fun errorRetry(code: Long): Retry = Retry.values()[LiveSign.nativeTrtcErrorRetry(code)]

    /** TRTC event callbacks: `Sign` = base64(HMAC-SHA256(callback key, raw body)). */
    object Callback {
        /** Length of a `Sign` header value. */
        @JvmStatic val SIGN_LEN: Int = LiveSign.nativeTrtcCallbackSignLen()

        /** Throws [LiveSignException.InvalidKey] unless the key is 1 to 32 ASCII letters and digits. */
        @JvmStatic fun checkKey(key: String) = key.secretUtf8 { LiveSignException.check(LiveSign.nativeTrtcCallbackKeyCheck(it)) }

        /** The `Sign` TRTC sends with `body`. */
        @JvmStatic fun sign(key: String, body: ByteArray): String = key.secretUtf8 { sign(it, 0, body) }
        @JvmStatic fun sign(key: HmacKey, body: ByteArray): String = key.locked { sign(null, it, body) }

        private fun sign(key: ByteArray?, handle: Long, body: ByteArray): String {
            val out = ByteArray(SIGN_LEN)
            LiveSignException.check(LiveSign.nativeTrtcCallbackSign(key, handle, body, out))
            return String(out, Charsets.US_ASCII)
        }

        /** Verifies the `Sign` header over the raw body bytes. */
        @JvmStatic fun verify(key: String, body: ByteArray, sign: String) =
            key.secretUtf8 { LiveSignException.check(LiveSign.nativeTrtcCallbackVerify(it, 0, body, sign.utf8())) }
        @JvmStatic fun verify(key: HmacKey, body: ByteArray, sign: String) =
            LiveSignException.check(key.locked { LiveSign.nativeTrtcCallbackVerify(null, it, body, sign.utf8()) })

        /** Verifies against a key ring (current key first); returns the index that matched. */
        @JvmStatic fun verifyRing(keys: List<String>, body: ByteArray, sign: String): Int {
            val matched = IntArray(1)
            LiveSign.withRing(keys) { joined, lens ->
                LiveSignException.check(LiveSign.nativeTrtcCallbackVerifyRing(joined, lens, body, sign.utf8(), matched))
            }
            return matched[0]
        }

        /** [verifyRing] with loaded keys (a closed one fails with [LiveSignException.InvalidArgument]). */
        @JvmStatic
        @JvmName("verifyRingKeyed")
        fun verifyRing(keys: List<HmacKey>, body: ByteArray, sign: String): Int {
            val matched = IntArray(1)
            LiveSignException.check(HmacKey.lockedAll(keys) { handles ->
                LiveSign.nativeTrtcCallbackVerifyRingKeyed(handles, body, sign.utf8(), matched)
            })
            return matched[0]
        }

        /**
         * The replay window on a verified body; returns `CallbackTs` (milliseconds), the bits of
         * the C `uint64_t`: one above `Long.MAX_VALUE` reads as negative (read it with
         * `java.lang.Long.toUnsignedString` and compare it with `java.lang.Long.compareUnsigned`).
         */
        @JvmStatic
        @JvmOverloads
        fun checkTime(body: ByteArray, now: Long = LiveSign.unixNow(), maxAgeSeconds: Int = 300): Long {
            val ts = LongArray(1)
            LiveSignException.check(LiveSign.nativeTrtcCallbackCheckTime(body, now, maxAgeSeconds, ts))
            return ts[0]
        }
    }
}
