package io.livesign

/**
 * The UTF-8 bytes of a string handed to livesign. Throws [LiveSignException.InvalidArgument]
 * for a string with an unpaired surrogate, which has no UTF-8 form: `toByteArray()` would
 * silently write `?` for it, so livesign would sign or compare another text than the caller's
 * (a UserSig issued to "alice?" verifying for "alice\uD800"). The C API refuses invalid UTF-8
 * text the same way.
 */
internal fun String.utf8(): ByteArray {
    utf8Length()
    return toByteArray(Charsets.UTF_8)
}

/**
 * The length of the UTF-8 form of a string, checking it as [utf8] does (an unpaired surrogate
 * is [LiveSignException.InvalidArgument]).
 */
internal fun String.utf8Length(): Int {
    var n = 0L
    var i = 0
    while (i < length) {
        val c = this[i]
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(this[i + 1])) { n += 4; i += 2 }
        else if (Character.isSurrogate(c)) throw LiveSignException.InvalidArgument()
        else { n += if (c.toInt() < 0x80) 1 else if (c.toInt() < 0x800) 2 else 3; i += 1 }
    }
    // No array holds it (toByteArray would fail too).
    if (n > Int.MAX_VALUE - 8) throw OutOfMemoryError("UTF-8 text too long")
    return n.toInt()
}

/**
 * Writes the UTF-8 bytes of a string that [utf8Length] accepted into [out] at [offset], with no
 * other buffer in between; returns the offset after them.
 */
internal fun String.encodeUtf8(out: ByteArray, offset: Int): Int {
    var o = offset
    var i = 0
    while (i < length) {
        val c = this[i].toInt()
        if (c < 0x80) {
            out[o++] = c.toByte()
        } else if (c < 0x800) {
            out[o++] = (0xC0 or (c shr 6)).toByte()
            out[o++] = (0x80 or (c and 0x3F)).toByte()
        } else if (Character.isHighSurrogate(this[i])) {
            val cp = Character.toCodePoint(this[i], this[i + 1])
            i += 1
            out[o++] = (0xF0 or (cp shr 18)).toByte()
            out[o++] = (0x80 or ((cp shr 12) and 0x3F)).toByte()
            out[o++] = (0x80 or ((cp shr 6) and 0x3F)).toByte()
            out[o++] = (0x80 or (cp and 0x3F)).toByte()
        } else {
            out[o++] = (0xE0 or (c shr 12)).toByte()
            out[o++] = (0x80 or ((c shr 6) and 0x3F)).toByte()
            out[o++] = (0x80 or (c and 0x3F)).toByte()
        }
        i += 1
    }
    return o
}

/**
 * The UTF-8 bytes of a secret (a key) in one array of their exact size, written straight into
 * it (`toByteArray` may encode into a larger scratch array first, which nobody could wipe).
 * Throws as [utf8]. The caller wipes the array ([secretUtf8] does).
 */
internal fun String.secretBytes(): ByteArray {
    val bytes = ByteArray(utf8Length())
    encodeUtf8(bytes, 0)
    return bytes
}

/**
 * Runs [block] with the UTF-8 bytes of a secret (a key) and zeroes them when it returns or
 * throws, so the only copy the wrapper makes is not left in the heap. Throws as [utf8] before
 * [block] runs. The caller's `String` is immutable: it cannot be wiped.
 */
internal inline fun <R> String.secretUtf8(block: (ByteArray) -> R): R {
    val bytes = secretBytes()
    try {
        return block(bytes)
    } finally {
        bytes.fill(0)
    }
}

/** [utf8], or null for a string with an unpaired surrogate (for lookups that find nothing then). */
internal fun String.utf8OrNull(): ByteArray? = try { utf8() } catch (e: LiveSignException.InvalidArgument) { null }

