package io.livesign

import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/** The copies of keys the wrapper makes are zeroed after use; the caller's arrays are left alone. */
class SecretHygieneTest {
    private fun zeroed(bytes: ByteArray?) = bytes != null && bytes.isNotEmpty() && bytes.all { it == 0.toByte() }

    @Test fun secretBytesAreTheUtf8Bytes() {
        // Every UTF-16 unit that is not a surrogate, and pairs at the ends of the supplementary planes.
        val text = StringBuilder()
        for (c in 0 until 0x10000) if (!Character.isSurrogate(c.toChar())) text.append(c.toChar())
        for (cp in intArrayOf(0x10000, 0x1F600, 0xFFFFF, 0x100000, 0x10FFFF)) text.appendCodePoint(cp)
        val s = text.toString()
        assertArrayEquals(s.toByteArray(Charsets.UTF_8), s.secretBytes())
        assertEquals(s.toByteArray(Charsets.UTF_8).size, s.utf8Length())
        assertArrayEquals(s.toByteArray(Charsets.UTF_8), s.utf8())
        assertEquals(0, "".secretBytes().size)
    }

    @Test fun secretUtf8ZeroesItsCopy() {
        var seen: ByteArray? = null
        val result = "k\u00e9y\uD83D\uDE00".secretUtf8 {
            assertArrayEquals("k\u00e9y\uD83D\uDE00".toByteArray(Charsets.UTF_8), it)
            seen = it
            7
        }
        assertEquals(7, result)
        assertTrue(zeroed(seen))
        // Also when the call throws.
        seen = null
        assertStatus<LiveSignException.Malformed> { "secret".secretUtf8 { seen = it; throw LiveSignException.Malformed() } }
        assertTrue(zeroed(seen))
        // An unpaired surrogate is refused before anything runs.
        assertStatus<LiveSignException.InvalidArgument> { "k\uD800".secretUtf8 { fail("ran") } }
    }

    @Test fun ringZeroesItsBytes() {
        var seen: ByteArray? = null
        val result = LiveSign.withRing(listOf("ab", "\u00e9", "")) { joined, lens ->
            assertArrayEquals(byteArrayOf(0x61, 0x62, 0xC3.toByte(), 0xA9.toByte()), joined)
            assertArrayEquals(intArrayOf(2, 2, 0), lens)
            seen = joined
            "done"
        }
        assertEquals("done", result)
        assertTrue(zeroed(seen))
        seen = null
        assertStatus<LiveSignException.SignatureMismatch> {
            LiveSign.withRing(listOf("key")) { joined, _ -> seen = joined; throw LiveSignException.SignatureMismatch() }
        }
        assertTrue(zeroed(seen))
        // Every key is checked before anything runs, the bad one wherever it is.
        assertStatus<LiveSignException.InvalidArgument> { LiveSign.withRing(listOf("a", "\uDC00b")) { _, _ -> fail("ran") } }
        // The ring still verifies (the bytes are wiped only after the native call).
        val key = "5d41402abc4b2a76b9719d911017c592"
        val sign = Trtc.Callback.sign(key, "{}".toByteArray())
        assertEquals(1, Trtc.Callback.verifyRing(listOf("other", key), "{}".toByteArray(), sign))
    }

    @Test fun hmacKeyLeavesTheCallersArray() {
        val raw = "0123456789abcdef0123456789abcdef".toByteArray()
        val copy = raw.copyOf()
        HmacKey(raw).use { k -> assertEquals(Trtc.Callback.sign(String(copy), "{}".toByteArray()), Trtc.Callback.sign(k, "{}".toByteArray())) }
        assertArrayEquals(copy, raw)
    }

    /**
     * The JNI entry points and the raw handle of an [HmacKey] are synthetic: Java source cannot
     * call them (to free a handle twice, or use one after close).
     */
    @Test fun handlesAndEntryPointsAreHiddenFromJava() {
        val natives = LiveSign::class.java.declaredMethods.filter { java.lang.reflect.Modifier.isNative(it.modifiers) }
        assertTrue(natives.size >= 70)
        assertEquals(emptyList<String>(), natives.filter { !it.isSynthetic }.map { it.name })
        val locked = HmacKey::class.java.declaredMethods.filter { it.name.startsWith("locked") }
        assertFalse(locked.isEmpty())
        assertTrue(locked.all { it.isSynthetic })
        val lockedAll = HmacKey.Companion::class.java.declaredMethods.filter { it.name.startsWith("lockedAll") }
        assertFalse(lockedAll.isEmpty())
        assertTrue(lockedAll.all { it.isSynthetic })
    }
}
