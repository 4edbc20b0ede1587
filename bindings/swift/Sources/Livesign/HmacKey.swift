import CLivesign
import Foundation

/// An HMAC-SHA256 key loaded once (precomputed states) for the keyed operations; wiped when
/// the object is released.
public final class HmacKey {
    var context = livesign_hmac_key()

    /// Loads `key`; throws `.invalidKey` for an empty key.
    public init(key: Data) throws {
        let status = withBytes(key) { livesign_hmac_key_init(&context, $0, $1) }
        try LivesignError.check(status)
    }

    public convenience init(key: String) throws {
        try self.init(key: Data(key.utf8))
    }

    deinit { livesign_hmac_key_wipe(&context) }
}
