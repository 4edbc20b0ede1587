import Foundation
import XCTest

@testable import Livesign

typealias HW = Livesign.Huawei

private func at(_ unix: UInt64) -> Date { Date(timeIntervalSince1970: TimeInterval(unix)) }

private func assertStatus<R>(_ expected: LivesignError, _ call: @autoclosure () throws -> R, file: StaticString = #filePath,
                             line: UInt = #line) {
    XCTAssertThrowsError(try call(), file: file, line: line) {
        XCTAssertEqual($0 as? LivesignError, expected, file: file, line: line)
    }
}

private let notifyKey = "0123456789abcdefghijklmnopqrstuvWXYZ"

/// `text` with the bytes of its non-ASCII characters percent-encoded, as in an `Event.id`.
private func percentEncoded(_ text: String) -> String {
    text.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
}

/// A notification body; the texts are JSON string text as written.
private func body(_ event: String, _ domain: String, _ app: String, _ stream: String, _ publishTimestamp: String,
                  _ authTimestamp: UInt64, _ sign: String) -> Data {
    Data(("{\"domain\":\"\(domain)\",\"app\":\"\(app)\",\"stream\":\"\(stream)\",\"publish_timestamp\":\"\(publishTimestamp)\","
        + "\"event\":\"\(event)\",\"auth_timestamp\":\(authTimestamp),\"auth_sign\":\"\(sign)\"}").utf8)
}

// Seed 004's example body (auth_sign: the huawei.notify.stream.publish vector).
private let seedBody = Data("""
{
    "domain":"push.example.com",
    "app":"live",
    "stream":"example_stream",
    "user_args":"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw",
    "client_ip":"100.111.*.*",
    "node_ip":"112.11.*.*",
    "publish_timestamp":"1587954134",
    "event":"PUBLISH",
    "auth_timestamp":1587954140,
    "auth_sign":"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"
}
""".utf8)

final class HuaweiNotificationTests: XCTestCase {
    // tests/vectors/huawei.json huawei.notify.stream.*: (key, event, stream, auth_timestamp, auth_sign);
    // domain push.example.com, app live.
    let vectors: [(String, String, String, UInt64, String)] = [
        (notifyKey, "PUBLISH", "example_stream", 1_587_954_140, "881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"),
        (notifyKey, "PUBLISH_DONE", "example_stream", 1_587_954_140, "25f620d0b08e77328c8b18f09a54e8e1d5449125e5070c7e2ffb9b0eb3ebbff1"),
        (notifyKey, "PUBLISH", "直播流_1", 1_700_000_000, "876805b7895d83b1986a79e65a7c2904c00b2a664cb6a0dae4fd3f3b8c1dd608"),
        (String(repeating: "K", count: 32), "PUBLISH_DONE", "abc", 1_700_000_300,
         "3cd7911976f98ac9ba8e0ccb0e7944993203b7ba0328e46dd8159121f75ea588"),
        (String(repeating: "K", count: 128), "PUBLISH_DONE", "abc", 1_700_000_300,
         "c43f12fef193f2f3c7d4550867a1119e448019463b28b016bc00b83c3574eaea"),
    ]

