import CLivesign
import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// livesign: signing and verification for live-streaming clouds. Every call that can fail
/// throws `LivesignError`; times default to the system clock (`Date()`), and a `Date` before
/// 1970, infinite or NaN (no Unix seconds) is `.invalidArgument`.
public enum Livesign {
    /// The library version ("MAJOR.MINOR.PATCH").
    public static var version: String { String(cString: livesign_version()) }

    /// The ABI version of the linked library.
    public static var abiVersion: UInt32 { livesign_abi_version() }

    /// The ABI version this wrapper was compiled against.
    public static let headerAbiVersion = UInt32(LIVESIGN_ABI_VERSION)

    /// The input limits (`LIVESIGN_MAX_*`) of the linked library. A longer input throws
    /// `.invalidArgument` and a longer key `.invalidKey`, before anything is parsed or hashed;
    /// UserSig tokens and userbufs keep their own bounds (`Trtc.UserSig.maxLength`).
    public enum Limits {
        /// A signed callback or notification body (1 MiB).
        public static var maxBodyLength: Int { livesign_max_body_len() }
        /// A response body read for its fields (16 MiB).
        public static var maxResponseLength: Int { livesign_max_response_len() }
        /// A URL or URL path (8 KiB).
        public static var maxURLLength: Int { livesign_max_url_len() }
        /// A name: stream, app, domain, field, identifier (256 bytes).
        public static var maxIDLength: Int { livesign_max_id_len() }
        /// A raw key (1 KiB).
        public static var maxKeyLength: Int { livesign_max_key_len() }
    }

    /// The text of a JSON string as livesign hands it back raw (the bytes between the quotes,
    /// e.g. a `Tencent.Callback.field` value without its quotes): escapes such as `\n`, `\"`
    /// and `\u00e9` become characters. Throws `.malformed` when `raw` is not the inside of a
    /// valid JSON string.
    public static func jsonUnescape(_ raw: String) throws -> String {
        try withBytes(raw) { p, n in try unescapedText(livesign_slice(ptr: p, len: n)) ?? "" }
    }

    /// Whole Unix seconds of a date, rounded down (the second it falls in), saturating at
    /// `UInt64.max` for a far but finite one. Throws `.invalidArgument` for a date that has
    /// none: NaN, infinite, or before 1970 (the C API's `uint64_t` seconds have no sign). Read as
    /// 1970, such a `now` would accept every expired signature and move two-sided windows; read
    /// as `UInt64.max`, +infinity would pass for an instant.
    static func unixTime(_ date: Date) throws -> UInt64 {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= 0 else { throw LivesignError.invalidArgument }
        if seconds >= 18_446_744_073_709_551_616.0 { return .max }
        return UInt64(seconds)
    }

    static func date(_ unixSeconds: UInt64) -> Date { Date(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}

/// Calls `body` with a pointer and length for `data` (a valid pointer even when empty is not
/// needed: livesign takes NULL with length 0 as empty input).
@inline(__always)
func withBytes<R>(_ data: Data, _ body: (UnsafePointer<UInt8>?, Int) throws -> R) rethrows -> R {
    try data.withUnsafeBytes { raw in
        try body(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
    }
}

/// Calls `body` with a pointer and length for the UTF-8 bytes of `text` (keys among them): a
/// copy the wrapper makes and zeroes when `body` returns or throws. The caller's `String` is
/// immutable: it cannot be wiped.
@inline(__always)
func withBytes<R>(_ text: String, _ body: (UnsafePointer<UInt8>?, Int) throws -> R) rethrows -> R {
    var bytes = utf8Copy([text])
    defer { wipe(&bytes) }
    return try bytes.withUnsafeBufferPointer { try body($0.baseAddress, $0.count) }
}

/// The UTF-8 bytes of `texts` side by side, in one array allocated once at its final size: an
/// array that grew would hand its earlier buffers, bytes and all, back to the allocator unwiped.
func utf8Copy(_ texts: [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
    for text in texts { bytes.append(contentsOf: text.utf8) }
    return bytes
}

/// Zeroes `bytes` in place through a call the optimizer cannot drop as a dead store
/// (`memset_s` on Apple platforms, `explicit_bzero` elsewhere), although the array is released
/// right after.
func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { raw in
        guard let p = raw.baseAddress, raw.count > 0 else { return }
        #if canImport(Darwin)
        _ = memset_s(p, raw.count, 0, raw.count)
        #else
        explicit_bzero(p, raw.count)
        #endif
    }
}

/// Runs a C call that writes exactly `count` bytes and returns them as text.
func fixedText(count: Int, _ call: (UnsafeMutablePointer<UInt8>) -> UInt32) throws -> String {
    var out = [UInt8](repeating: 0, count: count)
    try LivesignError.check(out.withUnsafeMutableBufferPointer { call($0.baseAddress!) })
    return String(decoding: out, as: UTF8.self)
}

/// Runs a `(out, out_cap, out_len)` C call twice (a size query, then the write) and returns the
/// bytes as text.
func variableText(_ call: (UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>) -> UInt32) throws -> String {
    var needed = 0
    let first = call(nil, 0, &needed)
    if first != LIVESIGN_BUFFER_TOO_SMALL.rawValue {
        try LivesignError.check(first)
        return ""
    }
    var out = [UInt8](repeating: 0, count: needed)
    var written = 0
    try LivesignError.check(out.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &written) })
    return String(decoding: out[..<written], as: UTF8.self)
}

/// Runs a `(out, out_cap, out_len)` C call once into a buffer of `max` bytes (a `..._MAX_LEN`
/// that always fits) and returns the bytes as text.
func boundedText(max: Int, _ call: (UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>) -> UInt32) throws -> String {
    var out = [UInt8](repeating: 0, count: max)
    var written = 0
    try LivesignError.check(out.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &written) })
    return String(decoding: out[..<written], as: UTF8.self)
}

