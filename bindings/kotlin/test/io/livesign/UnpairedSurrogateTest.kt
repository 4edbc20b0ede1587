package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test

/**
 * A Kotlin `String` can hold an unpaired surrogate, which has no UTF-8 form. `toByteArray()`
 * silently writes `?` for it, so "alice\uD800" would reach livesign as "alice?": a UserSig
 * issued to the user "alice?" would verify for "alice\uD800", and a key or signed field would
 * be a different one than the caller passed. The wrapper refuses such a string instead, as the
 * C API refuses invalid UTF-8 text: [LiveSignException.InvalidArgument].
 */
class UnpairedSurrogateTest {
    private val key = "5d41402abc4b2a76b9719d911017c592"
    private val notifyKey = "0123456789abcdefghijklmnopqrstuvWXYZ"

    @Test fun identityIsNotConfusedWithQuestionMark() {
        val sig = Trtc.UserSig.generate(1400000000L, key, "alice?", 60L, now = 1000)
        Trtc.UserSig.verify(1400000000L, key, "alice?", sig, now = 1000)
        assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.verify(1400000000L, key, "alice\uD800", sig, now = 1000) }
        HmacKey(key).use { k ->
            assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.verify(1400000000L, k, "alice\uDC00", sig, now = 1000) }
            assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.generate(1400000000L, k, "alice\uD800", 60L, now = 1000) }
        }
        assertStatus<LiveSignException.InvalidArgument> { Trtc.UserSig.generate(1400000000L, key, "alice\uD800", 60L, now = 1000) }
    }

    @Test fun everyTextInputIsChecked() {
        val lone = "\uD800"
        val calls: List<() -> Any?> = listOf(
            { HmacKey("k$lone") },
            { Tencent.sign("k$lone", 1) },
            { Tencent.verify(key, 1, "x$lone", now = 0) },
            { Tencent.Callback.field("{}".toByteArray(), "t$lone") },
            { Tencent.Url.build(Tencent.Url.Kind.RTMP, "d", "live", "s$lone", key, 1546064025) },
            { Tencent.Url.verify(listOf(key, "k$lone"), "/live/s?txSecret=0&txTime=1") },
            { Tencent.Api.build(Tencent.Api.Command.GET_LIVE_STAT, 1, key, 1, listOf(Tencent.Api.Param("n", "v$lone"))) },
            { Trtc.Callback.verifyRing(listOf("k$lone"), ByteArray(1), "x") },
            { Huawei.Record.sign(notifyKey, Huawei.Record.Fields(1700000000, "E", "d", "a", "s$lone")) },
            { Alibaba.Callback.sign(key, "example.com$lone", 1000) },
            { LiveSign.jsonUnescape("a$lone") },
            // Low surrogate before high: two unpaired ones, not a pair.
            { Tencent.sign("k\uDE00\uD83D", 1) }
        )
        calls.forEachIndexed { i, call ->
            val e = try { call(); null } catch (e: LiveSignException) { e }
            assertEquals("call $i", "LIVESIGN_INVALID_ARGUMENT", e?.cName)
        }
    }

    @Test fun lookupsFindNothing() {
        // Lookups answer null for a name that is not text, as for any other unknown name.
        assertNull(Tencent.Api.Command.fromName("Live_Channel_GetStatus\uD800"))
        assertNull(Tencent.errorByMessage("sign invalid\uD800"))
        assertEquals(Tencent.Api.Command.LIVE_CHANNEL_GET_STATUS, Tencent.Api.Command.fromName("Live_Channel_GetStatus"))
    }

    @Test fun surrogatePairsAreText() {
        val id = "alice\uD83D\uDE00"  // U+1F600: four UTF-8 bytes
        val sig = Trtc.UserSig.generate(1400000000L, key, id, 60L, now = 1000)
        assertEquals(id, Trtc.UserSig.verify(1400000000L, key, id, sig, now = 1000).identifier)
        assertEquals(Tencent.sign("\uD83D\uDE00", 1), Tencent.sign(String(Character.toChars(0x1F600)), 1))
    }
}
