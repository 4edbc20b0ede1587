import CLivesign
import Foundation

/// A livesign status other than success, thrown by every failing call. The raw value is the
/// C status number; `description` and `errorDescription` (so `localizedDescription`) are
/// livesign's message ("sign invalid", "time expired", ...).
public enum LivesignError: UInt32, Error, LocalizedError, CustomStringConvertible, CaseIterable, Sendable {
    case invalidArgument = 1
    case bufferTooSmall = 2
    case signatureMismatch = 3
    case expired = 4
    case malformed = 5
    case invalidKey = 6
    case identityMismatch = 7
    case `internal` = 255

    /// The C name of the status (`LIVESIGN_SIGNATURE_MISMATCH`, ...).
    public var cName: String {
        switch self {
        case .invalidArgument: return "LIVESIGN_INVALID_ARGUMENT"
        case .bufferTooSmall: return "LIVESIGN_BUFFER_TOO_SMALL"
        case .signatureMismatch: return "LIVESIGN_SIGNATURE_MISMATCH"
        case .expired: return "LIVESIGN_EXPIRED"
        case .malformed: return "LIVESIGN_MALFORMED"
        case .invalidKey: return "LIVESIGN_INVALID_KEY"
        case .identityMismatch: return "LIVESIGN_IDENTITY_MISMATCH"
        case .internal: return "LIVESIGN_INTERNAL"
        }
    }

    public var description: String { String(cString: livesign_status_str(rawValue)) }

    /// livesign's message, as `description` (what `localizedDescription` shows).
    public var errorDescription: String? { description }

    /// Throws for any status but `LIVESIGN_OK`; an unknown number (a newer library) is
    /// reported as `.internal`.
    /// (The C type `livesign_status` is a `uint32_t`; Swift sees both the enum tag and the
    /// typedef under that name, so the wrapper spells it `UInt32`.)
    static func check(_ status: UInt32) throws {
        if status == LIVESIGN_OK.rawValue { return }
        throw LivesignError(rawValue: status) ?? .internal
    }
}