    func testEveryVector() throws {
        XCTAssertEqual(HW.signLength, 64)
        XCTAssertEqual(HW.defaultLeewaySeconds, 300)
        // auth_timestamp has exactly 10 digits: no more, so a stream digit cannot move into it.
        XCTAssertEqual(HW.maxAuthTimestamp, 9_999_999_999)
        XCTAssertEqual(try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s",
                                   authTimestamp: HW.maxAuthTimestamp).utf8.count, 64)
        assertStatus(.invalidArgument, try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s",
                                                   authTimestamp: HW.maxAuthTimestamp + 1))
        // Nor fewer: room1 + 1587954140 is also room11 + 587954140 (1988), which a leeway of
        // decades would reach, so a 9-digit time is refused whatever the leeway.
        XCTAssertEqual(HW.minAuthTimestamp, 1_000_000_000)
        XCTAssertEqual(try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s",
                                   authTimestamp: HW.minAuthTimestamp).utf8.count, 64)
        assertStatus(.invalidArgument, try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s",
                                                   authTimestamp: HW.minAuthTimestamp - 1))
        let room1 = try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "live", stream: "room1",
                                authTimestamp: 1_587_954_140)
        _ = try HW.verify(key: notifyKey, body: body("PUBLISH", "d", "live", "room1", "1", 1_587_954_140, room1),
                          now: at(1_587_954_140), leewaySeconds: UInt32.max)
        assertStatus(.malformed, try HW.verify(key: notifyKey, body: body("PUBLISH", "d", "live", "room11", "1", 587_954_140, room1),
                                               now: at(1_587_954_140), leewaySeconds: UInt32.max))
        for (key, event, stream, t, sign) in vectors {
            XCTAssertEqual(try HW.sign(key: key, event: event, domain: "push.example.com", app: "live", stream: stream, authTimestamp: t), sign)
            let loaded = try HmacKey(key: key)
            XCTAssertEqual(try HW.sign(key: loaded, event: event, domain: "push.example.com", app: "live", stream: stream,
                                       authTimestamp: t), sign)
            let b = body(event, "push.example.com", "live", stream, "1700000000", t, sign)
            let e = try HW.verify(key: key, body: b, now: at(t))
            XCTAssertEqual(e, HW.Event(kind: event == "PUBLISH" ? .publish : .publishDone, event: event, domain: "push.example.com",
                                       app: "live", stream: stream, userArgs: nil, clientIP: nil, nodeIP: nil,
                                       publishTimestamp: "1700000000", publishTime: 1_700_000_000, authTimestamp: t,
                                       escapedFields: [], id: "push.example.com/live/\(percentEncoded(stream))/1700000000/\(event)",
                                       replayID: "push.example.com/live/\(percentEncoded(stream))/\(t)/\(event)"))
            XCTAssertEqual(try HW.verify(key: loaded, body: b, now: at(t + 300)), e)
            assertStatus(.expired, try HW.verify(key: loaded, body: b, now: at(t + 301)))
            assertStatus(.expired, try HW.verify(key: key, body: b, now: at(t + 1), leewaySeconds: 0))
            assertStatus(.expired, try HW.verify(key: key, body: b)) // the default clock
            assertStatus(.signatureMismatch, try HW.verify(key: String(key.dropLast()) + "x", body: b, now: at(t)))
            assertStatus(.malformed, try HW.verify(key: key, body: b.dropLast(), now: at(t)))
            let tampered = Data(String(decoding: b, as: UTF8.self).replacingOccurrences(of: "\"live\"", with: "\"livf\"").utf8)
            assertStatus(.signatureMismatch, try HW.verify(key: loaded, body: tampered, now: at(t)))
        }
    }

    /// A present empty field reads as an absent one (nil): livesign reports both as {NULL, 0}.
    func testEmptyFieldsReadAsAbsent() throws {
        let sign = try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s", authTimestamp: 1_700_000_000)
        let e = try HW.verify(key: notifyKey, body: body("PUBLISH", "d", "a", "s", "", 1_700_000_000, sign), now: at(1_700_000_000))
        XCTAssertEqual(e, HW.Event(kind: .publish, event: "PUBLISH", domain: "d", app: "a", stream: "s", userArgs: nil,
                                   clientIP: nil, nodeIP: nil, publishTimestamp: nil, publishTime: nil, authTimestamp: 1_700_000_000,
                                   escapedFields: [], id: "d/a/s//PUBLISH", replayID: "d/a/s/1700000000/PUBLISH"))
    }

    func testSeedBodyAndNegativeVectors() throws {
        let e = try HW.verify(key: notifyKey, body: seedBody, now: at(1_587_954_150))
        XCTAssertEqual(e.kind, .publish)
        XCTAssertEqual(e.clientIP, "100.111.*.*")
        XCTAssertEqual(e.nodeIP, "112.11.*.*")
        XCTAssertTrue(e.userArgs?.hasPrefix("auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6") ?? false)
        XCTAssertEqual(e.publishTime, 1_587_954_134)
        XCTAssertEqual(e.authTimestamp, 1_587_954_140)
        XCTAssertEqual(e.id, "push.example.com/live/example_stream/1587954134/PUBLISH")
        // huawei.notify.stream.neg.reordered, .neg.uppercase_hex.
        assertStatus(.signatureMismatch, try HW.verify(key: notifyKey, body: body("PUBLISH", "push.example.com", "live", "example_stream", "1",
            1_587_954_140, "96ab3fa3f934ffa89aafb19aba2f8c624c34a3ea71474fc16b607170b8635c73"), now: at(1_587_954_140)))
        _ = try HW.verify(key: notifyKey, body: body("PUBLISH", "push.example.com", "live", "example_stream", "1", 1_587_954_140,
                                                     "881453D45E1C4BDF4DBD4AEEECA4246805A575AA0D94D2319E19D17A1162C9BC"),
                          now: at(1_587_954_140))
    }

    func testEscapedFieldsAreUnescaped() throws {
        // huawei.notify.stream.utf8, with escapes in three fields: signed by value.
        let sign = "876805b7895d83b1986a79e65a7c2904c00b2a664cb6a0dae4fd3f3b8c1dd608"
        let b = body("PUBLISH", #"push\u002eexample.com"#, "live", #"直播流\u005f1"#, #"17\u00300000000"#, 1_700_000_000, sign)
        let e = try HW.verify(key: notifyKey, body: b, now: at(1_700_000_000))
        XCTAssertEqual(e.escapedFields, [.domain, .stream, .publishTimestamp])
        XCTAssertEqual(e.escapedFields.rawValue, 2 | 8 | 128)
        XCTAssertEqual(e.domain, "push.example.com")
        XCTAssertEqual(e.stream, "直播流_1")
        XCTAssertEqual(e.publishTimestamp, "1700000000")
        XCTAssertEqual(e.publishTime, 1_700_000_000)
        XCTAssertEqual(e.id, "push.example.com/live/%E7%9B%B4%E6%92%AD%E6%B5%81_1/1700000000/PUBLISH")
        XCTAssertEqual([HW.Fields.event, .domain, .app, .stream, .userArgs, .clientIP, .nodeIP, .publishTimestamp].map(\.rawValue),
                       [1, 2, 4, 8, 16, 32, 64, 128])
        // '/' and '%' inside fields are escaped in the id.
        let odd = try HW.sign(key: notifyKey, event: "PUBLISH_DONE", domain: "a/b%", app: "c", stream: "d",
                              authTimestamp: 1_700_000_005)
        let o = try HW.verify(key: notifyKey, body: body("PUBLISH_DONE", #"a\/b%"#, "c", "d", "7", 1_700_000_005, odd),
                              now: at(1_700_000_005))
        XCTAssertEqual(o.domain, "a/b%")
        XCTAssertEqual(o.id, "a%2Fb%25/c/d/7/PUBLISH_DONE")
        XCTAssertEqual(o.replayID, "a%2Fb%25/c/d/1700000005/PUBLISH_DONE")
    }

    /// A captured notification resent with another (unsigned) publish_timestamp: another id,
    /// the same replay id.
    func testReplayIDCoversTheSignedFieldsOnly() throws {
        let e = try HW.verify(key: notifyKey, body: seedBody, now: at(1_587_954_150))
        XCTAssertEqual(e.replayID, "push.example.com/live/example_stream/1587954140/PUBLISH")
        let replayed = Data(String(decoding: seedBody, as: UTF8.self)
            .replacingOccurrences(of: "\"1587954134\"", with: "\"1587954139\"").utf8)
        let r = try HW.verify(key: notifyKey, body: replayed, now: at(1_587_954_150))
        XCTAssertEqual(r.publishTime, 1_587_954_139)
        XCTAssertNotEqual(r.id, e.id)
        XCTAssertEqual(r.replayID, e.replayID)
    }

    /// `caf\u{e9}` and `cafe\u{301}` are two streams to Huawei (it signs bytes), but one String to
    /// Swift (`==` and hashing follow canonical equivalence): their ids must still differ as
    /// Strings, or a `Set` of seen ids drops the second stream's notification as a redelivery.
    func testIdsOfCanonicallyEquivalentStreamsDiffer() throws {
        let streams = ["caf\u{e9}", "cafe\u{301}"]
        XCTAssertNotEqual(Array(streams[0].utf8), Array(streams[1].utf8))
        let events = try streams.map { stream -> HW.Event in
            let sign = try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: stream,
                                   authTimestamp: 1_700_000_005)
            return try HW.verify(key: notifyKey, body: body("PUBLISH", "d", "a", stream, "7", 1_700_000_005, sign),
                                 now: at(1_700_000_005))
        }
        XCTAssertNotEqual(events[0].id, events[1].id)
        XCTAssertEqual(Set(events.map(\.id)).count, 2)
        XCTAssertNotEqual(events[0], events[1])
        // Non-ASCII bytes are percent-encoded (the id is ASCII), `%` and `/` as before.
        XCTAssertEqual(events[0].id, "d/a/caf%C3%A9/7/PUBLISH")
        XCTAssertEqual(events[1].id, "d/a/cafe%CC%81/7/PUBLISH")
    }

    func testErrors() throws {
        assertStatus(.invalidKey, try HW.verify(key: String(repeating: "k", count: 31), body: seedBody, now: at(1)))
        assertStatus(.invalidKey, try HW.sign(key: String(repeating: "k", count: 129), event: "PUBLISH", domain: "d", app: "a",
                                              stream: "s", authTimestamp: 1_700_000_000))
        let short = try HmacKey(key: String(repeating: "k", count: 31))
        assertStatus(.invalidKey, try HW.sign(key: short, event: "PUBLISH", domain: "d", app: "a", stream: "s",
                                              authTimestamp: 1_700_000_000))
        assertStatus(.malformed, try HW.verify(key: notifyKey, body: Data(#"{"event":"PUBLISH"}"#.utf8), now: at(1)))
    }
}

final class HuaweiOrderingTests: XCTestCase {
    func event(_ kind: String, _ publish: String) throws -> HW.Event {
        let sign = try HW.sign(key: notifyKey, event: kind, domain: "push.example.com", app: "live", stream: "s", authTimestamp: 1_587_954_140)
        return try HW.verify(key: notifyKey, body: body(kind, "push.example.com", "live", "s", publish, 1_587_954_140, sign),
                             now: at(1_587_954_140))
    }

    func testOutOfOrderPublishDoneThenPublish() throws {
        let done1 = try event("PUBLISH_DONE", "100")
        let publish1 = try event("PUBLISH", "100")
        let publish2 = try event("PUBLISH", "200")
        let done2 = try event("PUBLISH_DONE", "200")
        var s = HW.Stream()
        XCTAssertEqual(s, HW.Stream(state: .unseen, publishTimestamp: 0))
        XCTAssertEqual(try s.apply(done1), .ended)
        XCTAssertEqual(try s.apply(publish1), .stale) // late: must not revive the ended session
        XCTAssertEqual(s, HW.Stream(state: .ended, publishTimestamp: 100))
        XCTAssertNotEqual(done1.id, publish1.id)
        XCTAssertEqual(try s.apply(publish2), .live)
        XCTAssertEqual(s.state, .live)
        XCTAssertEqual(s.publishTimestamp, 200)
        var copy = s // a value
        XCTAssertEqual(try s.apply(done1), .stale)
        XCTAssertEqual(try s.apply(publish2), .stale)
        XCTAssertEqual(try s.apply(done2), .ended)
        XCTAssertEqual(s, HW.Stream(state: .ended, publishTimestamp: 200))
        XCTAssertNotEqual(copy, s)
        XCTAssertEqual(try copy.apply(done2), .ended)
        XCTAssertEqual(copy, s)
        XCTAssertEqual([HW.Verdict.live, .ended, .stale].map(\.rawValue), [1, 2, 3])
    }

    func testErrorsLeaveTheStateAlone() throws {
        var s = HW.Stream(state: .live, publishTimestamp: 100)
        let unknown = try event("RECORD", "300")
        XCTAssertEqual(unknown.kind, .unknown)
        XCTAssertEqual(unknown.event, "RECORD")
        assertStatus(.invalidArgument, try s.apply(unknown))
        let sign = try HW.sign(key: notifyKey, event: "PUBLISH", domain: "d", app: "a", stream: "s", authTimestamp: 1_700_000_009)
        let noTime = try HW.verify(key: notifyKey, body: body("PUBLISH", "d", "a", "s", "1587954134,", 1_700_000_009, sign),
                                   now: at(1_700_000_009))
        XCTAssertNil(noTime.publishTime)
        XCTAssertEqual(noTime.publishTimestamp, "1587954134,")
        assertStatus(.malformed, try s.apply(noTime))
        XCTAssertEqual(s, HW.Stream(state: .live, publishTimestamp: 100))
    }
}

private let urlKey = "GCTbw44s6MPLh4GqgDpnfuFHgy25Enly"
private let otherURLKey = "0123456789abcdef0123456789ABCDEF"
private let rand = "477b3bbc253f467b8def6711128c7bec"

final class HuaweiURLTests: XCTestCase {
    typealias A = Livesign.Huawei.URLMethodA
    typealias D = Livesign.Huawei.URLMethodD

    // tests/vectors/huawei.json huawei.url.a.*: (uri, timestamp, format, query).
    let aVectors: [(String, UInt64, HW.TimeFormat, String)] = [
        ("/livetest/huawei1.flv", 1_592_639_100, .decimal,
         "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea"),
        ("/livetest/huawei1.sdp", 1_592_639_100, .decimal,
         "auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-4116c2c7939307e86c6654178addc987"),
        ("/livetest/huawei1.flv", 0x5eed_be7c, .hex, "auth_key=5eedbe7c-477b3bbc253f467b8def6711128c7bec-0-f118ba138b3b70dfbf42d4d6f1d75d2e"),
    ]

    func testMethodA() throws {
        XCTAssertEqual(A.maxLength, 192)
        XCTAssertEqual(HW.urlKeyLength, 32)
        XCTAssertEqual(HW.urlMinDurationSeconds, 60)
        XCTAssertEqual(HW.urlMaxDurationSeconds, 2_592_000)
        for (uri, ts, format, query) in aVectors {
            XCTAssertEqual(try A.build(key: urlKey, uri: uri, start: at(ts), format: format, rand: rand), query)
            XCTAssertEqual(try A.build(key: urlKey, uri: uri, start: at(ts), format: format, rand: rand, uid: "0"), query)
            let url = "https://play.example.com\(uri)?\(query)"
            XCTAssertEqual(try A.verify(keys: [otherURLKey, urlKey], url: url, format: format, durationSeconds: 1800, now: at(ts)), 1)
            XCTAssertEqual(try A.verify(keys: [urlKey], url: "\(uri)?\(query)", format: format, durationSeconds: 60, now: at(ts + 60)), 0)
            assertStatus(.expired, try A.verify(keys: [urlKey], url: url, format: format, durationSeconds: 60, now: at(ts + 61)))
            XCTAssertEqual(try A.verify(keys: [urlKey], url: url, format: format, durationSeconds: 60, now: at(ts + 61), leewaySeconds: 1), 0)
            assertStatus(.signatureMismatch, try A.verify(keys: [otherURLKey], url: url, format: format, durationSeconds: 60, now: at(ts)))
        }
        // The .sdp erratum: Huawei's page prints the .flv hash for the .sdp URL.
        assertStatus(.signatureMismatch, try A.verify(
            keys: [urlKey], url: "/livetest/huawei1.sdp?auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea",
            format: .decimal, durationSeconds: 1800, now: at(1_592_639_100)))
        // The time is hashed as written; in hex mode exactly 10 decimal digits are still decimal,
        // so the decimal vector keeps its expiry (as hex it would run to the year 4900).
        let flv = "/livetest/huawei1.flv?" + aVectors[0].3
        assertStatus(.expired, try A.verify(keys: [urlKey], url: flv, format: .decimal, durationSeconds: 1800, now: at(1_592_639_100 + 1801)))
        XCTAssertEqual(try A.verify(keys: [urlKey], url: flv, format: .hex, durationSeconds: 1800, now: at(1_592_639_100 + 1800)), 0)
        assertStatus(.expired, try A.verify(keys: [urlKey], url: flv, format: .hex, durationSeconds: 1800, now: at(1_592_639_100 + 1801)))
        XCTAssertEqual(A.maxHexStart, at(0xffff_ffff))
        XCTAssertTrue(try A.build(key: urlKey, uri: "/a", start: A.maxHexStart, format: .hex, rand: "r").hasPrefix("auth_key=ffffffff-"))
        assertStatus(.invalidArgument, try A.build(key: urlKey, uri: "/a", start: A.maxHexStart.addingTimeInterval(1), format: .hex, rand: "r"))
        assertStatus(.invalidArgument, try A.build(key: urlKey, uri: "/a", start: at(1), format: .decimal, rand: "a-b"))
        assertStatus(.invalidKey, try A.build(key: String(repeating: "1", count: 32), uri: "/a", start: at(1), format: .decimal, rand: "r"))
        assertStatus(.invalidArgument, try A.verify(keys: [urlKey], url: "/a?auth_key=1", format: .decimal, durationSeconds: 59, now: at(1)))
        assertStatus(.malformed, try A.verify(keys: [urlKey], url: "/a?x=1", format: .decimal, durationSeconds: 60, now: at(1)))
        assertStatus(.invalidArgument, try A.verify(keys: [], url: "/a?x=1", format: .decimal, durationSeconds: 60))
    }

    func testMethodB() throws {
        typealias B = Livesign.Huawei.URLMethodB
        XCTAssertEqual(B.maxLength, 57)
        XCTAssertEqual(B.maxStart, at(0xffff_ffff))
        // huawei.url.b: Huawei's printed example (txTime 5eed5888 = 1592613000).
        let query = "txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888"
        let t: UInt64 = 0x5eed_5888
        XCTAssertEqual(try B.build(key: urlKey, stream: "huawei1", start: at(t)), query)
        let url = "http://play.example.com/livetest/huawei1.flv?\(query)"
        XCTAssertEqual(try B.verify(keys: [otherURLKey, urlKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t)), 1)
        XCTAssertEqual(try B.verify(keys: [urlKey], stream: "huawei1", url: "/livetest/huawei1.m3u8?\(query)", durationSeconds: 60,
                                    now: at(t + 59)), 0)
        // Huawei's strict rule: expired at txTime + duration.
        assertStatus(.expired, try B.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 60)))
        XCTAssertEqual(try B.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 60), leewaySeconds: 1), 0)
        assertStatus(.expired, try B.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 60)) // the default clock
        assertStatus(.signatureMismatch, try B.verify(keys: [otherURLKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t)))
        assertStatus(.signatureMismatch, try B.verify(keys: [urlKey], stream: "huawei2", url: url, durationSeconds: 60, now: at(t)))
        // Method B's txTime is hex only (exactly 8 digits): a decimal one, correctly signed, is malformed.
        let decimal = "/livetest/huawei1.flv?txSecret=c18a4a372b8e71a8d6962a0ffd3d1a41&txTime=1592613000"
        assertStatus(.malformed, try B.verify(keys: [urlKey], stream: "huawei1", url: decimal, durationSeconds: 60, now: at(1_592_613_059)))
        let upper = "/livetest/huawei1.flv?txSecret=67edbd2d3923d1ad69b847168a62e3f4&txTime=5EED5888"
        XCTAssertEqual(try B.verify(keys: [urlKey], stream: "huawei1", url: upper, durationSeconds: 60, now: at(t)), 0)
        for bad in ["/a/huawei1.flv?txSecret=5CDC845362C332A4EC3E09AC5D5571D6&txTime=5eed5888", "/a/huawei1.flv?txTime=5eed5888",
                    url + "&txTime=5eed5888", "/a/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed588g"] {
            assertStatus(.malformed, try B.verify(keys: [urlKey], stream: "huawei1", url: bad, durationSeconds: 60, now: at(t)))
        }
        assertStatus(.invalidArgument, try B.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 59, now: at(t)))
        assertStatus(.invalidArgument, try B.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 2_592_001, now: at(t)))
        assertStatus(.invalidArgument, try B.verify(keys: [urlKey], stream: "", url: url, durationSeconds: 60, now: at(t)))
        assertStatus(.invalidArgument, try B.verify(keys: [], stream: "huawei1", url: url, durationSeconds: 60, now: at(t)))
        assertStatus(.invalidKey, try B.verify(keys: [String(urlKey.dropLast())], stream: "huawei1", url: url, durationSeconds: 60,
                                               now: at(t)))
        // The longest query; the limits.
        XCTAssertEqual(try B.build(key: urlKey, stream: "s", start: B.maxStart).utf8.count, B.maxLength)
        assertStatus(.invalidArgument, try B.build(key: urlKey, stream: "s", start: B.maxStart.addingTimeInterval(1)))
        // Nor earlier than 8 hex digits: huawei1 + 5eed5888 is also huawei15 + eed5888 (1977), which a
        // leeway of decades would reach, so a 7-digit txTime is malformed whatever the leeway.
        XCTAssertEqual(B.minStart, at(0x1000_0000))
        XCTAssertEqual(try B.build(key: urlKey, stream: "s", start: B.minStart).utf8.count, B.maxLength)
        assertStatus(.invalidArgument, try B.build(key: urlKey, stream: "s", start: B.minStart.addingTimeInterval(-1)))
        let recut = "/livetest/huawei15.flv?\(query.dropLast(8))eed5888"
        assertStatus(.malformed, try B.verify(keys: [urlKey], stream: "huawei15", url: recut, durationSeconds: 60, now: at(t),
                                              leewaySeconds: .max))
        assertStatus(.invalidArgument, try B.build(key: urlKey, stream: "", start: at(t)))
        assertStatus(.invalidKey, try B.build(key: "12345678901234567890123456789012", stream: "s", start: at(t)))
    }

    func testMethodD() throws {
        XCTAssertEqual(D.maxLength, 89)
        XCTAssertEqual(D.maxStart, at(0xffff_ffff))
        XCTAssertEqual(try D.build(key: urlKey, stream: "s", start: D.maxStart).utf8.count, D.maxLength)
        assertStatus(.invalidArgument, try D.build(key: urlKey, stream: "s", start: D.maxStart.addingTimeInterval(1)))
        XCTAssertEqual(D.minStart, at(0x1000_0000))
        XCTAssertEqual(try D.build(key: urlKey, stream: "s", start: D.minStart).utf8.count, D.maxLength)
        assertStatus(.invalidArgument, try D.build(key: urlKey, stream: "s", start: D.minStart.addingTimeInterval(-1)))
        // huawei.url.d, .upper_hex_time; huawei.metastudio.mss_a.
        let query = "hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5eed5888"
        let t: UInt64 = 0x5eed_5888
        XCTAssertEqual(try D.build(key: urlKey, stream: "huawei1", start: at(t)), query)
        XCTAssertEqual(try D.build(key: "0123456789abcdef0123456789abcdef", stream: "/callback/live-event", start: at(0x6553_f100)),
                       "hwSecret=6a31d8b4c39e18510fb5d73ca49f3af2748cbe4896dc6f500a6a51ff2ad81288&hwTime=6553f100")
        let key = try HmacKey(key: urlKey), other = try HmacKey(key: otherURLKey)
        XCTAssertEqual(try D.build(key: key, stream: "huawei1", start: at(t)), query)
        let url = "rtmp://push.example.com/livetest/huawei1?\(query)"
        XCTAssertEqual(try D.verify(keys: [otherURLKey, urlKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t)), 1)
        XCTAssertEqual(try D.verify(keys: [other, key], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 59)), 1)
        // Huawei's strict rule: expired at hwTime + duration.
        assertStatus(.expired, try D.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 60)))
        assertStatus(.expired, try D.verify(keys: [key], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 60)))
        XCTAssertEqual(try D.verify(keys: [key], stream: "huawei1", url: url, durationSeconds: 60, now: at(t + 60), leewaySeconds: 1), 0)
        assertStatus(.signatureMismatch, try D.verify(keys: [other], stream: "huawei1", url: url, durationSeconds: 60, now: at(t)))
        assertStatus(.signatureMismatch, try D.verify(keys: [urlKey], stream: "huawei2", url: url, durationSeconds: 60, now: at(t)))
        let upper = "/livetest/huawei1?hwSecret=079510189b3a054a00aa86e0b66d16d860f1c2755c664cc7c30c1bfec04b145b&hwTime=5EED5888"
        XCTAssertEqual(try D.verify(keys: [key], stream: "huawei1", url: upper, durationSeconds: 60, now: at(t)), 0)
        XCTAssertEqual(try D.verify(keys: [urlKey], stream: "huawei1", url: upper, durationSeconds: 60, now: at(t)), 0)
        let mixed = "/livetest/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5EED5888"
        assertStatus(.signatureMismatch, try D.verify(keys: [key], stream: "huawei1", url: mixed, durationSeconds: 60, now: at(t)))
        assertStatus(.invalidArgument, try D.verify(keys: [HmacKey](), stream: "huawei1", url: url, durationSeconds: 60, now: at(t)))
        assertStatus(.invalidArgument, try D.verify(keys: Array(repeating: key, count: 9), stream: "huawei1", url: url,
                                                    durationSeconds: 60, now: at(t)))
        assertStatus(.invalidArgument, try D.verify(keys: [urlKey], stream: "huawei1", url: url, durationSeconds: 2_592_001, now: at(t)))
        // huawei1 + 5eed5888 is also huawei15 + eed5888 (1977): malformed whatever the leeway.
        let recut = "/livetest/huawei15?\(query.dropLast(8))eed5888"
        assertStatus(.malformed, try D.verify(keys: [urlKey], stream: "huawei15", url: recut, durationSeconds: 60, now: at(t),
                                              leewaySeconds: .max))
        assertStatus(.malformed, try D.verify(keys: [key], stream: "huawei15", url: recut, durationSeconds: 60, now: at(t),
                                              leewaySeconds: .max))
        assertStatus(.invalidArgument, try D.build(key: urlKey, stream: "", start: at(t)))
        assertStatus(.invalidArgument, try D.build(key: key, stream: "s", start: at(1)))
        assertStatus(.invalidKey, try D.build(key: String(urlKey.dropLast()), stream: "s", start: at(t)))
        assertStatus(.invalidKey, try D.build(key: try HmacKey(key: String(urlKey.dropLast())), stream: "s", start: at(t)))
    }
}

