package io.livesign

/** Tencent TRTC / Chat REST API and TRTC event callbacks. */
object Trtc {
    /** `ActionStatus` of a REST response. */
    enum class ActionStatus { NONE, OK, FAIL }

    /** What kind of problem a REST error code reports. */
    enum class ErrorCategory { UNKNOWN, REQUEST, AUTH, APP, RATE_LIMIT, SERVER }

    /** Whether sending the same request again can succeed. */
    enum class Retry { UNKNOWN, NEVER, BACKOFF }

    /** A REST response envelope (`ErrorInfo` and `RequestId` as written, escapes kept). */
    data class RestResponse(val actionStatus: ActionStatus, val errorCode: Long, val errorInfo: String, val requestId: String) {
        val isOk: Boolean get() = actionStatus == ActionStatus.OK && errorCode == 0L
    }

    /** `https://<host>/v4/<service>/<command>?sdkappid=...&contenttype=json`; empty host: console.tim.qq.com. */
    @JvmStatic
    @JvmOverloads
    fun restUrl(service: String, command: String, sdkappid: Long, identifier: String, usersig: String, random: Int,
                host: String = ""): String {
        val h = host.toByteArray(); val s = service.toByteArray(); val c = command.toByteArray()
        val i = identifier.toByteArray(); val u = usersig.toByteArray()
        return String(LiveSign.variable { out, len -> LiveSign.nativeTrtcRestUrl(h, s, c, sdkappid, i, u, random, out, len) })
    }

    /** Reads a REST response's envelope. */
    @JvmStatic
    fun parseResponse(body: String): RestResponse {
        val b = body.toByteArray()
        val f = LongArray(6)
        LiveSignException.check(LiveSign.nativeTrtcResponseParse(b, f))
        return RestResponse(ActionStatus.values()[f[0].toInt()], f[1], LiveSign.cut(b, f[2], f[3]), LiveSign.cut(b, f[4], f[5]))
    }

    /** Another top-level field of a response, as raw JSON text; null when absent. */
    @JvmStatic
    fun responseField(body: String, name: String): String? {
        val b = body.toByteArray()
        val span = LongArray(2)
        LiveSignException.check(LiveSign.nativeTrtcResponseField(b, name.toByteArray(), span))
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
        @JvmStatic fun checkKey(key: String) = LiveSignException.check(LiveSign.nativeTrtcCallbackKeyCheck(key.toByteArray()))

        /** The `Sign` TRTC sends with `body`. */
        @JvmStatic fun sign(key: String, body: ByteArray): String = sign(key.toByteArray(), 0, body)
        @JvmStatic fun sign(key: HmacKey, body: ByteArray): String = sign(null, key.handle, body)

        private fun sign(key: ByteArray?, handle: Long, body: ByteArray): String {
            val out = ByteArray(SIGN_LEN)
            LiveSignException.check(LiveSign.nativeTrtcCallbackSign(key, handle, body, out))
            return String(out, Charsets.US_ASCII)
        }

        /** Verifies the `Sign` header over the raw body bytes. */
        @JvmStatic fun verify(key: String, body: ByteArray, sign: String) =
            LiveSignException.check(LiveSign.nativeTrtcCallbackVerify(key.toByteArray(), 0, body, sign.toByteArray()))
        @JvmStatic fun verify(key: HmacKey, body: ByteArray, sign: String) =
            LiveSignException.check(LiveSign.nativeTrtcCallbackVerify(null, key.handle, body, sign.toByteArray()))

        /** Verifies against a key ring (current key first); returns the index that matched. */
        @JvmStatic fun verifyRing(keys: List<String>, body: ByteArray, sign: String): Int {
            val (joined, lens) = LiveSign.ring(keys)
            val matched = IntArray(1)
            LiveSignException.check(LiveSign.nativeTrtcCallbackVerifyRing(joined, lens, body, sign.toByteArray(), matched))
            return matched[0]
        }

        /** The replay window on a verified body; returns `CallbackTs` (milliseconds). */
        @JvmStatic
        @JvmOverloads
        fun checkTime(body: ByteArray, now: Long = LiveSign.unixNow(), maxAgeSeconds: Int = 300): Long {
            val ts = LongArray(1)
            LiveSignException.check(LiveSign.nativeTrtcCallbackCheckTime(body, now, maxAgeSeconds, ts))
            return ts[0]
        }
    }
}