/**
 * livesign for Kotlin and Java: the library's version, status messages, JSON unescaping and
 * the JNI entry points; the operations live in one object per provider ([Tencent], [Trtc],
 * [Huawei], [Alibaba]),
 * with `ByteArray`/`String` in, values out, and a [LiveSignException] for every failure. Times
 * default to the system clock ([unixNow], which refuses a clock set before 1970); `Long` parameters carry the bits of the C `uint64_t`s (Unix
 * seconds fit either way), except that no credential is made from a negative time or lifetime
 * (a UserSig's `expireSeconds` and `now`, a `t`, a URL or callback timestamp:
 * [LiveSignException.InvalidArgument]; -1 would otherwise be valid for ever). Counts of seconds (`leewaySeconds`, `validForSeconds`,
 * `validitySeconds`, `durationSeconds`, `maxAgeSeconds`) are `Int`s: a negative one is
 * [LiveSignException.InvalidArgument]. A `String` goes in as its UTF-8 bytes; one with an
 * unpaired surrogate (no UTF-8 form) is [LiveSignException.InvalidArgument]. Loads
 * `liblivesign.so` (built with the cargo feature `jni`) on first use.
 */
object LiveSign {
    init {
        System.loadLibrary("livesign")
    }

    /** The library version ("MAJOR.MINOR.PATCH"). */
    val version: String get() = nativeVersion()

    /** The ABI version of the loaded library. */
    val abiVersion: Int get() = nativeAbiVersion()

    /**
     * The input limits (`LIVESIGN_MAX_*`) of the loaded library, in bytes. A longer input is
     * [LiveSignException.InvalidArgument] and a longer key [LiveSignException.InvalidKey],
     * before anything is parsed or hashed; UserSig tokens and userbufs keep their own bounds.
     */
    class Limits internal constructor(
        /** A signed callback or notification body (1 MiB). */
        val maxBodyLen: Long,
        /** A response body read for its fields (16 MiB). */
        val maxResponseLen: Long,
        /** A URL or URL path (8 KiB). */
        val maxUrlLen: Long,
        /** A name: stream, app, domain, field, identifier (256). */
        val maxIdLen: Long,
        /** A raw key (1 KiB). */
        val maxKeyLen: Long
    )

    /** The input limits of the loaded library. */
    val limits: Limits by lazy {
        val v = LongArray(5)
        nativeLimits(v)
        Limits(v[0], v[1], v[2], v[3], v[4])
    }

    /**
     * The current Unix time in seconds: the default `now`. Throws
     * [LiveSignException.InvalidArgument] while the system clock is set before 1970.
     */
    @JvmStatic
    fun unixNow(): Long = unixSeconds(System.currentTimeMillis())

    /**
     * Whole seconds of a clock reading in milliseconds (the second it falls in). A reading
     * before 1970 has none: a negative `now` would reach a verifier as about 1.8e19 (every
     * genuine credential "expired") where Swift and C++ refuse the clock.
     */
    internal fun unixSeconds(millis: Long): Long {
        val s = Math.floorDiv(millis, 1000L)
        if (s < 0) throw LiveSignException.InvalidArgument()
        return s
    }

    /** livesign's message for a status number. */
    @JvmStatic
    fun statusMessage(status: Int): String = nativeStatusStr(status)

    /**
     * The text of a JSON string as livesign hands it back raw (the bytes between the quotes,
     * e.g. a [Tencent.Callback.field] value without its quotes): escapes such as `\n`, `\"`
     * and `\u00e9` become characters. Throws [LiveSignException.Malformed] when `raw` is not
     * the inside of a valid JSON string.
     */
    @JvmStatic
    fun jsonUnescape(raw: String): String = String(unescape(raw.utf8()), Charsets.UTF_8)

    internal fun unescape(raw: ByteArray): ByteArray {
        // The text is never longer than its source: one call with a buffer of that size fits.
        val out = ByteArray(raw.size)
        val len = IntArray(1)
        LiveSignException.check(nativeJsonUnescape(raw, out, len))
        return if (len[0] == out.size) out else out.copyOf(len[0])
    }

    /** Runs a `(out, out_cap, out_len)` call: a size query, then the write. */
    internal inline fun variable(call: (ByteArray?, IntArray) -> Int): ByteArray {
        val len = IntArray(1)
        val first = call(null, len)
        if (first != LiveSignException.BUFFER_TOO_SMALL) {
            LiveSignException.check(first)
            return ByteArray(0)
        }
        val out = ByteArray(len[0])
        LiveSignException.check(call(out, len))
        return out.copyOf(len[0])
    }

