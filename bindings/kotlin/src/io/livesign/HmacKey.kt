package io.livesign

/**
 * An HMAC-SHA256 key loaded once (precomputed states, held in native memory so it can be
 * wiped) for the keyed operations. Close it (or use `use { }`) to wipe and free it.
 */
class HmacKey(key: ByteArray) : java.io.Closeable {
    internal var handle: Long
        private set

    init {
        val status = IntArray(1)
        handle = LiveSign.nativeHmacKeyNew(key, status)
        LiveSignException.check(status[0])
    }

    constructor(key: String) : this(key.toByteArray())

    /** Whether the key is still loaded. */
    val isOpen: Boolean get() = handle != 0L

    override fun close() {
        val h = handle
        handle = 0
        LiveSign.nativeHmacKeyFree(h)
    }
}