final class HuaweiRecordTests: XCTestCase {
    typealias R = Livesign.Huawei.Record
    let key = "abcdefghijklmnopqrstuvwxyz012345"

    func testHmacSha256AndMd5() throws {
        XCTAssertEqual(R.md5Length, 32)
        XCTAssertEqual(R.keyMinLength, 32)
        // huawei.record.hmacsha256.
        let f = R.Fields(authTimestamp: 1_700_000_000, eventType: "RECORD_FILE_COMPLETE", publishDomain: "push.example.com", app: "live",
                         stream: "mystream", downloadURL: "https://bucket.obs.example.com/live/mystream/1700000000.m3u8",
                         playURL: "https://play.example.com/live/mystream/1700000000.m3u8")
        let want = "c9f9000be42046a17e4934a9d005a207860869499ecb107742b8e6794f750f76"
        XCTAssertEqual(try R.sign(key: key, fields: f), want)
        let loaded = try HmacKey(key: key)
        XCTAssertEqual(try R.sign(key: loaded, fields: f), want)
        try R.verify(key: key, fields: f, sign: want, now: at(1_700_000_000))
        try R.verify(key: loaded, fields: f, sign: want, now: at(1_700_000_300))
        assertStatus(.expired, try R.verify(key: key, fields: f, sign: want, now: at(1_700_000_301)))
        assertStatus(.expired, try R.verify(key: loaded, fields: f, sign: want, now: at(1_700_000_001), leewaySeconds: 0))
        var tampered = f
        tampered.playURL = "https://evil.example.com/x.m3u8"
        assertStatus(.signatureMismatch, try R.verify(key: key, fields: tampered, sign: want, now: at(1_700_000_000)))
        assertStatus(.signatureMismatch, try R.verify(key: loaded, fields: tampered, sign: want, now: at(1_700_000_000)))
        // Events without a file sign empty URLs.
        let over = R.Fields(authTimestamp: 1_700_000_000, eventType: "RECORD_OVER", publishDomain: "push.example.com", app: "live",
                            stream: "mystream")
        try R.verify(key: loaded, fields: over, sign: try R.sign(key: key, fields: over), now: at(1_700_000_000))
        assertStatus(.malformed, try R.verify(key: key, fields: f, sign: "c9f9", now: at(1_700_000_000)))
        assertStatus(.invalidKey, try R.sign(key: String(key.dropFirst()), fields: f))
        // authTimestamp has exactly 10 digits: 1700000000 + RECORD_FILE_COMPLETE is also
        // 170000000 + 0RECORD_FILE_COMPLETE (1975), which a leeway of decades would reach.
        var moved = f
        moved.authTimestamp = 170_000_000
        moved.eventType = "0RECORD_FILE_COMPLETE"
        assertStatus(.malformed, try R.verify(key: key, fields: moved, sign: want, now: at(1_700_000_000), leewaySeconds: .max))
        assertStatus(.malformed, try R.verify(key: loaded, fields: moved, sign: want, now: at(1_700_000_000), leewaySeconds: .max))
        assertStatus(.invalidArgument, try R.sign(key: key, fields: moved))
        assertStatus(.invalidArgument, try R.sign(key: loaded, fields: moved))
        // huawei.record.md5.
        XCTAssertEqual(try R.md5Sign(key: key, authTimestamp: 1_700_000_000), "61ce739aaac2390ef2d17ddac72beff0")
        try R.md5Verify(key: key, authTimestamp: 1_700_000_000, sign: "61CE739AAAC2390EF2D17DDAC72BEFF0", now: at(1_700_000_300))
        assertStatus(.expired, try R.md5Verify(key: key, authTimestamp: 1_700_000_000, sign: "61ce739aaac2390ef2d17ddac72beff0",
                                               now: at(1_700_000_301)))
        assertStatus(.signatureMismatch, try R.md5Verify(key: key, authTimestamp: 1_700_000_001, sign: "61ce739aaac2390ef2d17ddac72beff0",
                                                         now: at(1_700_000_001)))
        assertStatus(.invalidKey, try R.md5Sign(key: String(key.dropFirst()), authTimestamp: 1))
    }