/// The text a `livesign_slice` views (it points into an input the caller still holds pinned).
func text(_ s: livesign_slice) -> String {
    guard let p = s.ptr, s.len > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: p, count: s.len), as: UTF8.self)
}

/// The text a `livesign_slice` views, exactly: `.malformed` for bytes that are not UTF-8, which
/// `String(decoding:)` would replace with U+FFFD (two different byte strings, one text). For
/// fields livesign does not check as UTF-8.
func exactText(_ s: livesign_slice) throws -> String {
    guard let p = s.ptr, s.len > 0 else { return "" }
    let bytes = UnsafeBufferPointer(start: p, count: s.len)
    // The standard library's strict decoder (`String(validating:)` needs iOS 18 / macOS 15).
    var decoder = UTF8()
    var input = bytes.makeIterator()
    while true {
        switch decoder.decode(&input) {
        case .scalarValue: continue
        case .emptyInput: return String(decoding: bytes, as: UTF8.self)
        case .error: throw LivesignError.malformed
        }
    }
}

/// The text a `livesign_slice` views, or nil when it is absent (NULL).
func optionalText(_ s: livesign_slice) -> String? {
    s.ptr == nil ? nil : text(s)
}

/// The JSON-unescaped text of a raw string that a `livesign_slice` views; nil when absent.
func unescapedText(_ s: livesign_slice) throws -> String? {
    guard s.ptr != nil else { return nil }
    // The text is never longer than its source: one call with a buffer of that size fits.
    var out = [UInt8](repeating: 0, count: s.len)
    var written = 0
    try LivesignError.check(out.withUnsafeMutableBufferPointer {
        livesign_json_unescape(s.ptr, s.len, $0.baseAddress, $0.count, &written)
    })
    return String(decoding: out[..<written], as: UTF8.self)
}

/// Calls `body` with a C array of `livesign_slice`s over `texts` (keys among them), all pinned
/// at once: over one copy of their UTF-8 bytes, zeroed when `body` returns or throws.
func withSlices<R>(_ texts: [String], _ body: (UnsafeBufferPointer<livesign_slice>) throws -> R) rethrows -> R {
    var joined = utf8Copy(texts)
    defer { wipe(&joined) }
    return try joined.withUnsafeBufferPointer { all in
        var slices: [livesign_slice] = []
        slices.reserveCapacity(texts.count)
        var offset = 0
        for text in texts {
            let n = text.utf8.count
            slices.append(livesign_slice(ptr: n == 0 ? nil : all.baseAddress! + offset, len: n))
            offset += n
        }
        return try slices.withUnsafeBufferPointer { try body($0) }
    }
}

/// Calls `body` with a C key ring (`livesign_slice` array) over `keys`, all pinned at once; the
/// copy of the keys' bytes is zeroed afterwards (`withSlices`).
func withKeyRing<R>(_ keys: [String], _ body: (UnsafePointer<livesign_slice>?, Int) throws -> R) rethrows -> R {
    try withSlices(keys) { try body($0.baseAddress, $0.count) }
}
