package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import io.livesign.Tencent.Api as A
import io.livesign.Tencent.Callback as C
import io.livesign.Tencent.Url as U

private const val KEY = "5d41402abc4b2a76b9719d911017c592"
private const val T = 1471850187L

class TencentSignTest {
    // Every sign vector of tests/vectors/tencent_sign.json (the empty-key one is checked below);
    // t = 2^64 - 1 is the Long -1.
    private val vectors = listOf(
        Triple("5d41402abc4b2a76b9719d911017c592", 1471850187L, "b17971b51ba0fe5916ddcd96692e9fb3"),
        Triple("5d41402abc4b2a76b9719d911017c592", 1626839220L, "5ee8ca6c28cbe415b40352969cdf8249"),
        Triple("4283fefc63f0cd0e873a0000c6d07ef7", 2484771968L, "ed3c52361743656e1cfefa13ad9ab198"),
        Triple("77e90d3593ad699fc1f7cd5bb2e35cbf", 1127023494L, "fee9129d8cf00ce8560e2fa98d006273"),
        Triple("f19c557067cbbe80c46d1fb6dfbdb0ae", 3576358404L, "960c5bab2bbd2f0307f787e93ec786a5"),
        Triple("0755281220e087835b92558589eaff30", 2340050970L, "ff7b5550feda3ff5094905ac874310a4"),
        Triple("cad68386d070c415ed7e70cad1946192", 1328333753L, "ccba3e62b8a1b9259affa508132f68e2"),
        Triple("995d84016e51c6b36d6f3c9f0ac9056a", 3419529160L, "27aabcff09e39afa71c705c3969630c5"),
        Triple("4ad683cbf721245568a8baa397f43a1d", 1314363339L, "e2c1ba258ad57bf705381ad2ad575ad9"),
        Triple("c44a3c2728b93e8319002d3167d53e57", 1682662547L, "93a7c0bc824c898e4000c4205433cfa6"),
        Triple("k", 1L, "b637b17af08aced8850c18cccde915da"),
        Triple("x".repeat(100), -1L, "6414e512970668d04e8b26e09d2147f0")
    )

    @Test fun signVectors() {
        for ((k, t, sign) in vectors) {
            if (t < 0) {
                // t = 2^64 - 1: verified with the Long's bits, but never signed from a negative Long.
                assertStatus<LiveSignException.InvalidArgument> { Tencent.sign(k, t) }
            } else {
                assertEquals(sign, Tencent.sign(k, t))
            }
            Tencent.verify(k, t, sign, now = t)
        }
        val (k, t, sign) = vectors[0]
        assertStatus<LiveSignException.Expired> { Tencent.verify(k, t, sign, now = t + 1) }
    }

    @Test fun seedExamples() {
        assertEquals(32, Tencent.SIGN_LEN)
        assertEquals("b17971b51ba0fe5916ddcd96692e9fb3", Tencent.sign(KEY, T))
        assertEquals("5ee8ca6c28cbe415b40352969cdf8249", Tencent.sign(KEY, 1626839220L))
    }

    @Test fun verify() {
        Tencent.verify(KEY, T, "b17971b51ba0fe5916ddcd96692e9fb3", now = T - 60)
        assertStatus<LiveSignException.SignatureMismatch> {
            Tencent.verify(KEY, T, "b17971b51ba0fe5916ddcd96692e9fb4", now = T + 99)
        }
        assertStatus<LiveSignException.Expired> {
            Tencent.verify(KEY, T, "b17971b51ba0fe5916ddcd96692e9fb3", now = T + 61, leewaySeconds = 60)
        }
        assertStatus<LiveSignException.Malformed> { Tencent.verify(KEY, T, "xyz", now = T) }
        assertStatus<LiveSignException.InvalidKey> { Tencent.sign("", T) }
        // Default clock; t = 2^63 - 1 does not expire. A negative t is refused (-1 would be a
        // sign valid for ever).
        val far = Tencent.sign(KEY, Long.MAX_VALUE)
        Tencent.verify(KEY, Long.MAX_VALUE, far)
        assertStatus<LiveSignException.InvalidArgument> { Tencent.sign(KEY, -1L) }
        assertStatus<LiveSignException.InvalidArgument> { Tencent.sign(KEY, Long.MIN_VALUE) }
    }
}

