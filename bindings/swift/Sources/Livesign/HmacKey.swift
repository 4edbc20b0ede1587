import CLivesign
import Foundation

/// An HMAC-SHA256 key loaded once (precomputed states) for the keyed operations; wiped when
/// the object is released. Share one between tasks and threads freely.
///
/// The raw key is only read while loading: `Data` you pass stays yours and is not changed (wipe
/// it yourself once the key is loaded). A `String` is immutable and cannot be wiped; the UTF-8
/// copy of it the wrapper makes is zeroed once loaded.
// @unchecked: the context is written only in init and deinit; the C calls take it as a
// `const` pointer and never write it, so concurrent use is read-only.
public final class HmacKey: @unchecked Sendable {
    /// The loaded context, at one fixed address for the object's life: the C calls read it in
    /// place, so Swift never makes a temporary copy of the key states that nobody wipes.
    let context: UnsafeMutablePointer<livesign_hmac_key>

    /// Loads `key`; throws `.invalidKey` for an empty key. `key` is not wiped.
    public init(key: Data) throws {
        context = try withBytes(key) { try HmacKey.load($0, $1) }
    }

    /// Loads the UTF-8 bytes of `key` (their copy is zeroed once loaded); throws `.invalidKey`
    /// for an empty key.
    public init(key: String) throws {
        context = try withBytes(key) { try HmacKey.load($0, $1) }
    }

    private static func load(_ key: UnsafePointer<UInt8>?, _ length: Int) throws -> UnsafeMutablePointer<livesign_hmac_key> {
        let ctx = UnsafeMutablePointer<livesign_hmac_key>.allocate(capacity: 1)
        ctx.initialize(to: livesign_hmac_key())
        let status = livesign_hmac_key_init(ctx, key, length)
        do {
            try LivesignError.check(status)
        } catch {
            // Thrown before `context` is set, so deinit does not run: free here.
            HmacKey.release(ctx)
            throw error
        }
        return ctx
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
