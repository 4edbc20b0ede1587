package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * The second counts of the Kotlin API (`leewaySeconds`, `validForSeconds`, `validitySeconds`,
 * `durationSeconds`, `maxAgeSeconds`) are `Int`s over C `uint32_t`s: a negative one is
 * [LiveSignException.InvalidArgument], never reinterpreted as about 4.29e9 s (136 years of
 * leeway, which would accept every expired token).
 */
class NegativeSecondsTest {
    private val key = "5d41402abc4b2a76b9719d911017c592"
    private val urlKey = "0123456789abcdef0123456789ABCDEF"  // letters and digits, 32 bytes
    private val notifyKey = "0123456789abcdefghijklmnopqrstuvWXYZ"

    @Test fun tencent() {
        val sign = Tencent.sign(key, 1000)
        assertStatus<LiveSignException.Expired> { Tencent.verify(key, 1000, sign, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> { Tencent.verify(key, 1000, sign, now = 5000, leewaySeconds = -1) }
        val body = "{\"t\":1000,\"sign\":\"$sign\"}".toByteArray()
        assertStatus<LiveSignException.Expired> { Tencent.Callback.verify(key, body, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> { Tencent.Callback.verify(key, body, now = 5000, leewaySeconds = -1) }
        // A txTime has 8 hex digits: the expiry is one.
        val url = Tencent.Url.build(Tencent.Url.Kind.RTMP, "push.example.com", "live", "room_42", key, 1700000000)
        assertStatus<LiveSignException.Expired> { Tencent.Url.verify(listOf(key), url, now = 1700004000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Tencent.Url.verify(listOf(key), url, validForSeconds = -1, now = 1700004000)
        }
        assertStatus<LiveSignException.InvalidArgument> {
            Tencent.Url.verify(listOf(key), url, now = 1700004000, leewaySeconds = -1)
        }
    }

    /**
     * The default `now`: a system clock set before 1970 is refused, not handed on as a negative
     * `Long` (whose bits a verifier reads as about 1.8e19: every genuine credential "expired").
     */
    @Test fun clockBefore1970() {
        assertEquals(0L, LiveSign.unixSeconds(0L))
        assertEquals(1L, LiveSign.unixSeconds(1999L))
        assertEquals(1700000000L, LiveSign.unixSeconds(1700000000_000L))
        assertStatus<LiveSignException.InvalidArgument> { LiveSign.unixSeconds(-1L) }
        assertStatus<LiveSignException.InvalidArgument> { LiveSign.unixSeconds(-999L) }
        assertStatus<LiveSignException.InvalidArgument> { LiveSign.unixSeconds(Long.MIN_VALUE) }
        assertTrue(LiveSign.unixNow() > 1700000000L)
    }

    /** Times written into other credentials: a negative one is refused too. */
    @Test fun credentialTimes() {
        assertStatus<LiveSignException.InvalidArgument> { Tencent.sign(key, -1L) }
        assertStatus<LiveSignException.InvalidArgument> { Tencent.Api.build(Tencent.Api.Command.GET_LIVE_STAT, 1L, key, -1L) }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.UrlA.build(key, "/app/s", -1L, "0") }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.Callback.sign(key, "d", -1L) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.UrlA.build(urlKey, "/a", -1L, Huawei.TimeFormat.DECIMAL, "r") }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.Record.md5Sign(notifyKey, -1L) }
        val fields = Huawei.Record.Fields(-1L, "RECORD_NEW_FILE_START", "d", "a", "s", "", "")
        assertStatus<LiveSignException.InvalidArgument> { Huawei.Record.sign(notifyKey, fields) }
        HmacKey(notifyKey).use { k -> assertStatus<LiveSignException.InvalidArgument> { Huawei.Record.sign(k, fields) } }
    }

    @Test fun trtc() {
        // A UserSig's lifetime and issue time are Longs: negative is refused, never a token
        // valid for 2^64 - 1 seconds.
        assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.generate(1400000000L, key, "alice", -1L, now = 1000) }
        assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.generate(1400000000L, key, "alice", 60L, now = -1) }
        HmacKey(key).use { k ->
            assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.generate(1400000000L, k, "alice", Long.MIN_VALUE, now = 1000) }
        }
        assertEquals(0, Trtc.UserSig.length(1400000000L, "alice", -1L, 1000))
        assertEquals(0, Trtc.UserSig.length(1400000000L, "alice", 60L, -1))
        assertStatus<LiveSignException.InvalidArgument> {
            Trtc.PrivateMapKey.generate(1400000000L, key, "alice", -1L, 42L, setOf(Trtc.PrivateMapKey.Privilege.ENTER), now = 1000)
        }
        val sig = Trtc.UserSig.generate(1400000000L, key, "alice", 60L, now = 1000)
        assertStatus<LiveSignException.Expired> { Trtc.UserSig.verify(1400000000L, key, "alice", sig, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Trtc.UserSig.verify(1400000000L, key, "alice", sig, now = 5000, leewaySeconds = -1)
        }
        HmacKey(key).use { k ->
            assertStatus<LiveSignException.InvalidArgument> {
                Trtc.UserSig.verify(1400000000L, k, "alice", sig, now = 5000, leewaySeconds = -1)
            }
        }
        val body = "{\"CallbackTs\":1000000}".toByteArray()
        assertStatus<LiveSignException.Expired> { Trtc.Callback.checkTime(body, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> { Trtc.Callback.checkTime(body, now = 5000, maxAgeSeconds = -1) }
    }

    @Test fun huawei() {
        // Notification, recording (HMACSHA256), method B and D times are full width (10 decimal
        // digits, 8 hex): a shorter one is refused before the leeway is read.
        val sign = Huawei.sign(notifyKey, "PUBLISH", "d", "a", "s", 1700000000)
        val body = ("{\"domain\":\"d\",\"app\":\"a\",\"stream\":\"s\",\"event\":\"PUBLISH\",\"auth_timestamp\":1700000000," +
            "\"auth_sign\":\"$sign\"}").toByteArray()
        assertStatus<LiveSignException.Expired> { Huawei.verify(notifyKey, body, now = 1700004000) }
        assertStatus<LiveSignException.InvalidArgument> { Huawei.verify(notifyKey, body, now = 1700004000, leewaySeconds = -1) }
        val md5 = Huawei.Record.md5Sign(notifyKey, 1000)
        assertStatus<LiveSignException.Expired> { Huawei.Record.md5Verify(notifyKey, 1000, md5, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.Record.md5Verify(notifyKey, 1000, md5, now = 5000, leewaySeconds = -1)
        }
        val fields = Huawei.Record.Fields(1700000000, "RECORD_NEW_FILE_START", "d", "a", "s", "", "")
        val recordSign = Huawei.Record.sign(notifyKey, fields)
        assertStatus<LiveSignException.Expired> { Huawei.Record.verify(notifyKey, fields, recordSign, now = 1700004000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.Record.verify(notifyKey, fields, recordSign, now = 1700004000, leewaySeconds = -1)
        }
        // A SparkRTC timestamp has 10 digits (seconds) or 13 (milliseconds).
        val spark = Huawei.SparkRtc.sign(notifyKey, "r", "1700000000", body)
        assertStatus<LiveSignException.Expired> {
            Huawei.SparkRtc.verify(notifyKey, "r", "1700000000", body, spark, now = 1700004000)
        }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.SparkRtc.verify(notifyKey, "r", "1700000000", body, spark, now = 1700004000, leewaySeconds = -1)
        }
        val a = "/live/s.flv?" + Huawei.UrlA.build(urlKey, "/live/s.flv", 1000, Huawei.TimeFormat.DECIMAL, "r")
        assertStatus<LiveSignException.Expired> { Huawei.UrlA.verify(listOf(urlKey), a, Huawei.TimeFormat.DECIMAL, 60, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.UrlA.verify(listOf(urlKey), a, Huawei.TimeFormat.DECIMAL, 60, now = 5000, leewaySeconds = -1)
        }
        val b = "/live/s.flv?" + Huawei.UrlB.build(urlKey, "s", 1700000000)
        assertStatus<LiveSignException.Expired> { Huawei.UrlB.verify(listOf(urlKey), "s", b, 60, now = 1700004000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.UrlB.verify(listOf(urlKey), "s", b, 60, now = 1700004000, leewaySeconds = -1)
        }
        val d = "/live/s.flv?" + Huawei.UrlD.build(urlKey, "s", 1700000000)
        assertStatus<LiveSignException.Expired> { Huawei.UrlD.verify(listOf(urlKey), "s", d, 60, now = 1700004000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Huawei.UrlD.verify(listOf(urlKey), "s", d, 60, now = 1700004000, leewaySeconds = -1)
        }
        HmacKey(urlKey).use { k ->
            assertStatus<LiveSignException.InvalidArgument> {
                Huawei.UrlD.verify(listOf(k), "s", d, 60, now = 1700004000, leewaySeconds = -1)
            }
        }
    }

    @Test fun alibaba() {
        val url = "/live/s.flv?" + Alibaba.UrlA.build(key, "/live/s.flv", 1000)
        assertStatus<LiveSignException.Expired> { Alibaba.UrlA.verify(listOf(key), url, 60, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.UrlA.verify(listOf(key), url, -1, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.UrlA.verify(listOf(key), url, 60, now = 5000, leewaySeconds = -1) }
        val sign = Alibaba.Callback.sign(key, "example.com", 1000)
        assertStatus<LiveSignException.Expired> { Alibaba.Callback.verify(key, "example.com", "1000", sign, now = 5000) }
        assertStatus<LiveSignException.InvalidArgument> {
            Alibaba.Callback.verify(key, "example.com", "1000", sign, now = 5000, leewaySeconds = -1)
        }
    }
}