class TencentCallbackTest {
    // tests/vectors/tx_url.json, callback_sign: (callback key, t, sign).
    private val vectors = listOf(
        Triple("callbackKey123", 1703732078L, "3751b0bc2a028ea73beb2b7b167d2e04"),
        Triple("e12c46f2612d5106e2034781ab261ca3", 1700000600L, "755fc3793eeb6b29071b0f9ea178fcb8"))
    private val types = listOf(0L, 1L, 100L, 200L, 317L, 332L, 12345L)

    private fun body(type: Long, t: Long, sign: String) =
        ("""{"app":"push.example.com","appname":"live","stream_id":"room_42","channel_id":"room_42","event_type":$type,""" +
            """"t":$t,"sign":"$sign","node":"100.121.160.92","record_event":{"k":[1,2]}}""").toByteArray()

    @Test fun everyVectorInEveryEventType() {
        for ((key, t, sign) in vectors) {
            assertEquals(sign, Tencent.sign(key, t))
            for (type in types) {
                val b = body(type, t, sign)
                val e = C.verify(key, b, now = t)
                assertEquals(Tencent.Callback.Event(type, t, "room_42", "room_42", "push.example.com", "live"), e)
                C.verify(key, b, now = t - 600)
                C.verify(key, b, now = t + 3, leewaySeconds = 3)
                assertStatus<LiveSignException.Expired> { C.verify(key, b, now = t + 1) }
                assertStatus<LiveSignException.SignatureMismatch> { C.verify("wrong", b, now = t + 99) }
                assertStatus<LiveSignException.Malformed> { C.verify(key, b.copyOf(b.size - 1), now = t) }
                assertStatus<LiveSignException.InvalidKey> { C.verify("", b, now = t) }
            }
            // No event_type, t as a string: absent fields are null.
            val bare = C.verify(key, """{"t":"$t","sign":"$sign"}""".toByteArray(), now = t)
            assertEquals(Tencent.Callback.Event(-1, t, null, null, null, null), bare)
            assertEquals(Tencent.Callback.EventType.NONE, bare.type)
            assertStatus<LiveSignException.SignatureMismatch> {
                C.verify(key, """{"t":${t + 1},"sign":"$sign"}""".toByteArray(), now = t)
            }
        }
    }

    @Test fun eventTypes() {
        val names = types.map { C.EventType.of(it) }
        assertEquals(listOf(C.EventType.STREAM_END, C.EventType.STREAM_BEGIN, C.EventType.RECORD_FILE, C.EventType.SNAPSHOT,
            C.EventType.PORN_DETECTION, C.EventType.RECORD_STATUS, C.EventType.OTHER), names)
        assertEquals(C.EventType.OTHER, C.EventType.of(-2))
    }

    @Test fun escapesAndFields() {
        val b = ("""{"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","stream_id":"a\"b\u00e9","appname":"",""" +
            """"output":{"x":[1]},"n":-2.5}""").toByteArray()
        val e = C.verify("callbackKey123", b, now = 1703732078)
        assertEquals("a\"b\u00e9", e.streamId)
        assertEquals("", e.appname)
        assertNull(e.app)
        assertEquals("""{"x":[1]}""", C.field(b, "output"))
        assertEquals("-2.5", C.field(b, "n"))
        assertEquals("\"a\\\"b\\u00e9\"", C.field(b, "stream_id"))
        assertNull(C.field(b, "absent"))
        assertStatus<LiveSignException.Malformed> { C.field("""{"a":1,"a":2}""".toByteArray(), "a") }
        assertStatus<LiveSignException.Malformed> { C.verify("k", """{"t":1,"sign":"x","t":1}""".toByteArray(), now = 0) }
        // Default clock: t = 2^64 - 1 (the tencent_sign.json vector), read back as the Long -1.
        val far = """{"t":18446744073709551615,"sign":"6414e512970668d04e8b26e09d2147f0"}""".toByteArray()
        assertEquals(-1L, C.verify("x".repeat(100), far).t)
    }
}

