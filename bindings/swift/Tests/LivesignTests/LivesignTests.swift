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

    /// Foundation and SwiftUI show `localizedDescription`: livesign's message, not "The
    /// operation could not be completed".
    func testErrorsAreLocalized() {
        for e in LivesignError.allCases {
            XCTAssertEqual((e as Error).localizedDescription, e.description)
        }
        XCTAssertEqual((LivesignError.expired as Error).localizedDescription, "time expired")
    }

    func testLimits() throws {
        XCTAssertEqual(
            [Livesign.Limits.maxBodyLength, Livesign.Limits.maxResponseLength, Livesign.Limits.maxURLLength,
             Livesign.Limits.maxIDLength, Livesign.Limits.maxKeyLength],
            [1_048_576, 16_777_216, 8192, 256, 1024])
        // One byte over a limit is refused before anything is read; at the limit it is parsed.
        let key = "5d41402abc4b2a76b9719d911017c592"
        let over = Data(repeating: 0x20, count: Livesign.Limits.maxBodyLength + 1)
        XCTAssertThrowsError(try Livesign.Tencent.Callback.verify(key: key, body: over)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        let at = Data(repeating: 0x20, count: Livesign.Limits.maxBodyLength)
        XCTAssertThrowsError(try Livesign.Tencent.Callback.verify(key: key, body: at)) {
            XCTAssertEqual($0 as? LivesignError, .malformed)
        }
        let longKey = String(repeating: "k", count: Livesign.Limits.maxKeyLength + 1)
        XCTAssertThrowsError(try Livesign.Tencent.sign(key: longKey, t: 1)) {
            XCTAssertEqual($0 as? LivesignError, .invalidKey)
        }
    }

    /// A `Date` with no Unix seconds (NaN, infinite, or before 1970: `uint64_t` has no negative
    /// seconds) is `.invalidArgument`. Read as 1970 it verified expired signatures (NaN as `now`),
    /// and moved a two-sided window (Alibaba callbacks) to where the timestamp fits.
    func testDatesWithoutUnixSeconds() throws {
        let key = "5d41402abc4b2a76b9719d911017c592"
        let sign = try Livesign.Tencent.sign(key: key, t: 1000)
        let nan = Date(timeIntervalSince1970: .nan)
        let before1970 = Date(timeIntervalSince1970: -1000)
        for now in [nan, before1970, Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: -.infinity)] {
            XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: now)) {
                XCTAssertEqual($0 as? LivesignError, .invalidArgument)
            }
        }
        let ali = try Livesign.Alibaba.Callback.sign(key: key, domain: "example.com", timestamp: 100)
        XCTAssertThrowsError(try Livesign.Alibaba.Callback.verify(key: key, domain: "example.com", timestamp: "100",
                                                                  signature: ali, now: before1970)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        XCTAssertThrowsError(try Livesign.Tencent.StreamURL.build(kind: .rtmp, domain: "d", app: "live", stream: "s", key: key,
                                                                  expiry: nan)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        XCTAssertEqual(Livesign.Tencent.StreamURL.buildLength(kind: .rtmp, domain: "d", app: "live", stream: "s", expiry: nan), 0)
        XCTAssertEqual(Livesign.Trtc.UserSig.length(sdkappid: 1, identifier: "a", expireSeconds: 60, now: before1970), 0)
        XCTAssertThrowsError(try Livesign.Trtc.UserSig.generate(sdkappid: 1, key: key, identifier: "a", expireSeconds: 60,
                                                                now: nan)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        // 1970 itself, fractions (rounded down: the second they fall in) and far, finite futures
        // (saturating) still have Unix seconds.
        try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: Date(timeIntervalSince1970: 0))
        try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: Date(timeIntervalSince1970: 1000.9))
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: Date(timeIntervalSince1970: 1001))) {
            XCTAssertEqual($0 as? LivesignError, .expired)
        }
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: Date(timeIntervalSince1970: 1e30))) {
            XCTAssertEqual($0 as? LivesignError, .expired)
        }
    }

    /// An infinite `Date` is no time either: it used to saturate to `UInt64.max` seconds like a
    /// far, finite one, so a `now` of +infinity read as a real instant.
    func testInfiniteDatesHaveNoUnixSeconds() throws {
        let key = "5d41402abc4b2a76b9719d911017c592"
        let sign = try Livesign.Tencent.sign(key: key, t: 1000)
        let infinity = Date(timeIntervalSince1970: .infinity)
        XCTAssertThrowsError(try Livesign.unixTime(infinity)) { XCTAssertEqual($0 as? LivesignError, .invalidArgument) }
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: key, t: 1000, sign: sign, now: infinity)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        XCTAssertThrowsError(try Livesign.Tencent.StreamURL.build(kind: .rtmp, domain: "d", app: "live", stream: "s", key: key,
                                                                  expiry: infinity)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        XCTAssertEqual(try Livesign.unixTime(Date(timeIntervalSince1970: 1e30)), .max)
    }

    func testHmacKey() throws {
        XCTAssertThrowsError(try HmacKey(key: "")) { XCTAssertEqual($0 as? LivesignError, .invalidKey) }
        _ = try HmacKey(key: "0123456789abcdef0123456789abcdef")
    }
}

