package io.livesign

/**
 * A failed livesign call: one subclass per C status, carrying its number ([status]), its C
 * name ([cName]) and livesign's message ("sign invalid", "time expired", ...).
 */
sealed class LiveSignException(val status: Int, val cName: String) : Exception(LiveSign.statusMessage(status)) {
    class InvalidArgument : LiveSignException(1, "LIVESIGN_INVALID_ARGUMENT")
    class BufferTooSmall : LiveSignException(2, "LIVESIGN_BUFFER_TOO_SMALL")
    class SignatureMismatch : LiveSignException(3, "LIVESIGN_SIGNATURE_MISMATCH")
    class Expired : LiveSignException(4, "LIVESIGN_EXPIRED")
    class Malformed : LiveSignException(5, "LIVESIGN_MALFORMED")
    class InvalidKey : LiveSignException(6, "LIVESIGN_INVALID_KEY")
    class IdentityMismatch : LiveSignException(7, "LIVESIGN_IDENTITY_MISMATCH")
    /** A bug in livesign (a caught panic), or a status this wrapper does not know. */
    class Internal(status: Int = 255) : LiveSignException(status, "LIVESIGN_INTERNAL")

    companion object {
        /** LIVESIGN_OK: the status of success, never thrown. */
        const val OK = 0
        internal const val BUFFER_TOO_SMALL = 2

        /** The exception for a non-zero status. */
        @JvmStatic
        fun of(status: Int): LiveSignException = when (status) {
            1 -> InvalidArgument()
            2 -> BufferTooSmall()
            3 -> SignatureMismatch()
            4 -> Expired()
            5 -> Malformed()
            6 -> InvalidKey()
            7 -> IdentityMismatch()
            else -> Internal(status)
        }

        internal fun check(status: Int) {
            if (status != OK) throw of(status)
        }
    }
}
