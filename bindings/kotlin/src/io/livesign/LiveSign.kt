package io.livesign

/**
 * livesign for Kotlin and Java: every operation of the C API, with `ByteArray`/`String` in,
 * values out, and a [LiveSignException] for every failure. Times default to the system clock;
 * `Long` parameters carry the bits of the C `uint64_t`s (Unix seconds fit either way).
 * Loads `liblivesign.so` (built with the cargo feature `jni`) on first use.
 */
object LiveSign {
    init {
        System.loadLibrary("livesign")
    }

    /** The library version ("MAJOR.MINOR.PATCH"). */
    val version: String get() = nativeVersion()

    /** The ABI version of the loaded library. */
    val abiVersion: Int get() = nativeAbiVersion()

    /** The current Unix time in seconds: the default `now`. */
    @JvmStatic
    fun unixNow(): Long = System.currentTimeMillis() / 1000

    /** livesign's message for a status number. */
    @JvmStatic
    fun statusMessage(status: Int): String = nativeStatusStr(status)

    /** Tencent CSS `sign` = lowercase hex MD5(key + decimal t); `t` is the expiry. */
    @JvmStatic
    fun tencentSign(key: String, t: Long): String {
        val out = ByteArray(TENCENT_SIGN_LEN)
        LiveSignException.check(nativeTencentSign(key.toByteArray(), t, out))
        return String(out, Charsets.US_ASCII)
    }

    /**
     * Verifies Tencent `t` + `sign`: throws [LiveSignException.SignatureMismatch] ("sign
     * invalid") or, only for a right sign, [LiveSignException.Expired] ("time expired").
     */
    @JvmStatic
    @JvmOverloads
    fun tencentVerify(key: String, t: Long, sign: String, now: Long = unixNow(), leewaySeconds: Int = 0) {
        LiveSignException.check(nativeTencentVerify(key.toByteArray(), t, sign.toByteArray(), now, leewaySeconds))
    }

    /** Length of a Tencent sign (LIVESIGN_TENCENT_SIGN_LEN). */
    @JvmStatic val TENCENT_SIGN_LEN: Int = nativeTencentSignLen()

    @JvmStatic private external fun nativeVersion(): String
    @JvmStatic private external fun nativeAbiVersion(): Int
    @JvmStatic private external fun nativeStatusStr(status: Int): String
    @JvmStatic private external fun nativeTencentSignLen(): Int
    @JvmStatic private external fun nativeTencentSign(key: ByteArray, t: Long, out: ByteArray): Int
    @JvmStatic private external fun nativeTencentVerify(key: ByteArray, t: Long, sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic private external fun nativeHmacKeyNew(key: ByteArray, status: IntArray): Long
    @JvmStatic private external fun nativeHmacKeyFree(handle: Long)

    // Kotlin mangles the JVM names of `internal` members, so the externals stay private and
    // HmacKey reaches them through these.
    internal fun hmacKeyNew(key: ByteArray, status: IntArray): Long = nativeHmacKeyNew(key, status)
    internal fun hmacKeyFree(handle: Long) = nativeHmacKeyFree(handle)
}