    func testSparkRTC() throws {
        typealias S = Livesign.Huawei.SparkRTC
        // tests/vectors/others.json huawei.sparkrtc.record_callback.
        let sparkKey = "sparkrtc-callback-key-0123456789"
        let b = Data(#"{"event":"record"}"#.utf8)
        let sig = "f9f4a473c59739296d9892163bb61a04e27bbbf6a15d6d5441687e6d93ec585b"
        XCTAssertEqual(try S.sign(key: sparkKey, rand: "8f1c2b", timestamp: "1700000000", body: b), sig)
        let loaded = try HmacKey(key: sparkKey)
        XCTAssertEqual(try S.sign(key: loaded, rand: "8f1c2b", timestamp: "1700000000", body: b), sig)
        try S.verify(key: sparkKey, rand: "8f1c2b", timestamp: "1700000000", body: b, signature: sig, now: at(1_700_000_300))
        assertStatus(.expired, try S.verify(key: loaded, rand: "8f1c2b", timestamp: "1700000000", body: b, signature: sig,
                                            now: at(1_700_000_301)))
        assertStatus(.signatureMismatch, try S.verify(key: loaded, rand: "8f1c2b", timestamp: "1700000000", body: Data("{}".utf8),
                                                      signature: sig, now: at(1_700_000_000)))
        assertStatus(.signatureMismatch, try S.verify(key: sparkKey, rand: "8f1c2c", timestamp: "1700000000", body: b, signature: sig,
                                                      now: at(1_700_000_000)))
        // A send time: refused more than the leeway ahead too.
        try S.verify(key: loaded, rand: "8f1c2b", timestamp: "1700000000", body: b, signature: sig, now: at(1_699_999_700))
        assertStatus(.expired, try S.verify(key: loaded, rand: "8f1c2b", timestamp: "1700000000", body: b, signature: sig,
                                            now: at(1_699_999_699)))
        // A millisecond timestamp.
        let ms = try S.sign(key: loaded, rand: "r", timestamp: "1700000000123", body: b)
        try S.verify(key: sparkKey, rand: "r", timestamp: "1700000000123", body: b, signature: ms, now: at(1_700_000_000))
        assertStatus(.expired, try S.verify(key: sparkKey, rand: "r", timestamp: "1700000000123", body: b, signature: ms,
                                            now: at(1_700_000_301)))
        assertStatus(.malformed, try S.verify(key: sparkKey, rand: "r", timestamp: "17x", body: b, signature: ms, now: at(1)))
        assertStatus(.invalidArgument, try S.sign(key: sparkKey, rand: "r", timestamp: "17x", body: b))
        assertStatus(.invalidKey, try S.sign(key: "", rand: "r", timestamp: "1700000000", body: b))
        // Only 10 digits (seconds) or 13 (milliseconds) are a timestamp.
        assertStatus(.invalidArgument, try S.sign(key: sparkKey, rand: "r", timestamp: "17000000000", body: b))
        assertStatus(.malformed, try S.verify(key: sparkKey, rand: "r", timestamp: "17000000000", body: b, signature: ms,
                                              now: at(1_700_000_000)))
        // A pinned unit: three rand digits moved in front of a seconds timestamp read, by
        // length, as milliseconds and verify about 20 days later; in one unit they do not.
        let replay = try S.sign(key: loaded, rand: "20231170", timestamp: "1700000000", body: b)
        try S.verify(key: loaded, rand: "20231", timestamp: "1701700000000", body: b, signature: replay, now: at(1_701_700_000))
        // Huawei sending seconds, a receiver that says so refuses it (13 digits are no seconds).
        assertStatus(.malformed, try S.verify(key: loaded, rand: "20231", timestamp: "1701700000000", body: b, signature: replay,
                                              unit: .seconds, now: at(1_701_700_000)))
        assertStatus(.malformed, try S.verify(key: sparkKey, rand: "20231", timestamp: "1701700000000", body: b,
                                              signature: replay, unit: .seconds, now: at(1_701_700_000)))
        // A digit moved the other way leaves 9 (1992 in seconds, inside a leeway of decades):
        // its length refuses it, whatever the leeway.
        assertStatus(.malformed, try S.verify(key: sparkKey, rand: "202311701", timestamp: "700000000", body: b,
                                              signature: replay, unit: .seconds, now: at(1_700_000_000),
                                              leewaySeconds: .max))
        try S.verify(key: sparkKey, rand: "20231170", timestamp: "1700000000", body: b, signature: replay, unit: .seconds,
                     now: at(1_700_000_000))
        // A seconds timestamp (10 digits) is no milliseconds one.
        assertStatus(.malformed, try S.verify(key: sparkKey, rand: "20231170", timestamp: "1700000000", body: b,
                                              signature: replay, unit: .milliseconds, now: at(1_700_000_000)))
        try S.verify(key: loaded, rand: "r", timestamp: "1700000000123", body: b, signature: ms, unit: .milliseconds,
                     now: at(1_700_000_000))
        XCTAssertEqual(S.Unit.allCases.map(\.rawValue), [0, 1, 2])
    }
}