class TencentUrlTest {
    private class V(val key: String, val stream: String, val expiry: Long, val txTime: String, val secret: String, val url: String)

    // tests/vectors/tx_url.json, url_auth.
    private val vectors = listOf(
        V("e12c46f2612d5106e2034781ab261ca3", "test", 1546064025, "5C271099", "f85a2ab363fe4deaffef9754d79da6fe",
            "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"),
        V("a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1700003600, "6553ff10", "ba6d0c18cf0473267061c1b25584113a",
            "https://play.example.com/live/1400000000_anchor01.flv?txSecret=ba6d0c18cf0473267061c1b25584113a&txTime=6553ff10"),
        V("a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1700003600, "6553FF10", "9b29c9eb8c198370fe20ce847625da32",
            "rtmp://push.example.com/live/1400000000_anchor01?txSecret=9b29c9eb8c198370fe20ce847625da32&txTime=6553FF10"),
        V("backupKey2024", "room_42", 1735689600, "1735689600", "7f591de95b717ef469e88ea132dc8c1e",
            "rtmp://push.example.com/live/room_42?txSecret=7f591de95b717ef469e88ea132dc8c1e&txTime=1735689600"))

    @Test fun vectors() {
        assertEquals(32, U.TX_SECRET_LEN)
        for (v in vectors) {
            assertEquals(v.secret, U.secret(v.key, v.stream, v.txTime))
            assertEquals(Tencent.Url.Info("live", v.stream, v.txTime, v.expiry, v.expiry, 1),
                U.verify(listOf("old-primary", v.key), v.url, now = v.expiry))
            assertEquals(0, U.verify(listOf(v.key), v.url.substring(v.url.indexOf("/live/")), now = v.expiry).keyIndex)
            assertStatus<LiveSignException.Expired> { U.verify(listOf("old-primary", v.key), v.url, now = v.expiry + 1) }
            assertEquals(v.expiry + 30, U.verify(listOf(v.key), v.url, validForSeconds = 30, now = v.expiry + 30).validUntil)
            U.verify(listOf(v.key), v.url, now = v.expiry + 5, leewaySeconds = 5)
            assertStatus<LiveSignException.SignatureMismatch> { U.verify(listOf("old-primary"), v.url, now = v.expiry + 99) }
            // In its own txTime form the URL verifies the same; in the other single form it is malformed.
            val decimal = v.txTime.length == 10
            val own = if (decimal) U.TxTimeForm.DECIMAL else U.TxTimeForm.HEX
            val other = if (decimal) U.TxTimeForm.HEX else U.TxTimeForm.DECIMAL
            assertEquals(U.verify(listOf("old-primary", v.key), v.url, now = v.expiry),
                U.verify(listOf("old-primary", v.key), v.url, own, now = v.expiry))
            assertEquals(v.txTime, U.verify(listOf(v.key), v.url, U.TxTimeForm.HEX_OR_DECIMAL, now = v.expiry).txTime)
            assertStatus<LiveSignException.Malformed> { U.verify(listOf(v.key), v.url, other, now = v.expiry) }
            assertStatus<LiveSignException.Expired> { U.verify(listOf(v.key), v.url, own, now = v.expiry + 1) }
        }
        // The builder writes uppercase hex txTime: vectors 0 and 2 (RTMP).
        assertEquals(vectors[0].url, U.build(U.Kind.RTMP, "livepush.tcloud.com", "live", "test", vectors[0].key, 1546064025))
        assertEquals(vectors[2].url, U.build(U.Kind.RTMP, "push.example.com", "live", "1400000000_anchor01", vectors[2].key, 1700003600))
        assertEquals(vectors[0].url.length, U.buildLength(U.Kind.RTMP, "livepush.tcloud.com", "live", "test", 1546064025))
    }