final class TencentTests: XCTestCase {
    let key = "5d41402abc4b2a76b9719d911017c592"
    let t: UInt64 = 1_471_850_187

    // Every sign vector of tests/vectors/tencent_sign.json (the empty-key one is checked below).
    let signVectors: [(String, UInt64, String)] = [
        ("5d41402abc4b2a76b9719d911017c592", 1471850187, "b17971b51ba0fe5916ddcd96692e9fb3"),
        ("5d41402abc4b2a76b9719d911017c592", 1626839220, "5ee8ca6c28cbe415b40352969cdf8249"),
        ("4283fefc63f0cd0e873a0000c6d07ef7", 2484771968, "ed3c52361743656e1cfefa13ad9ab198"),
        ("77e90d3593ad699fc1f7cd5bb2e35cbf", 1127023494, "fee9129d8cf00ce8560e2fa98d006273"),
        ("f19c557067cbbe80c46d1fb6dfbdb0ae", 3576358404, "960c5bab2bbd2f0307f787e93ec786a5"),
        ("0755281220e087835b92558589eaff30", 2340050970, "ff7b5550feda3ff5094905ac874310a4"),
        ("cad68386d070c415ed7e70cad1946192", 1328333753, "ccba3e62b8a1b9259affa508132f68e2"),
        ("995d84016e51c6b36d6f3c9f0ac9056a", 3419529160, "27aabcff09e39afa71c705c3969630c5"),
        ("4ad683cbf721245568a8baa397f43a1d", 1314363339, "e2c1ba258ad57bf705381ad2ad575ad9"),
        ("c44a3c2728b93e8319002d3167d53e57", 1682662547, "93a7c0bc824c898e4000c4205433cfa6"),
        ("k", 1, "b637b17af08aced8850c18cccde915da"),
        (String(repeating: "x", count: 100), 18446744073709551615, "6414e512970668d04e8b26e09d2147f0"),
    ]

    func testSignVectors() throws {
        for (k, t, sign) in signVectors {
            XCTAssertEqual(try Livesign.Tencent.sign(key: k, t: t), sign)
            try Livesign.Tencent.verify(key: k, t: t, sign: sign, now: Date(timeIntervalSince1970: TimeInterval(t)))
        }
        let (k, t, sign) = signVectors[0]
        XCTAssertThrowsError(try Livesign.Tencent.verify(key: k, t: t, sign: sign, now: Date(timeIntervalSince1970: TimeInterval(t + 1)))) {
            XCTAssertEqual($0 as? LivesignError, .expired)
        }
    }

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
