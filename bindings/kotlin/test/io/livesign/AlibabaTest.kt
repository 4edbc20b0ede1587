package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test

class AlibabaTest {
    @Test fun callbackSignature() {
        assertEquals(32, Alibaba.SIGN_LEN)
        assertEquals(300, Alibaba.DEFAULT_LEEWAY_S)
        // tests/vectors/others.json alibaba.callback.signature.
        val sig = "9e226fc2c250be266e3657e156f68c12"
        val ts = 1519375990L
        assertEquals(sig, Alibaba.Callback.sign("yourkey", "learn.aliyundoc.com", ts))
        Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, now = 1519376000L)
        Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig.toUpperCase(), now = ts + 300)
        // Two-sided window: too old and too far ahead.
        assertStatus<LiveSignException.Expired> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, now = ts + 301) }
        assertStatus<LiveSignException.Expired> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, now = ts - 301) }
        assertStatus<LiveSignException.Expired> {
            Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig, now = ts + 1, leewaySeconds = 0)
        }
        assertStatus<LiveSignException.Expired> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", sig) }
        assertStatus<LiveSignException.SignatureMismatch> { Alibaba.Callback.verify("yourkey", "other.example.com", "1519375990", sig, now = ts) }
        assertStatus<LiveSignException.SignatureMismatch> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375991", sig, now = ts) }
        assertStatus<LiveSignException.Malformed> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "15193759x0", sig, now = ts) }
        assertStatus<LiveSignException.Malformed> { Alibaba.Callback.verify("yourkey", "learn.aliyundoc.com", "1519375990", "9e22", now = ts) }
        assertStatus<LiveSignException.InvalidKey> { Alibaba.Callback.sign("", "learn.aliyundoc.com", 1L) }
    }

    @Test fun urlA() {
        assertEquals(192, Alibaba.UrlA.MAX_LEN)
        // tests/vectors/others.json alibaba.url.a.
        val query = "auth_key=1740562218-0-0-c69186ea43fa225e643bac4f66868cf3"
        val ts = 1740562218L
        assertEquals(query, Alibaba.UrlA.build("alikey12345", "/app/stream", ts))
        assertEquals(query, Alibaba.UrlA.build("alikey12345", "/app/stream", ts, "0", "0"))
        val url = "rtmp://push.example.com/app/stream?$query"
        assertEquals(1, Alibaba.UrlA.verify(listOf("secondary", "alikey12345"), url, 1800, now = ts))
        assertEquals(0, Alibaba.UrlA.verify(listOf("alikey12345"), "/app/stream?$query", 1800, now = ts + 1800))
        assertStatus<LiveSignException.Expired> { Alibaba.UrlA.verify(listOf("alikey12345"), url, 1800, now = ts + 1801) }
        assertEquals(0, Alibaba.UrlA.verify(listOf("alikey12345"), url, 1800, now = ts + 1801, leewaySeconds = 1))
        assertStatus<LiveSignException.SignatureMismatch> { Alibaba.UrlA.verify(listOf("secondary"), url, 1800, now = ts) }
        assertStatus<LiveSignException.Malformed> { Alibaba.UrlA.verify(listOf("alikey12345"), "/app/stream?auth_key=1-0-0", 1800, now = 1L) }
        assertStatus<LiveSignException.InvalidKey> { Alibaba.UrlA.verify(listOf(""), url, 1800, now = 1L) }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.UrlA.verify(List(9) { "k" }, url, 1800, now = 1L) }
        assertStatus<LiveSignException.InvalidArgument> { Alibaba.UrlA.build("alikey12345", "/app/stream", 1L, "a_b") }
        assertStatus<LiveSignException.InvalidKey> { Alibaba.UrlA.build("", "/app/stream", 1L) }
        val q = Alibaba.UrlA.build("alikey12345", "/app/stream", ts, "f00d", "42")
        assertTrue(q.startsWith("auth_key=1740562218-f00d-42-"))
        assertNotEquals(query, q)
        assertEquals(0, Alibaba.UrlA.verify(listOf("alikey12345"), "/app/stream?$q", 60, now = ts))
    }
}