    @Test fun everyKindRoundTrips() {
        val prefixes = listOf("rtmp://", "webrtc://", "https://", "https://")
        for ((kind, prefix) in U.Kind.values().zip(prefixes)) {
            val url = U.build(kind, "play.example.com", "live", "s_1", "k", U.MAX_EXPIRY)
            assertTrue(url, url.startsWith(prefix))
            assertEquals(url.length, U.buildLength(kind, "play.example.com", "live", "s_1", U.MAX_EXPIRY))
            // Default clock: MAX_EXPIRY is in year 2106.
            val info = U.verify(listOf("k"), url)
            assertEquals(Tencent.Url.Info("live", "s_1", "FFFFFFFF", U.MAX_EXPIRY, U.MAX_EXPIRY, 0), info)
        }
        assertTrue(U.build(U.Kind.FLV, "h", "live", "s", "k", U.MIN_EXPIRY).endsWith(
            "/live/s.flv?txSecret=${U.secret("k", "s", "10000000")}&txTime=10000000"))
        assertTrue(U.build(U.Kind.HLS, "h", "live", "s", "k", 1546064025).contains("/live/s.m3u8?"))
    }

    @Test fun errors() {
        assertEquals(0, U.buildLength(U.Kind.RTMP, "h", "a", "s", U.MAX_EXPIRY + 1))
        assertStatus<LiveSignException.InvalidArgument> { U.build(U.Kind.RTMP, "h", "live", "s.flv", "k", 1546064025) }
        assertStatus<LiveSignException.InvalidArgument> { U.build(U.Kind.RTMP, "h", "live", "s", "k", U.MAX_EXPIRY + 1) }
        assertStatus<LiveSignException.InvalidArgument> { U.build(U.Kind.RTMP, "h", "live", "s", "k", -1) }
        assertStatus<LiveSignException.InvalidKey> { U.build(U.Kind.RTMP, "h", "live", "s", "", 1546064025) }
        // txTime has exactly 8 hex digits: a shorter one would be a re-cut of another stream's URL
        // (room1a + 6553FF10 as room1a6 + 553FF10, 1972), which a window of decades would reach.
        assertEquals(0x10000000L, U.MIN_EXPIRY)
        assertEquals(0, U.buildLength(U.Kind.RTMP, "h", "a", "s", U.MIN_EXPIRY - 1))
        assertStatus<LiveSignException.InvalidArgument> { U.build(U.Kind.RTMP, "h", "live", "s", "k", U.MIN_EXPIRY - 1) }
        assertStatus<LiveSignException.InvalidArgument> { U.build(U.Kind.RTMP, "h", "live", "s", "k", 1) }
        assertStatus<LiveSignException.Malformed> { U.secret("k", "room1a6", "553FF10") }
        val recut = "/live/room1a6?txSecret=${U.secret("k", "room1a", "6553FF10")}&txTime=553FF10"
        assertStatus<LiveSignException.Malformed> {
            U.verify(listOf("k"), recut, validForSeconds = Int.MAX_VALUE, now = 1700000000, leewaySeconds = Int.MAX_VALUE)
        }
        assertStatus<LiveSignException.Malformed> {
            U.verify(listOf("k"), recut, U.TxTimeForm.HEX, validForSeconds = Int.MAX_VALUE, now = 1700000000,
                leewaySeconds = Int.MAX_VALUE)
        }
        assertStatus<LiveSignException.Malformed> { U.verify(listOf("k"), "rtmp://h/live/s?txTime=1") }
        assertStatus<LiveSignException.Malformed> { U.verify(listOf("k"), "rtmp://h/s?txSecret=x&txTime=1") }
        assertStatus<LiveSignException.InvalidKey> { U.verify(listOf(""), "rtmp://h/live/s?txTime=1") }
        assertStatus<LiveSignException.InvalidArgument> { U.verify(listOf(), "rtmp://h/live/s") }
        assertStatus<LiveSignException.InvalidArgument> { U.verify((1..9).map { "k$it" }, "rtmp://h/live/s") }
        assertStatus<LiveSignException.Malformed> { U.secret("k", "s", "xyz") }
        assertStatus<LiveSignException.InvalidKey> { U.secret("", "s", "5C271099") }
    }
}

