import CLivesign
import Foundation

/// livesign: signing and verification for live-streaming clouds. Every call that can fail
/// throws `LivesignError`; times default to the system clock (`Date()`).
public enum Livesign {
    /// The library version ("MAJOR.MINOR.PATCH").
    public static var version: String { String(cString: livesign_version()) }

    /// The ABI version of the linked library.
    public static var abiVersion: UInt32 { livesign_abi_version() }

    /// The ABI version this wrapper was compiled against.
    public static let headerAbiVersion = UInt32(LIVESIGN_ABI_VERSION)

    static func unixTime(_ date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970
        return seconds <= 0 ? 0 : UInt64(seconds)
    }
}

/// Calls `body` with a pointer and length for `data` (a valid pointer even when empty is not
/// needed: livesign takes NULL with length 0 as empty input).
@inline(__always)
func withBytes<R>(_ data: Data, _ body: (UnsafePointer<UInt8>?, Int) throws -> R) rethrows -> R {
    try data.withUnsafeBytes { raw in
        try body(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
    }
}

@inline(__always)
func withBytes<R>(_ text: String, _ body: (UnsafePointer<UInt8>?, Int) throws -> R) rethrows -> R {
    try withBytes(Data(text.utf8), body)
}

/// Runs a C call that writes exactly `count` bytes and returns them as text.
func fixedText(count: Int, _ call: (UnsafeMutablePointer<UInt8>) -> UInt32) throws -> String {
    var out = [UInt8](repeating: 0, count: count)
    try LivesignError.check(out.withUnsafeMutableBufferPointer { call($0.baseAddress!) })
    return String(decoding: out, as: UTF8.self)
}
