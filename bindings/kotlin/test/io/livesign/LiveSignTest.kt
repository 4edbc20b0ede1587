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
        fail("expected ${E::class.java.simpleName}, got ${e.cName}")
    }
    fail("expected ${E::class.java.simpleName}, got success")
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

    @Test fun limits() {
        val l = LiveSign.limits
        assertEquals(listOf(1048576L, 16777216L, 8192L, 256L, 1024L),
            listOf(l.maxBodyLen, l.maxResponseLen, l.maxUrlLen, l.maxIdLen, l.maxKeyLen))
        // One byte over a limit is refused before anything is read; at the limit it is parsed.
        val key = "5d41402abc4b2a76b9719d911017c592"
        assertStatus<LiveSignException.InvalidArgument> {
            Tencent.Callback.verify(key, ByteArray(l.maxBodyLen.toInt() + 1) { 0x20 })
        }
        assertStatus<LiveSignException.Malformed> { Tencent.Callback.verify(key, ByteArray(l.maxBodyLen.toInt()) { 0x20 }) }
        assertStatus<LiveSignException.InvalidKey> { Tencent.sign("k".repeat(l.maxKeyLen.toInt() + 1), 1) }
    }

    @Test fun hmacKeyLifecycle() {
        assertStatus<LiveSignException.InvalidKey> { HmacKey("") }
        val k = HmacKey("0123456789abcdef0123456789abcdef")
        assertTrue(k.isOpen)
        k.close()
        assertFalse(k.isOpen)
        k.close() // idempotent
    }

    /** Collects until no native key is loaded (every test closes its keys; leaked ones are finalized). */
    private fun collectUntilNoKeyIsLoaded(): Int {
        val deadline = System.nanoTime() + 20_000_000_000L
        while (HmacKey.loaded.get() != 0 && System.nanoTime() < deadline) {
            System.gc()
            System.runFinalization()
            Thread.sleep(5)
        }
        return HmacKey.loaded.get()
    }

    /** Loads [n] keys and drops them unclosed (in its own frame, so that none stays reachable). */
    private fun loadKeysAndDropThem(n: Int): Int {
        val keys = List(n) { HmacKey("0123456789abcdef0123456789abcdef") }
        assertTrue(keys.all { it.isOpen })
        return HmacKey.loaded.get()
    }

    @Test fun unclosedKeysAreWipedAndFreedWhenCollected() {
        assertEquals(0, collectUntilNoKeyIsLoaded())
        // Constructors that throw leave nothing loaded, and finalizing them frees nothing.
        repeat(8) { assertStatus<LiveSignException.InvalidKey> { HmacKey("") } }
        assertEquals(64, loadKeysAndDropThem(64))
        assertEquals(0, collectUntilNoKeyIsLoaded())
    }

    @Test fun hmacKeyCloseWaitsForCallsInFlight() {
        // close() must not wipe and free the native key under a running call: it waits.
        val k = HmacKey("0123456789abcdef0123456789abcdef")
        val inside = java.util.concurrent.CountDownLatch(1)
        val release = java.util.concurrent.CountDownLatch(1)
        val call = Thread { k.locked { h -> assertTrue(h != 0L); inside.countDown(); release.await() } }
        call.start()
        inside.await()
        val closer = Thread { k.close() }
        closer.start()
        closer.join(200)
        assertTrue("close() returned while a call was using the key", closer.isAlive)
        assertFalse(k.isOpen)
        release.countDown()
        call.join()
        closer.join()
        // Calls after close() see no handle, and the native side refuses it.
        assertEquals(0L, k.locked { it })
        assertStatus<LiveSignException.InvalidArgument> { Trtc.Callback.sign(k, ByteArray(1)) }
    }

    @Test fun jsonUnescape() {
        assertEquals("a\"b\u00e9\n", LiveSign.jsonUnescape("a\\\"b\\u00e9\\n"))
        assertEquals("\ud83d\ude00", LiveSign.jsonUnescape("\\ud83d\\ude00"))
        assertEquals("", LiveSign.jsonUnescape(""))
        assertEquals("plain", LiveSign.jsonUnescape("plain"))
        assertStatus<LiveSignException.Malformed> { LiveSign.jsonUnescape("\\x") }
        assertStatus<LiveSignException.Malformed> { LiveSign.jsonUnescape("a\"b") }
        assertStatus<LiveSignException.Malformed> { LiveSign.jsonUnescape("\\ud83d") }
    }
}
