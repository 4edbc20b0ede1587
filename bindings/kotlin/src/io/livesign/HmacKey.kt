package io.livesign

import java.util.concurrent.atomic.AtomicInteger

/**
 * An HMAC-SHA256 key loaded once (precomputed states, held in native memory so it can be
 * wiped) for the keyed operations. Close it (or use `use { }`) to wipe and free it when you are
 * done: a key that is never closed is wiped and freed only when the garbage collector finalizes
 * it, which may be late or, at exit, never.
 *
 * Thread-safe: any number of threads may use the key at once; [close] waits until the calls in
 * flight have finished (the native memory is never freed under a running call), and a call
 * after [close] throws [LiveSignException.InvalidArgument].
 *
 * The raw key is only read while loading: a `ByteArray` you pass stays yours and is not
 * changed (wipe it yourself once the key is loaded). A `String` is immutable and cannot be
 * wiped; the UTF-8 copy of it the wrapper makes is zeroed once loaded.
 */
class HmacKey private constructor(key: ByteArray, wipeKey: Boolean) : java.io.Closeable {
    private val handle: Long
    private val inFlight = AtomicInteger(0)
    @Volatile private var closed = false

    init {
        val status = IntArray(1)
        handle = try { LiveSign.nativeHmacKeyNew(key, status) } finally { if (wipeKey) key.fill(0) }
        LiveSignException.check(status[0])
        loaded.incrementAndGet()
    }

    /** Loads [key]; throws [LiveSignException.InvalidKey] for an empty one. [key] is not wiped. */
    constructor(key: ByteArray) : this(key, false)

    /**
     * Loads the UTF-8 bytes of [key] (their copy is zeroed once loaded); throws
     * [LiveSignException.InvalidKey] for an empty key, [LiveSignException.InvalidArgument] for
     * one with an unpaired surrogate.
     */
    constructor(key: String) : this(key.secretBytes(), true)

    /** Whether the key is still loaded. */
    val isOpen: Boolean get() = !closed

    /**
     * Runs [block] with the native handle, which stays valid until [block] returns; 0 once
     * closed (the native calls refuse it). Never blocks: only [close] waits, so holding several
     * keys at once cannot deadlock. @JvmSynthetic: hidden from Java source, which would get
     * the raw handle (to free it, or use it after [close]).
     */
    @JvmSynthetic
    internal fun <T> locked(block: (Long) -> T): T {
        // Count in, then look: close() flags, then waits for the count to drain, so either it
        // sees this call or this call sees the flag (both are sequentially consistent).
        inFlight.incrementAndGet()
        try {
            return block(if (closed) 0L else handle)
        } finally {
            inFlight.decrementAndGet()
        }
    }

    override fun close() {
        synchronized(this) {
            if (closed) return
            closed = true
            while (inFlight.get() != 0) Thread.yield()
            // 0 when the constructor threw: the finalizer still runs on such an object.
            if (handle != 0L) {
                LiveSign.nativeHmacKeyFree(handle)
                loaded.decrementAndGet()
            }
        }
    }

    /**
     * Wipes a key that was dropped without [close]. Safe even while a call that started before
     * the key became unreachable is still running: [close] waits for it (the call counted
     * itself in before it read the handle).
     */
    protected fun finalize() {
        close()
    }

    internal companion object {
        /** How many native keys are loaded and not yet freed (observed by the tests). */
        val loaded = AtomicInteger(0)

        /** Runs [block] with the handles of all [keys], each held as [locked] holds one (hidden from Java as it is). */
        @JvmSynthetic
        fun <T> lockedAll(keys: List<HmacKey>, block: (LongArray) -> T): T {
            val handles = LongArray(keys.size)
            fun from(i: Int): T = if (i == keys.size) block(handles) else keys[i].locked { handles[i] = it; from(i + 1) }
            return from(0)
        }
    }
}
