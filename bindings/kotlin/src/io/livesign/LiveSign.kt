package io.livesign

/**
 * The UTF-8 bytes of a string handed to livesign. Throws [LiveSignException.InvalidArgument]
 * for a string with an unpaired surrogate, which has no UTF-8 form: `toByteArray()` would
 * silently write `?` for it, so livesign would sign or compare another text than the caller's
 * (a UserSig issued to "alice?" verifying for "alice\uD800"). The C API refuses invalid UTF-8
 * text the same way.
 */
internal fun String.utf8(): ByteArray {
    var i = 0
    while (i < length) {
        val c = this[i]
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(this[i + 1])) i += 2
        else if (Character.isSurrogate(c)) throw LiveSignException.InvalidArgument()
        else i += 1
    }
    return toByteArray(Charsets.UTF_8)
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

    /** Keys concatenated plus their lengths: how a key ring crosses JNI. */
    internal fun ring(keys: List<String>): Pair<ByteArray, IntArray> {
        val bytes = keys.map { it.utf8() }
        return Pair(bytes.fold(ByteArray(0)) { a, b -> a + b }, bytes.map { it.size }.toIntArray())
    }

    // The JNI entry points (src/ffi/jni/). `internal` keeps them out of the Kotlin API;
    // @JvmName stops Kotlin from mangling internal names, which JNI symbols must match.
    @JvmStatic @JvmName("nativeVersion") internal external fun nativeVersion(): String
    @JvmStatic @JvmName("nativeAbiVersion") internal external fun nativeAbiVersion(): Int
    @JvmStatic @JvmName("nativeStatusStr") internal external fun nativeStatusStr(status: Int): String
    @JvmStatic @JvmName("nativeLimits") internal external fun nativeLimits(out: LongArray)
    @JvmStatic @JvmName("nativeJsonUnescape") internal external fun nativeJsonUnescape(src: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeTencentSignLen") internal external fun nativeTencentSignLen(): Int
    @JvmStatic @JvmName("nativeTencentSign") internal external fun nativeTencentSign(key: ByteArray, t: Long, out: ByteArray): Int
    @JvmStatic @JvmName("nativeTencentVerify") internal external fun nativeTencentVerify(key: ByteArray, t: Long, sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmName("nativeTencentCallbackVerify") internal external fun nativeTencentCallbackVerify(key: ByteArray, body: ByteArray, now: Long, leeway: Int,
        fields: LongArray): Int
    @JvmStatic @JvmName("nativeTencentCallbackField") internal external fun nativeTencentCallbackField(body: ByteArray, name: ByteArray, span: LongArray): Int
    @JvmStatic @JvmName("nativeTencentApiCommandName") internal external fun nativeTencentApiCommandName(command: Int): String?
    @JvmStatic @JvmName("nativeTencentApiDefaultBase") internal external fun nativeTencentApiDefaultBase(command: Int): String?
    @JvmStatic @JvmName("nativeTencentApiCommandFromName") internal external fun nativeTencentApiCommandFromName(name: ByteArray, command: IntArray): Int
    @JvmStatic @JvmName("nativeTencentApiBuild") internal external fun nativeTencentApiBuild(command: Int, base: ByteArray?, appid: Long, key: ByteArray, t: Long,
        kinds: IntArray, text: ByteArray, lens: IntArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeTencentApiResponseRead") internal external fun nativeTencentApiResponseRead(body: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmName("nativeTencentErrorByCode") internal external fun nativeTencentErrorByCode(code: Long, numbers: LongArray, texts: Array<String?>): Int
    @JvmStatic @JvmName("nativeTencentErrorByHttpStatus") internal external fun nativeTencentErrorByHttpStatus(status: Int, numbers: LongArray,
        texts: Array<String?>): Int
    @JvmStatic @JvmName("nativeTencentErrorByMessage") internal external fun nativeTencentErrorByMessage(message: ByteArray, numbers: LongArray,
        texts: Array<String?>): Int
    @JvmStatic @JvmName("nativeTencentTxSecretLen") internal external fun nativeTencentTxSecretLen(): Int
    @JvmStatic @JvmName("nativeTencentUrlBuildLen") internal external fun nativeTencentUrlBuildLen(kind: Int, domainLen: Int, appLen: Int, streamLen: Int,
        expiry: Long): Int
    @JvmStatic @JvmName("nativeTencentUrlBuild") internal external fun nativeTencentUrlBuild(kind: Int, domain: ByteArray, app: ByteArray, stream: ByteArray,
        key: ByteArray, expiry: Long, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeTencentUrlSecret") internal external fun nativeTencentUrlSecret(key: ByteArray, stream: ByteArray, txTime: ByteArray,
        out: ByteArray): Int
    @JvmStatic @JvmName("nativeTencentUrlVerify") internal external fun nativeTencentUrlVerify(keys: ByteArray, lens: IntArray, url: ByteArray, form: Int, validFor: Int,
        now: Long, leeway: Int, matched: IntArray, info: LongArray): Int
    @JvmStatic @JvmName("nativeUsersigMaxLen") internal external fun nativeUsersigMaxLen(): Int
    @JvmStatic @JvmName("nativeUsersigLen") internal external fun nativeUsersigLen(sdkappid: Long, identifier: ByteArray, expire: Long, now: Long,
        userbufLen: Int): Int
    @JvmStatic @JvmName("nativeUsersigGen") internal external fun nativeUsersigGen(sdkappid: Long, key: ByteArray?, handle: Long, identifier: ByteArray,
        expire: Long, now: Long, userbuf: ByteArray?, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeUsersigVerify") internal external fun nativeUsersigVerify(sdkappid: Long, key: ByteArray?, handle: Long,
        identifier: ByteArray, usersig: ByteArray, now: Long, leeway: Int, numbers: LongArray, identifierOut: ByteArray, userbufOut: ByteArray): Int
    @JvmStatic @JvmName("nativeUsersigInspect") internal external fun nativeUsersigInspect(usersig: ByteArray, numbers: LongArray,
        identifierOut: ByteArray, userbufOut: ByteArray): Int
    @JvmStatic @JvmName("nativePrivmapGen") internal external fun nativePrivmapGen(sdkappid: Long, key: ByteArray?, handle: Long, identifier: ByteArray,
        expire: Long, now: Long, roomId: Long, roomStr: ByteArray?, privileges: Int, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativePrivmapParse") internal external fun nativePrivmapParse(userbuf: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmName("nativeTrtcRestUrl") internal external fun nativeTrtcRestUrl(host: ByteArray, service: ByteArray, command: ByteArray, sdkappid: Long,
        identifier: ByteArray, usersig: ByteArray, random: Int, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeTrtcResponseParse") internal external fun nativeTrtcResponseParse(body: ByteArray, fields: LongArray): Int
    @JvmStatic @JvmName("nativeTrtcResponseField") internal external fun nativeTrtcResponseField(body: ByteArray, name: ByteArray, span: LongArray): Int
    @JvmStatic @JvmName("nativeTrtcErrorStr") internal external fun nativeTrtcErrorStr(code: Long): String
    @JvmStatic @JvmName("nativeTrtcErrorCategory") internal external fun nativeTrtcErrorCategory(code: Long): Int
    @JvmStatic @JvmName("nativeTrtcErrorRetry") internal external fun nativeTrtcErrorRetry(code: Long): Int
    @JvmStatic @JvmName("nativeTrtcCallbackSignLen") internal external fun nativeTrtcCallbackSignLen(): Int
    @JvmStatic @JvmName("nativeTrtcCallbackKeyCheck") internal external fun nativeTrtcCallbackKeyCheck(key: ByteArray): Int
    @JvmStatic @JvmName("nativeTrtcCallbackSign") internal external fun nativeTrtcCallbackSign(key: ByteArray?, handle: Long, body: ByteArray, out: ByteArray): Int
    @JvmStatic @JvmName("nativeTrtcCallbackVerify") internal external fun nativeTrtcCallbackVerify(key: ByteArray?, handle: Long, body: ByteArray, sign: ByteArray): Int
    @JvmStatic @JvmName("nativeTrtcCallbackVerifyRing") internal external fun nativeTrtcCallbackVerifyRing(keys: ByteArray, lens: IntArray, body: ByteArray, sign: ByteArray,
        matched: IntArray): Int
    @JvmStatic @JvmName("nativeTrtcCallbackVerifyRingKeyed") internal external fun nativeTrtcCallbackVerifyRingKeyed(handles: LongArray, body: ByteArray,
        sign: ByteArray, matched: IntArray): Int
    @JvmStatic @JvmName("nativeTrtcCallbackCheckTime") internal external fun nativeTrtcCallbackCheckTime(body: ByteArray, now: Long, maxAge: Int, ts: LongArray): Int
    @JvmStatic @JvmName("nativeHuaweiSignLen") internal external fun nativeHuaweiSignLen(): Int
    @JvmStatic @JvmName("nativeHuaweiSign") internal external fun nativeHuaweiSign(key: ByteArray?, handle: Long, event: ByteArray, domain: ByteArray,
        app: ByteArray, stream: ByteArray, authTimestamp: Long, out: ByteArray): Int
    @JvmStatic @JvmName("nativeHuaweiCallbackVerify") internal external fun nativeHuaweiCallbackVerify(key: ByteArray?, handle: Long, body: ByteArray,
        now: Long, leeway: Int, fields: LongArray): Int
    @JvmStatic @JvmName("nativeHuaweiEventId") internal external fun nativeHuaweiEventId(body: ByteArray, fields: LongArray, out: ByteArray?,
        outLen: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiReplayId") internal external fun nativeHuaweiReplayId(body: ByteArray, fields: LongArray, out: ByteArray?,
        outLen: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiStreamApply") internal external fun nativeHuaweiStreamApply(state: LongArray, event: Int, publishTime: Long,
        publishTimeValid: Int, verdict: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiRecordMd5Len") internal external fun nativeHuaweiRecordMd5Len(): Int
    @JvmStatic @JvmName("nativeHuaweiRecordSign") internal external fun nativeHuaweiRecordSign(key: ByteArray?, handle: Long, authTimestamp: Long,
        text: ByteArray, lens: IntArray, out: ByteArray): Int
    @JvmStatic @JvmName("nativeHuaweiRecordVerify") internal external fun nativeHuaweiRecordVerify(key: ByteArray?, handle: Long, authTimestamp: Long,
        text: ByteArray, lens: IntArray, sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmName("nativeHuaweiRecordMd5Sign") internal external fun nativeHuaweiRecordMd5Sign(key: ByteArray, authTimestamp: Long, out: ByteArray): Int
    @JvmStatic @JvmName("nativeHuaweiRecordMd5Verify") internal external fun nativeHuaweiRecordMd5Verify(key: ByteArray, authTimestamp: Long,
        sign: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmName("nativeHuaweiSparkrtcSign") internal external fun nativeHuaweiSparkrtcSign(key: ByteArray?, handle: Long, rand: ByteArray,
        timestamp: ByteArray, body: ByteArray, out: ByteArray): Int
    @JvmStatic @JvmName("nativeHuaweiSparkrtcVerify") internal external fun nativeHuaweiSparkrtcVerify(key: ByteArray?, handle: Long, rand: ByteArray,
        timestamp: ByteArray, body: ByteArray, signature: ByteArray, unit: Int, now: Long, leeway: Int): Int
    @JvmStatic @JvmName("nativeHuaweiUrlABuild") internal external fun nativeHuaweiUrlABuild(key: ByteArray, uri: ByteArray, timestamp: Long,
        timeFormat: Int, rand: ByteArray, uid: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlAVerify") internal external fun nativeHuaweiUrlAVerify(keys: ByteArray, lens: IntArray, url: ByteArray,
        timeFormat: Int, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlBBuild") internal external fun nativeHuaweiUrlBBuild(key: ByteArray, stream: ByteArray, txTime: Long,
        out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlBVerify") internal external fun nativeHuaweiUrlBVerify(keys: ByteArray, lens: IntArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlDBuild") internal external fun nativeHuaweiUrlDBuild(key: ByteArray?, handle: Long, stream: ByteArray,
        hwTime: Long, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlDVerify") internal external fun nativeHuaweiUrlDVerify(keys: ByteArray, lens: IntArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmName("nativeHuaweiUrlDVerifyKeyed") internal external fun nativeHuaweiUrlDVerifyKeyed(handles: LongArray, stream: ByteArray,
        url: ByteArray, now: Long, duration: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmName("nativeAlibabaSignLen") internal external fun nativeAlibabaSignLen(): Int
    @JvmStatic @JvmName("nativeAlibabaUrlABuild") internal external fun nativeAlibabaUrlABuild(key: ByteArray, uri: ByteArray, timestamp: Long,
        rand: ByteArray, uid: ByteArray, out: ByteArray?, outLen: IntArray): Int
    @JvmStatic @JvmName("nativeAlibabaUrlAVerify") internal external fun nativeAlibabaUrlAVerify(keys: ByteArray, lens: IntArray, url: ByteArray,
        now: Long, validity: Int, leeway: Int, matched: IntArray): Int
    @JvmStatic @JvmName("nativeAlibabaCallbackSign") internal external fun nativeAlibabaCallbackSign(key: ByteArray, domain: ByteArray, timestamp: Long,
        out: ByteArray): Int
    @JvmStatic @JvmName("nativeAlibabaCallbackVerify") internal external fun nativeAlibabaCallbackVerify(key: ByteArray, domain: ByteArray,
        timestamp: ByteArray, signature: ByteArray, now: Long, leeway: Int): Int
    @JvmStatic @JvmName("nativeHmacKeyNew") internal external fun nativeHmacKeyNew(key: ByteArray, status: IntArray): Long
    @JvmStatic @JvmName("nativeHmacKeyFree") internal external fun nativeHmacKeyFree(handle: Long)
}
