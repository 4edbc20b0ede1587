package io.livesign

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

inline fun <reified E : LiveSignException> assertStatus(block: () -> Unit): E {
    try {
        block()
    } catch (e: LiveSignException) {
        if (e is E) return e
        fail("expected ${E::class.simpleName}, got ${e.cName}")
    }
    fail("expected ${E::class.simpleName}, got success")
    throw AssertionError()
}

class CommonTest {
    @Test fun versionAndAbi() {
        assertEquals(1, LiveSign.abiVersion)
        assertTrue(LiveSign.version.matches(Regex("""\d+\.\d+\.\d+""")))
    }

    @Test fun everyStatusMapsToItsClassAndMessage() {
        val names = (1..7).map { LiveSignException.of(it).cName } + LiveSignException.of(255).cName
        assertEquals(
            listOf("LIVESIGN_INVALID_ARGUMENT", "LIVESIGN_BUFFER_TOO_SMALL", "LIVESIGN_SIGNATURE_MISMATCH",
                "LIVESIGN_EXPIRED", "LIVESIGN_MALFORMED", "LIVESIGN_INVALID_KEY", "LIVESIGN_IDENTITY_MISMATCH",
                "LIVESIGN_INTERNAL"),
            names)
        assertEquals("sign invalid", LiveSignException.of(3).message)
        assertEquals("time expired", LiveSignException.of(4).message)
        assertEquals("unknown status", LiveSignException.of(99).message)
    }

    @Test fun hmacKeyLifecycle() {
        assertStatus<LiveSignException.InvalidKey> { HmacKey("") }
        val k = HmacKey("0123456789abcdef0123456789abcdef")
        assertTrue(k.isOpen)
        k.close()
        assertFalse(k.isOpen)
        k.close() // idempotent
    }
}

class TencentTest {
    private val key = "5d41402abc4b2a76b9719d911017c592"
    private val t = 1471850187L

    @Test fun seedExamples() {
        assertEquals("b17971b51ba0fe5916ddcd96692e9fb3", LiveSign.tencentSign(key, t))
        assertEquals("5ee8ca6c28cbe415b40352969cdf8249", LiveSign.tencentSign(key, 1626839220L))
    }

    @Test fun verify() {
        LiveSign.tencentVerify(key, t, "b17971b51ba0fe5916ddcd96692e9fb3", now = t - 60)
        assertStatus<LiveSignException.SignatureMismatch> {
            LiveSign.tencentVerify(key, t, "b17971b51ba0fe5916ddcd96692e9fb4", now = t + 99)
        }
        assertStatus<LiveSignException.Expired> {
            LiveSign.tencentVerify(key, t, "b17971b51ba0fe5916ddcd96692e9fb3", now = t + 61, leewaySeconds = 60)
        }
        assertStatus<LiveSignException.Malformed> { LiveSign.tencentVerify(key, t, "xyz", now = t) }
        assertStatus<LiveSignException.InvalidKey> { LiveSign.tencentSign("", t) }
        // Default clock; t = 2^64 - 1 (all bits set) never expires.
        val far = LiveSign.tencentSign(key, -1L)
        LiveSign.tencentVerify(key, -1L, far)
    }
}