class TencentApiTest {
    private val want = "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_SetStatus&t=1471850187" +
        "&sign=b17971b51ba0fe5916ddcd96692e9fb3&Param.s.channel_id=8888_test123&Param.n.status=0"

    @Test fun build() {
        val params = listOf(A.Param("channel_id", "8888_test123"), A.Param.number("status", 0))
        assertEquals(want, A.build(A.Command.LIVE_CHANNEL_SET_STATUS, 1234, KEY, T, params))
        assertEquals(want, A.build(A.Command.LIVE_CHANNEL_SET_STATUS, 1234, KEY, T,
            listOf(A.Param.string("channel_id", "8888_test123"), A.Param("status", "0", A.ParamKind.NUMBER))))
        assertEquals("http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_GetLiveChannelList" +
            "&t=1471850187&sign=b17971b51ba0fe5916ddcd96692e9fb3", A.build(A.Command.LIVE_CHANNEL_GET_LIVE_CHANNEL_LIST, 1234, KEY, T))
        assertTrue(A.build(A.Command.GET_LIVE_STAT, 7, KEY, T, base = "http://proxy/common_access")
            .startsWith("http://proxy/common_access?cmd=7&interface=Get_LiveStat&t=1471850187&sign="))
        assertTrue(A.build(A.Command.LIVE_TAPE_START, 1, KEY, T, listOf(A.Param("a b", "x&y=é"), A.Param("e", "")))
            .endsWith("&Param.s.a%20b=x%26y%3D%C3%A9&Param.s.e="))
        assertEquals(A.MAX_PARAMS, 32)
        A.build(A.Command.GET_LIVE_STAT, 1, KEY, 1, List(A.MAX_PARAMS) { A.Param.number("n", 1) })
    }

    @Test fun buildErrors() {
        assertStatus<LiveSignException.InvalidArgument> {
            A.build(A.Command.LIVE_CHANNEL_SET_STATUS, 1, KEY, 1, listOf(A.Param.number("status", "x")))
        }
        assertStatus<LiveSignException.InvalidArgument> { A.build(A.Command.LIVE_CHANNEL_SET_STATUS, 1, KEY, 1, listOf(A.Param("", "x"))) }
        assertStatus<LiveSignException.InvalidArgument> { A.build(A.Command.GET_LIVE_STAT, 1, KEY, 1, base = "fcgi.video.qcloud.com") }
        assertStatus<LiveSignException.InvalidArgument> {
            A.build(A.Command.GET_LIVE_STAT, 1, KEY, 1, List(A.MAX_PARAMS + 1) { A.Param.number("n", 1) })
        }
        assertStatus<LiveSignException.InvalidKey> { A.build(A.Command.GET_LIVE_STAT, 1, "", 1) }
    }

    @Test fun commands() {
        assertEquals(15, A.Command.values().size)
        for (c in A.Command.values()) {
            assertEquals(c, A.Command.fromName(c.interfaceName))
            val stat = c.interfaceName.startsWith("Get_")
            assertEquals(if (stat) "http://statcgi.video.qcloud.com/common_access" else "http://fcgi.video.qcloud.com/common_access",
                c.defaultBase)
        }
        assertEquals("Live_Tape_Stop", A.Command.LIVE_TAPE_STOP.interfaceName)
        assertEquals("Mix_StreamV2", A.Command.MIX_STREAM_V2.interfaceName)
        assertNull(A.Command.fromName("Live_Tape_Nope"))
        assertNull(A.Command.fromName("live_tape_stop"))
        assertNull(LiveSign.nativeTencentApiCommandName(0))
        assertNull(LiveSign.nativeTencentApiDefaultBase(16))
    }

