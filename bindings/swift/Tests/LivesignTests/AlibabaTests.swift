import Foundation
import XCTest

@testable import Livesign

private func at(_ unix: UInt64) -> Date { Date(timeIntervalSince1970: TimeInterval(unix)) }

private func assertStatus<R>(_ expected: LivesignError, _ call: @autoclosure () throws -> R, file: StaticString = #filePath,
                             line: UInt = #line) {
    XCTAssertThrowsError(try call(), file: file, line: line) {
        XCTAssertEqual($0 as? LivesignError, expected, file: file, line: line)
    }
}

final class AlibabaTests: XCTestCase {
    typealias C = Livesign.Alibaba.Callback
    typealias A = Livesign.Alibaba.URLMethodA

    func testCallbackSignature() throws {
        XCTAssertEqual(Livesign.Alibaba.signLength, 32)
        XCTAssertEqual(Livesign.Alibaba.defaultLeewaySeconds, 300)
        // tests/vectors/others.json alibaba.callback.signature.
        let sig = "9e226fc2c250be266e3657e156f68c12"
        let ts: UInt64 = 1_519_375_990
        XCTAssertEqual(try C.sign(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: ts), sig)
        try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig, now: at(1_519_376_000))
        try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig.uppercased(), now: at(ts + 300))
        // Two-sided window: too old and too far ahead.
        assertStatus(.expired, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig,
                                            now: at(ts + 301)))
        assertStatus(.expired, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig,
                                            now: at(ts - 301)))
        assertStatus(.expired, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig,
                                            now: at(ts + 1), leewaySeconds: 0))
        assertStatus(.expired, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: sig))
        assertStatus(.signatureMismatch, try C.verify(key: "yourkey", domain: "other.example.com", timestamp: "1519375990",
                                                      signature: sig, now: at(ts)))
        assertStatus(.signatureMismatch, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375991",
                                                      signature: sig, now: at(ts)))
        assertStatus(.malformed, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "15193759x0", signature: sig,
                                              now: at(ts)))
        assertStatus(.malformed, try C.verify(key: "yourkey", domain: "learn.aliyundoc.com", timestamp: "1519375990", signature: "9e22",
                                              now: at(ts)))
        assertStatus(.invalidKey, try C.sign(key: "", domain: "learn.aliyundoc.com", timestamp: 1))
    }

    func testURLMethodA() throws {
        XCTAssertEqual(A.maxLength, 192)
        // tests/vectors/others.json alibaba.url.a.
        let query = "auth_key=1740562218-0-0-c69186ea43fa225e643bac4f66868cf3"
        let ts: UInt64 = 1_740_562_218
        XCTAssertEqual(try A.build(key: "alikey12345", uri: "/app/stream", timestamp: at(ts)), query)
        XCTAssertEqual(try A.build(key: "alikey12345", uri: "/app/stream", timestamp: at(ts), rand: "0", uid: "0"), query)
        let url = "rtmp://push.example.com/app/stream?\(query)"
        XCTAssertEqual(try A.verify(keys: ["secondary", "alikey12345"], url: url, validitySeconds: 1800, now: at(ts)), 1)
        XCTAssertEqual(try A.verify(keys: ["alikey12345"], url: "/app/stream?\(query)", validitySeconds: 1800, now: at(ts + 1800)), 0)
        assertStatus(.expired, try A.verify(keys: ["alikey12345"], url: url, validitySeconds: 1800, now: at(ts + 1801)))
        XCTAssertEqual(try A.verify(keys: ["alikey12345"], url: url, validitySeconds: 1800, now: at(ts + 1801), leewaySeconds: 1), 0)
        assertStatus(.signatureMismatch, try A.verify(keys: ["secondary"], url: url, validitySeconds: 1800, now: at(ts)))
        assertStatus(.malformed, try A.verify(keys: ["alikey12345"], url: "/app/stream?auth_key=1-0-0", validitySeconds: 1800, now: at(1)))
        assertStatus(.invalidKey, try A.verify(keys: [""], url: url, validitySeconds: 1800, now: at(1)))
        assertStatus(.invalidArgument, try A.verify(keys: Array(repeating: "k", count: 9), url: url, validitySeconds: 1800, now: at(1)))
        assertStatus(.invalidArgument, try A.build(key: "alikey12345", uri: "/app/stream", timestamp: at(1), rand: "a_b"))
        assertStatus(.invalidKey, try A.build(key: "", uri: "/app/stream", timestamp: at(1)))
        let q = try A.build(key: "alikey12345", uri: "/app/stream", timestamp: at(ts), rand: "f00d", uid: "42")
        XCTAssertTrue(q.hasPrefix("auth_key=1740562218-f00d-42-"))
        XCTAssertNotEqual(q, query)
        XCTAssertEqual(try A.verify(keys: ["alikey12345"], url: "/app/stream?\(q)", validitySeconds: 60, now: at(ts)), 0)
    }
}