    /** Runs a `(out, out_cap, out_len)` call once into a buffer of `max` bytes (a `..._MAX_LEN` that always fits). */
    internal inline fun bounded(max: Int, call: (ByteArray, IntArray) -> Int): ByteArray {
        val out = ByteArray(max)
        val len = IntArray(1)
        LiveSignException.check(call(out, len))
        return out.copyOf(len[0])
    }

    /**
     * The text of the UTF-8 bytes at `(offset, len)` of `bytes`, exactly: bytes that are not
     * UTF-8 are [LiveSignException.Malformed], never decoded to U+FFFD (which would make two
     * different byte strings equal). For fields livesign does not check as UTF-8.
     */
    internal fun exactText(bytes: ByteArray, offset: Long, len: Long): String = try {
        Charsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes, offset.toInt(), len.toInt())).toString()
    } catch (e: java.nio.charset.CharacterCodingException) {
        throw LiveSignException.Malformed()
    }

    /** The text at `(offset, len)` of `bytes` (offset -1: absent, empty). */
    internal fun cut(bytes: ByteArray, offset: Long, len: Long): String =
        if (offset < 0) "" else String(bytes, offset.toInt(), len.toInt(), Charsets.UTF_8)

    /** The text at `(offset, len)` of `bytes`; null when absent (offset -1). */
    internal fun cutOrNull(bytes: ByteArray, offset: Long, len: Long): String? =
        if (offset < 0) null else String(bytes, offset.toInt(), len.toInt(), Charsets.UTF_8)

    /** The JSON-unescaped text of the raw string at `(offset, len)` of `bytes`; null when absent. */
    internal fun unescapeOrNull(bytes: ByteArray, offset: Long, len: Long): String? =
        if (offset < 0) null
        else String(unescape(bytes.copyOfRange(offset.toInt(), (offset + len).toInt())), Charsets.UTF_8)

    /**
     * Runs [block] with a key ring as it crosses JNI (the keys' UTF-8 bytes side by side, and
     * their lengths) and zeroes the bytes when it returns or throws. Every key is checked as
     * [utf8] checks it, in order, before [block] runs; then each is written straight into the
     * one array, so no other copy of a key (per key, or a partial concatenation) is left behind.
     */
    internal inline fun <R> withRing(keys: List<String>, block: (ByteArray, IntArray) -> R): R {
        val ks = keys.toTypedArray()
        val lens = IntArray(ks.size) { ks[it].utf8Length() }
        var total = 0L
        for (n in lens) total += n
        if (total > Int.MAX_VALUE - 8) throw OutOfMemoryError("key ring too long")
        val joined = ByteArray(total.toInt())
        try {
            var o = 0
            for (k in ks) o = k.encodeUtf8(joined, o)
            return block(joined, lens)
        } finally {
            joined.fill(0)
        }
    }

    // The JNI entry points (src/ffi/jni/). `internal` keeps them out of the Kotlin API;
    // @JvmName stops Kotlin from mangling internal names, which JNI symbols must match, and so
    // leaves them public in the bytecode: @JvmSynthetic hides them from Java source, which
    // could otherwise free a key handle twice or pass a made-up one (reflection still sees them).
    @JvmStatic @JvmSynthetic @JvmName("nativeVersion") internal external fun nativeVersion(): String
    @JvmStatic @JvmSynthetic @JvmName("nativeAbiVersion") internal external fun nativeAbiVersion(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeStatusStr") internal external fun nativeStatusStr(status: Int): String
    @JvmStatic @JvmSynthetic @JvmName("nativeLimits") internal external fun nativeLimits(out: LongArray)
    @JvmStatic @JvmSynthetic @JvmName("nativeJsonUnescape") internal external fun nativeJsonUnescape(src: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentSignLen") internal external fun nativeTencentSignLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentSign") internal external fun nativeTencentSign(key: ByteArray, t: Long, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentVerify") internal external fun nativeTencentVerify(key: ByteArray, t: Long, sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentCallbackVerify") internal external fun nativeTencentCallbackVerify(key: ByteArray, body: ByteArray, now: Long, leeway: Int,
        fields: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentCallbackField") internal external fun nativeTencentCallbackField(body: ByteArray, name: ByteArray, span: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentApiCommandName") internal external fun nativeTencentApiCommandName(command: Int): String?
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentApiDefaultBase") internal external fun nativeTencentApiDefaultBase(command: Int): String?
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentApiCommandFromName") internal external fun nativeTencentApiCommandFromName(name: ByteArray, command: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentApiBuild") internal external fun nativeTencentApiBuild(command: Int, base: ByteArray?, appid: Long, key: ByteArray, t: Long,
        kinds: IntArray, text: ByteArray, lens: IntArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentApiResponseRead") internal external fun nativeTencentApiResponseRead(body: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentErrorByCode") internal external fun nativeTencentErrorByCode(code: Long, numbers: LongArray, texts: Array<String?>): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentErrorByHttpStatus") internal external fun nativeTencentErrorByHttpStatus(status: Int, numbers: LongArray,
        texts: Array<String?>): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentErrorByMessage") internal external fun nativeTencentErrorByMessage(message: ByteArray, numbers: LongArray,
        texts: Array<String?>): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentTxSecretLen") internal external fun nativeTencentTxSecretLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentUrlBuildLen") internal external fun nativeTencentUrlBuildLen(kind: Int, domainLen: Int, appLen: Int, streamLen: Int,
        expiry: Long): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentUrlBuild") internal external fun nativeTencentUrlBuild(kind: Int, domain: ByteArray, app: ByteArray, stream: ByteArray,
        key: ByteArray, expiry: Long, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentUrlSecret") internal external fun nativeTencentUrlSecret(key: ByteArray, stream: ByteArray, txTime: ByteArray,
        out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTencentUrlVerify") internal external fun nativeTencentUrlVerify(keys: ByteArray, lens: IntArray, url: ByteArray, form: Int, validFor: Int,
        now: Long, leeway: Int, matched: IntArray, info: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeUsersigMaxLen") internal external fun nativeUsersigMaxLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeUsersigLen") internal external fun nativeUsersigLen(sdkappid: Long, identifier: ByteArray, expire: Long, now: Long,
        userbufLen: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeUsersigGen") internal external fun nativeUsersigGen(sdkappid: Long, key: ByteArray?, handle: Long, identifier: ByteArray,
        expire: Long, now: Long, userbuf: ByteArray?, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeUsersigVerify") internal external fun nativeUsersigVerify(sdkappid: Long, key: ByteArray?, handle: Long,
        identifier: ByteArray, usersig: ByteArray, now: Long, leeway: Int, numbers: LongArray, identifierOut: ByteArray, userbufOut: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeUsersigInspect") internal external fun nativeUsersigInspect(usersig: ByteArray, numbers: LongArray,
        identifierOut: ByteArray, userbufOut: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativePrivmapGen") internal external fun nativePrivmapGen(sdkappid: Long, key: ByteArray?, handle: Long, identifier: ByteArray,
        expire: Long, now: Long, roomId: Long, roomStr: ByteArray?, privileges: Int, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativePrivmapParse") internal external fun nativePrivmapParse(userbuf: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcRestUrl") internal external fun nativeTrtcRestUrl(host: ByteArray, service: ByteArray, command: ByteArray, sdkappid: Long,
        identifier: ByteArray, usersig: ByteArray, random: Int, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcResponseParse") internal external fun nativeTrtcResponseParse(body: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcResponseField") internal external fun nativeTrtcResponseField(body: ByteArray, name: ByteArray, span: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcErrorStr") internal external fun nativeTrtcErrorStr(code: Long): String
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcErrorCategory") internal external fun nativeTrtcErrorCategory(code: Long): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcErrorRetry") internal external fun nativeTrtcErrorRetry(code: Long): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackSignLen") internal external fun nativeTrtcCallbackSignLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackKeyCheck") internal external fun nativeTrtcCallbackKeyCheck(key: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackSign") internal external fun nativeTrtcCallbackSign(key: ByteArray?, handle: Long, body: ByteArray, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackVerify") internal external fun nativeTrtcCallbackVerify(key: ByteArray?, handle: Long, body: ByteArray, sign: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackVerifyRing") internal external fun nativeTrtcCallbackVerifyRing(keys: ByteArray, lens: IntArray, body: ByteArray, sign: ByteArray,
        matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackVerifyRingKeyed") internal external fun nativeTrtcCallbackVerifyRingKeyed(handles: LongArray, body: ByteArray,
        sign: ByteArray, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeTrtcCallbackCheckTime") internal external fun nativeTrtcCallbackCheckTime(body: ByteArray, now: Long, maxAge: Int, ts: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiSignLen") internal external fun nativeHuaweiSignLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiSign") internal external fun nativeHuaweiSign(key: ByteArray?, handle: Long, event: ByteArray, domain: ByteArray,
        app: ByteArray, stream: ByteArray, authTimestamp: Long, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiCallbackVerify") internal external fun nativeHuaweiCallbackVerify(key: ByteArray?, handle: Long, body: ByteArray,
        now: Long, leeway: Int, fields: LongArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiEventId") internal external fun nativeHuaweiEventId(body: ByteArray, fields: LongArray, out: ByteArray?,
        outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiReplayId") internal external fun nativeHuaweiReplayId(body: ByteArray, fields: LongArray, out: ByteArray?,
        outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiStreamApply") internal external fun nativeHuaweiStreamApply(state: LongArray, event: Int, publishTime: Long,
        publishTimeValid: Int, verdict: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiRecordMd5Len") internal external fun nativeHuaweiRecordMd5Len(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiRecordSign") internal external fun nativeHuaweiRecordSign(key: ByteArray?, handle: Long, authTimestamp: Long,
        text: ByteArray, lens: IntArray, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiRecordVerify") internal external fun nativeHuaweiRecordVerify(key: ByteArray?, handle: Long, authTimestamp: Long,
        text: ByteArray, lens: IntArray, sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiRecordMd5Sign") internal external fun nativeHuaweiRecordMd5Sign(key: ByteArray, authTimestamp: Long, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiRecordMd5Verify") internal external fun nativeHuaweiRecordMd5Verify(key: ByteArray, authTimestamp: Long,
        sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiSparkrtcSign") internal external fun nativeHuaweiSparkrtcSign(key: ByteArray?, handle: Long, rand: ByteArray,
        timestamp: ByteArray, body: ByteArray, out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiSparkrtcVerify") internal external fun nativeHuaweiSparkrtcVerify(key: ByteArray?, handle: Long, rand: ByteArray,
        timestamp: ByteArray, body: ByteArray, signature: ByteArray, unit: Int, now: Long, leeway: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlABuild") internal external fun nativeHuaweiUrlABuild(key: ByteArray, uri: ByteArray, timestamp: Long,
        timeFormat: Int, rand: ByteArray, uid: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlAVerify") internal external fun nativeHuaweiUrlAVerify(keys: ByteArray, lens: IntArray, url: ByteArray,
        timeFormat: Int, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlBBuild") internal external fun nativeHuaweiUrlBBuild(key: ByteArray, stream: ByteArray, txTime: Long,
        out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlBVerify") internal external fun nativeHuaweiUrlBVerify(keys: ByteArray, lens: IntArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlDBuild") internal external fun nativeHuaweiUrlDBuild(key: ByteArray?, handle: Long, stream: ByteArray,
        hwTime: Long, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlDVerify") internal external fun nativeHuaweiUrlDVerify(keys: ByteArray, lens: IntArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHuaweiUrlDVerifyKeyed") internal external fun nativeHuaweiUrlDVerifyKeyed(handles: LongArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeAlibabaSignLen") internal external fun nativeAlibabaSignLen(): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeAlibabaUrlABuild") internal external fun nativeAlibabaUrlABuild(key: ByteArray, uri: ByteArray, timestamp: Long,
        rand: ByteArray, uid: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeAlibabaUrlAVerify") internal external fun nativeAlibabaUrlAVerify(keys: ByteArray, lens: IntArray, url: ByteArray,
        now: Long, validity: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeAlibabaCallbackSign") internal external fun nativeAlibabaCallbackSign(key: ByteArray, domain: ByteArray, timestamp: Long,
        out: ByteArray): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeAlibabaCallbackVerify") internal external fun nativeAlibabaCallbackVerify(key: ByteArray, domain: ByteArray,
        timestamp: ByteArray, signature: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmSynthetic @JvmName("nativeHmacKeyNew") internal external fun nativeHmacKeyNew(key: ByteArray, status: IntArray): Long
    @JvmStatic @JvmSynthetic @JvmName("nativeHmacKeyFree") internal external fun nativeHmacKeyFree(handle: Long)
}