    @Test fun responses() {
        val body = """{"ret":1202,"message":"rate\/limit","output":[{"a":1}]}"""
        val r = A.readResponse(body)
        assertEquals(A.Response(1202, null, null, "rate/limit"), r)
        assertEquals(1202L, r.code)
        assertEquals("""[{"a":1}]""", A.field(body, "output"))
        assertNull(A.field(body, "absent"))
        assertEquals(A.Response(null, -1, "", null), A.readResponse("""{"retcode":-1,"errmsg":""}"""))
        // Two codes that disagree: the one that is not 0 (never read as success).
        assertEquals(20601L, A.readResponse("""{"ret":0,"retcode":20601}""").code)
        assertEquals(1001L, A.readResponse("""{"ret":1001,"retcode":1202}""").code)
        assertEquals(0L, A.readResponse("""{"ret":0,"retcode":0}""").code)
        assertStatus<LiveSignException.Malformed> { A.readResponse("""{"ret":0,"ret":1}""") }
        assertStatus<LiveSignException.Malformed> { A.readResponse("{}") }
        assertStatus<LiveSignException.Malformed> { A.readResponse("""{"ret":"0"}""") }
    }
}

class TencentErrorsTest {
    @Test fun catalog() {
        for (code in listOf(0L, 1000, 1001, 1201, 1202, 1204, 1301, 10003, 20601)) {
            val e = Tencent.errorByCode(code)
            assertNotNull(e)
            assertEquals(code, e!!.code)
            assertEquals(Tencent.ErrorSource.CODE, e.source)
            assertTrue(e.meaning.isNotEmpty())
        }
        for (m in listOf("appid is invalid", "cmd is invalid", "sign invalid", "time expired")) {
            val e = Tencent.errorByMessage(m)!!
            assertEquals(Tencent.ErrorSource.MESSAGE, e.source)
            assertEquals(m, e.message)
        }
        val forbidden = Tencent.errorByHttpStatus(403)!!
        assertEquals(Tencent.ErrorInfo(Tencent.ErrorSource.HTTP, Tencent.ErrorCategory.AUTH, Tencent.Retry.NEVER, 403, "Forbidden",
            forbidden.meaning), forbidden)
        assertEquals(Tencent.ErrorCategory.INVALID_REQUEST, Tencent.errorByHttpStatus(404)!!.category)
        val rate = Tencent.errorByCode(1202)!!
        assertEquals(Pair(Tencent.ErrorCategory.RATE_LIMIT, Tencent.Retry.BACKOFF), Pair(rate.category, rate.retry))
        assertEquals(Tencent.ErrorCategory.SUCCESS, Tencent.errorByCode(0)!!.category)
        assertEquals(Tencent.ErrorCategory.NO_DATA, Tencent.errorByCode(10003)!!.category)
        assertEquals(Tencent.ErrorCategory.NOT_ACTIVATED, Tencent.errorByCode(1000)!!.category)
        val never = Tencent.errorByCode(20601)!!
        assertEquals(Triple(Tencent.ErrorCategory.STREAM_STATE, Tencent.Retry.LATER, ""), Triple(never.category, never.retry, never.message))
        assertEquals(Tencent.Retry.RESIGN, Tencent.errorByMessage(LiveSignException.of(4).message!!)!!.retry)
        val server = Tencent.errorByMessage(" Internel/System Error ")!!
        assertEquals(Pair(1201L, Tencent.ErrorCategory.SERVER), Pair(server.code, server.category))
        assertNull(Tencent.errorByCode(42))
        assertNull(Tencent.errorByHttpStatus(500))
        assertNull(Tencent.errorByMessage("nope"))
        assertNull(Tencent.errorByMessage(""))
    }
}
