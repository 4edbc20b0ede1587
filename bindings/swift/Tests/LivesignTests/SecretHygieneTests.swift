import Foundation
import XCTest

@testable import Livesign

/// The copies of texts (keys among them) the wrapper makes are zeroed after use; the caller's
/// `Data` is left alone.
final class SecretHygieneTests: XCTestCase {
    func testWipeZeroesInPlace() {
        var bytes = Array("0123456789abcdef0123456789abcdef".utf8)
        wipe(&bytes)
        XCTAssertEqual(bytes, [UInt8](repeating: 0, count: 32))
        var empty: [UInt8] = []
        wipe(&empty)
        XCTAssertEqual(empty, [])
    }

    func testCopiesAreTheUTF8BytesSideBySide() {
        XCTAssertEqual(utf8Copy(["ab", "\u{e9}", "", "\u{1F600}"]), Array("ab\u{e9}\u{1F600}".utf8))
        XCTAssertEqual(utf8Copy([]), [])
        withBytes("k\u{e9}y") { p, n in
            XCTAssertEqual(Array(UnsafeBufferPointer(start: p, count: n)), [0x6B, 0xC3, 0xA9, 0x79])
        }
        withSlices(["ab", "", "\u{e9}"]) { slices in
            XCTAssertEqual(slices.map(\.len), [2, 0, 2])
            XCTAssertNil(slices[1].ptr)
            XCTAssertEqual(Array(UnsafeBufferPointer(start: slices[2].ptr, count: 2)), [0xC3, 0xA9])
        }
    }

    func testHmacKeyLeavesTheCallersData() throws {
        let raw = Data("0123456789abcdef0123456789abcdef".utf8)
        let copy = Data(raw)
        let key = try HmacKey(key: raw)
        XCTAssertEqual(raw, copy)
        let body = Data("{}".utf8)
        XCTAssertEqual(try Livesign.Trtc.Callback.sign(key: key, body: body),
                       try Livesign.Trtc.Callback.sign(key: "0123456789abcdef0123456789abcdef", body: body))
        XCTAssertEqual(try Livesign.Trtc.Callback.sign(key: HmacKey(key: "0123456789abcdef0123456789abcdef"), body: body),
                       try Livesign.Trtc.Callback.sign(key: key, body: body))
    }
}
