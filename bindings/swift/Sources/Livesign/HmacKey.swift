import CLivesign
import Foundation

/// An HMAC-SHA256 key loaded once (precomputed states) for the keyed operations; wiped when
/// the object is released. Share one between tasks and threads freely.
// @unchecked: the context is written only in init and deinit; the C calls take it as a
// `const` pointer and never write it, so concurrent use is read-only.
public final class HmacKey: @unchecked Sendable {
    /// The loaded context, at one fixed address for the object's life: the C calls read it in
    /// place, so Swift never makes a temporary copy of the key states that nobody wipes.
    let context: UnsafeMutablePointer<livesign_hmac_key>

    /// Loads `key`; throws `.invalidKey` for an empty key.
    public init(key: Data) throws {
        let ctx = UnsafeMutablePointer<livesign_hmac_key>.allocate(capacity: 1)
        ctx.initialize(to: livesign_hmac_key())
        let status = withBytes(key) { livesign_hmac_key_init(ctx, $0, $1) }
        do {
            try LivesignError.check(status)
        } catch {
            // Thrown before `context` is set, so deinit does not run: free here.
            HmacKey.release(ctx)
            throw error
        }
        context = ctx
    }

    public convenience init(key: String) throws {
        try self.init(key: Data(key.utf8))
    }

    deinit { HmacKey.release(context) }

    private static func release(_ ctx: UnsafeMutablePointer<livesign_hmac_key>) {
        livesign_hmac_key_wipe(ctx)
        ctx.deinitialize(count: 1)
        ctx.deallocate()
    }
}

/// Calls `body` with copies of `keys`' contexts side by side, as the `_keyed` ring verifiers
/// take them; the copies are wiped afterwards.
func withKeyedRing<R>(_ keys: [HmacKey], _ body: (UnsafePointer<livesign_hmac_key>?, Int) throws -> R) rethrows -> R {
    var ring = keys.map { $0.context.pointee }
    defer {
        for i in ring.indices { livesign_hmac_key_wipe(&ring[i]) }
    }
    return try ring.withUnsafeBufferPointer { try body($0.baseAddress, $0.count) }
}
