import Foundation
import XCTest

@testable import Livesign

final class CommonTests: XCTestCase {
    func testVersionAndAbi() {
        XCTAssertEqual(Livesign.abiVersion, Livesign.headerAbiVersion)
        XCTAssertFalse(Livesign.version.isEmpty)
    }

    func testStatusesMapToTheirMessages() {
        XCTAssertEqual(LivesignError.signatureMismatch.description, "sign invalid")
        XCTAssertEqual(LivesignError.expired.description, "time expired")
        XCTAssertEqual(LivesignError.allCases.map(\.rawValue), [1, 2, 3, 4, 5, 6, 7, 255])
    }

    func testHmacKey() throws {
        XCTAssertThrowsError(try HmacKey(key: "")) { XCTAssertEqual($0 as? LivesignError, .invalidKey) }
        _ = try HmacKey(key: "0123456789abcdef0123456789abcdef")
    }
}

final class TencentTests: XCTestCase {
    let key = "5d41402abc4b2a76b9719d911017c592"
    let t: UInt64 = 1_471_850_187

    func testSeedExamples() throws {
        XCTAssertEqual(try Livesign.Tencent.sign(key: key, t: t), "b17971b51ba0fe5916ddcd96692e9fb3")
        XCTAssertEqual(try Livesign.Tencent.sign(key: key, t: 1_626_839_220), "5ee8ca6c28cbe415b40352969cdf8249")
    }

    func testVerify() throws {
        let at = Date(timeIntervalSince1970: TimeInterval(t - 60))
        try Livesign.Tencent.verify(key: key, t: t, sign: "b17971b51ba0fe5916ddcd96692e9fb3", now: at)
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: t, sign: "b17971b51ba0fe5916ddcd96692e9fb4", now: at)) {
            XCTAssertEqual($0 as? LivesignError, .signatureMismatch)
        }
        let late = Date(timeIntervalSince1970: TimeInterval(t + 61))
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: t, sign: "b17971b51ba0fe5916ddcd96692e9fb3", now: late, leewaySeconds: 60)) {
            XCTAssertEqual($0 as? LivesignError, .expired)
        }
        // The default clock: t far in the future verifies now.
        let farSign = try Livesign.Tencent.sign(key: key, t: UInt64.max)
        try Livesign.Tencent.verify(key: key, t: UInt64.max, sign: farSign)
        XCTAssertThrowsError(try Livesign.Tencent.sign(key: "", t: t)) { XCTAssertEqual($0 as? LivesignError, .invalidKey) }
    }
}
