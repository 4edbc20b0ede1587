import Foundation
import XCTest

@testable import Livesign

typealias CSS = Livesign.Tencent
private let key = "5d41402abc4b2a76b9719d911017c592"
private let t: UInt64 = 1_471_850_187

private func at(_ unix: UInt64) -> Date { Date(timeIntervalSince1970: TimeInterval(unix)) }

private func assertStatus<R>(_ expected: LivesignError, _ call: @autoclosure () throws -> R, file: StaticString = #filePath,
                             line: UInt = #line) {
    XCTAssertThrowsError(try call(), file: file, line: line) {
        XCTAssertEqual($0 as? LivesignError, expected, file: file, line: line)
    }
}

final class JsonUnescapeTests: XCTestCase {
    func testUnescape() throws {
        XCTAssertEqual(try Livesign.jsonUnescape(#"a\"b\u00e9\n"#), "a\"b\u{e9}\n")
        XCTAssertEqual(try Livesign.jsonUnescape(#"\ud83d\ude00"#), "\u{1F600}")
        XCTAssertEqual(try Livesign.jsonUnescape(""), "")
        XCTAssertEqual(try Livesign.jsonUnescape("plain"), "plain")
        assertStatus(.malformed, try Livesign.jsonUnescape(#"\x"#))
        assertStatus(.malformed, try Livesign.jsonUnescape("a\"b"))
        assertStatus(.malformed, try Livesign.jsonUnescape(#"\ud83d"#))
    }
}

final class TencentCallbackTests: XCTestCase {
    // tests/vectors/tx_url.json, callback_sign: (callback key, t, sign).
    let vectors: [(String, UInt64, String)] = [
        ("callbackKey123", 1_703_732_078, "3751b0bc2a028ea73beb2b7b167d2e04"),
        ("e12c46f2612d5106e2034781ab261ca3", 1_700_000_600, "755fc3793eeb6b29071b0f9ea178fcb8"),
    ]
    let types: [CSS.Callback.EventType] = [.streamEnd, .streamBegin, .recordFile, .snapshot, .pornDetection, .recordStatus, .other(12345)]

    func body(_ type: Int64, _ t: UInt64, _ sign: String) -> Data {
        Data(("{\"app\":\"push.example.com\",\"appname\":\"live\",\"stream_id\":\"room_42\",\"channel_id\":\"room_42\","
            + "\"event_type\":\(type),\"t\":\(t),\"sign\":\"\(sign)\",\"node\":\"100.121.160.92\",\"record_event\":{\"k\":[1,2]}}").utf8)
    }

    func testEveryVectorInEveryEventType() throws {
        for (cbKey, t, sign) in vectors {
            XCTAssertEqual(try CSS.sign(key: cbKey, t: t), sign)
            for type in types {
                let b = body(type.code, t, sign)
                let e = try CSS.Callback.verify(key: cbKey, body: b, now: at(t))
                XCTAssertEqual(e, CSS.Callback.Event(eventType: type, t: t, streamId: "room_42", channelId: "room_42",
                                                   app: "push.example.com", appname: "live"))
                XCTAssertEqual(e.expiry, at(t))
                _ = try CSS.Callback.verify(key: cbKey, body: b, now: at(t - 600))
                _ = try CSS.Callback.verify(key: cbKey, body: b, now: at(t + 3), leewaySeconds: 3)
                assertStatus(.expired, try CSS.Callback.verify(key: cbKey, body: b, now: at(t + 1)))
                assertStatus(.signatureMismatch, try CSS.Callback.verify(key: "wrong", body: b, now: at(t + 99)))
                assertStatus(.malformed, try CSS.Callback.verify(key: cbKey, body: b.dropLast(), now: at(t)))
                assertStatus(.invalidKey, try CSS.Callback.verify(key: "", body: b, now: at(t)))
            }
            let bare = try CSS.Callback.verify(key: cbKey, body: Data("{\"t\":\"\(t)\",\"sign\":\"\(sign)\"}".utf8), now: at(t))
            XCTAssertEqual(bare, CSS.Callback.Event(eventType: .none, t: t, streamId: nil, channelId: nil, app: nil, appname: nil))
            assertStatus(.signatureMismatch, try CSS.Callback.verify(key: cbKey, body: Data("{\"t\":\(t + 1),\"sign\":\"\(sign)\"}".utf8),
                                                                   now: at(t)))
        }
    }

    func testEventTypes() {
        XCTAssertEqual([-1, 0, 1, 100, 200, 317, 332, 7].map { CSS.Callback.EventType(code: $0) },
                       [.none, .streamEnd, .streamBegin, .recordFile, .snapshot, .pornDetection, .recordStatus, .other(7)])
        XCTAssertEqual(CSS.Callback.EventType.other(7).code, 7)
    }

    func testEscapesAndFields() throws {
        let b = Data((#"{"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","stream_id":"a\"b\u00e9","appname":"","#
            + #""output":{"x":[1]},"n":-2.5}"#).utf8)
        let e = try CSS.Callback.verify(key: "callbackKey123", body: b, now: at(1_703_732_078))
        XCTAssertEqual(e.streamId, "a\"b\u{e9}")
        XCTAssertEqual(e.appname, "")
        XCTAssertNil(e.app)
        XCTAssertEqual(try CSS.Callback.field(b, name: "output"), #"{"x":[1]}"#)
        XCTAssertEqual(try CSS.Callback.field(b, name: "n"), "-2.5")
        XCTAssertEqual(try CSS.Callback.field(b, name: "stream_id"), #""a\"b\u00e9""#)
        XCTAssertNil(try CSS.Callback.field(b, name: "absent"))
        assertStatus(.malformed, try CSS.Callback.field(Data(#"{"a":1,"a":2}"#.utf8), name: "a"))
        assertStatus(.malformed, try CSS.Callback.verify(key: "k", body: Data(#"{"t":1,"sign":"x","t":1}"#.utf8), now: at(0)))
        // The default clock: t = 2^64 - 1 never expires.
        let far = Data("{\"t\":18446744073709551615,\"sign\":\"\(try CSS.sign(key: "k", t: .max))\"}".utf8)
        XCTAssertEqual(try CSS.Callback.verify(key: "k", body: far).t, .max)
    }
}

final class TencentURLTests: XCTestCase {
    typealias U = Livesign.Tencent.StreamURL
    // tests/vectors/tx_url.json, url_auth: key, stream, expiry, txTime, txSecret, url.
    let vectors: [(String, String, UInt64, String, String, String)] = [
        ("e12c46f2612d5106e2034781ab261ca3", "test", 1_546_064_025, "5C271099", "f85a2ab363fe4deaffef9754d79da6fe",
         "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"),
        ("a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1_700_003_600, "6553ff10", "ba6d0c18cf0473267061c1b25584113a",
         "https://play.example.com/live/1400000000_anchor01.flv?txSecret=ba6d0c18cf0473267061c1b25584113a&txTime=6553ff10"),
        ("a3f5c0e1b2d4968778695a4b3c2d1e0f", "1400000000_anchor01", 1_700_003_600, "6553FF10", "9b29c9eb8c198370fe20ce847625da32",
         "rtmp://push.example.com/live/1400000000_anchor01?txSecret=9b29c9eb8c198370fe20ce847625da32&txTime=6553FF10"),
        ("backupKey2024", "room_42", 1_735_689_600, "1735689600", "7f591de95b717ef469e88ea132dc8c1e",
         "rtmp://push.example.com/live/room_42?txSecret=7f591de95b717ef469e88ea132dc8c1e&txTime=1735689600"),
    ]

    func testVectors() throws {
        XCTAssertEqual(U.secretLength, 32)
        for (key, stream, expiry, txTime, secret, url) in vectors {
            XCTAssertEqual(try U.secret(key: key, stream: stream, txTime: txTime), secret)
            XCTAssertEqual(try U.verify(keys: ["old-primary", key], url: url, now: at(expiry)),
                           U.Info(app: "live", streamName: stream, txTime: txTime, expiry: at(expiry), validUntil: at(expiry), keyIndex: 1))
            let path = String(url[url.range(of: "/live/")!.lowerBound...])
            XCTAssertEqual(try U.verify(keys: [key], url: path, now: at(expiry)).keyIndex, 0)
            assertStatus(.expired, try U.verify(keys: ["old-primary", key], url: url, now: at(expiry + 1)))
            XCTAssertEqual(try U.verify(keys: [key], url: url, validForSeconds: 30, now: at(expiry + 30)).validUntil, at(expiry + 30))
            _ = try U.verify(keys: [key], url: url, now: at(expiry + 5), leewaySeconds: 5)
            assertStatus(.signatureMismatch, try U.verify(keys: ["old-primary"], url: url, now: at(expiry + 99)))
            // In its own txTime form the URL verifies the same; in the other single form it is malformed.
            let (own, other): (U.TxTimeForm, U.TxTimeForm) = txTime.utf8.count == 10 ? (.decimal, .hex) : (.hex, .decimal)
            XCTAssertEqual(try U.verify(keys: ["old-primary", key], url: url, txTimeForm: own, now: at(expiry)),
                           try U.verify(keys: ["old-primary", key], url: url, now: at(expiry)))
            XCTAssertEqual(try U.verify(keys: [key], url: url, txTimeForm: .hexOrDecimal, now: at(expiry)).txTime, txTime)
            assertStatus(.malformed, try U.verify(keys: [key], url: url, txTimeForm: other, now: at(expiry)))
            assertStatus(.expired, try U.verify(keys: [key], url: url, txTimeForm: own, now: at(expiry + 1)))
        }
        // The builder writes uppercase hex txTime: vectors 0 and 2 (RTMP).
        XCTAssertEqual(try U.build(kind: .rtmp, domain: "livepush.tcloud.com", app: "live", stream: "test", key: vectors[0].0,
                                   expiry: at(1_546_064_025)), vectors[0].5)
        XCTAssertEqual(try U.build(kind: .rtmp, domain: "push.example.com", app: "live", stream: "1400000000_anchor01",
                                   key: vectors[2].0, expiry: at(1_700_003_600)), vectors[2].5)
        XCTAssertEqual(U.buildLength(kind: .rtmp, domain: "livepush.tcloud.com", app: "live", stream: "test", expiry: at(1_546_064_025)),
                       vectors[0].5.utf8.count)
    }

    func testEveryKindRoundTrips() throws {
        let prefixes = ["rtmp://", "webrtc://", "https://", "https://"]
        for (kind, prefix) in zip(U.Kind.allCases, prefixes) {
            let url = try U.build(kind: kind, domain: "play.example.com", app: "live", stream: "s_1", key: "k", expiry: U.maxExpiry)
            XCTAssertTrue(url.hasPrefix(prefix), url)
            XCTAssertEqual(url.utf8.count, U.buildLength(kind: kind, domain: "play.example.com", app: "live", stream: "s_1",
                                                         expiry: U.maxExpiry))
            // The default clock: maxExpiry is in year 2106.
            let info = try U.verify(keys: ["k"], url: url)
            XCTAssertEqual(info, U.Info(app: "live", streamName: "s_1", txTime: "FFFFFFFF", expiry: U.maxExpiry,
                                        validUntil: U.maxExpiry, keyIndex: 0))
        }
        let n = String(repeating: "n", count: 256)
        // DNS allows no domain label over 63 characters and no name over 253: labels and a port.
        let label = String(repeating: "d", count: 63)
        let d = "\(label).\(label).\(label).\(label.dropFirst(2)):80"
        XCTAssertEqual(d.utf8.count, 256)
        let longest = U.Kind.allCases.map { U.buildLength(kind: $0, domain: d, app: n, stream: n, expiry: U.maxExpiry) }
        XCTAssertEqual(longest.max(), U.maxLength)
        XCTAssertEqual(try U.build(kind: .hls, domain: d, app: n, stream: n, key: "k", expiry: U.maxExpiry).utf8.count, U.maxLength)
        XCTAssertTrue(try U.build(kind: .flv, domain: "h", app: "live", stream: "s", key: "k", expiry: U.minExpiry)
            .hasSuffix("/live/s.flv?txSecret=\(try U.secret(key: "k", stream: "s", txTime: "10000000"))&txTime=10000000"))
        XCTAssertTrue(try U.build(kind: .hls, domain: "h", app: "live", stream: "s", key: "k", expiry: at(1_546_064_025))
            .contains("/live/s.m3u8?"))
    }

    func testErrors() {
        let tooLate = U.maxExpiry.addingTimeInterval(1)
        XCTAssertEqual(U.buildLength(kind: .rtmp, domain: "h", app: "a", stream: "s", expiry: tooLate), 0)
        assertStatus(.invalidArgument, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s.flv", key: "k",
                                                   expiry: at(1_546_064_025)))
        assertStatus(.invalidArgument, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s", key: "k", expiry: tooLate))
        // Dates past UInt64 seconds saturate, and are refused like any expiry past maxExpiry.
        let never = Date(timeIntervalSince1970: 1e30)
        assertStatus(.invalidArgument, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s", key: "k", expiry: never))
        assertStatus(.invalidKey, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s", key: "", expiry: at(1_546_064_025)))
        // txTime has exactly 8 hex digits: a shorter one would be a re-cut of another stream's URL
        // (room1a + 6553FF10 as room1a6 + 553FF10, 1972), which a window of decades would reach.
        XCTAssertEqual(U.minExpiry, at(0x1000_0000))
        let tooEarly = U.minExpiry.addingTimeInterval(-1)
        XCTAssertEqual(U.buildLength(kind: .rtmp, domain: "h", app: "a", stream: "s", expiry: tooEarly), 0)
        assertStatus(.invalidArgument, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s", key: "k", expiry: tooEarly))
        assertStatus(.invalidArgument, try U.build(kind: .rtmp, domain: "h", app: "live", stream: "s", key: "k", expiry: at(1)))
        assertStatus(.malformed, try U.secret(key: "k", stream: "room1a6", txTime: "553FF10"))
        let recut = "/live/room1a6?txSecret=\((try? U.secret(key: "k", stream: "room1a", txTime: "6553FF10")) ?? "")&txTime=553FF10"
        assertStatus(.malformed, try U.verify(keys: ["k"], url: recut, validForSeconds: .max, now: at(1_700_000_000),
                                              leewaySeconds: .max))
        assertStatus(.malformed, try U.verify(keys: ["k"], url: recut, txTimeForm: .hex, validForSeconds: .max,
                                              now: at(1_700_000_000), leewaySeconds: .max))
        assertStatus(.malformed, try U.verify(keys: ["k"], url: "rtmp://h/live/s?txTime=1"))
        assertStatus(.malformed, try U.verify(keys: ["k"], url: "rtmp://h/s?txSecret=x&txTime=1"))
        assertStatus(.invalidKey, try U.verify(keys: [""], url: "rtmp://h/live/s?txTime=1"))
        assertStatus(.invalidArgument, try U.verify(keys: [], url: "rtmp://h/live/s"))
        assertStatus(.invalidArgument, try U.verify(keys: (1...9).map { "k\($0)" }, url: "rtmp://h/live/s"))
        assertStatus(.malformed, try U.secret(key: "k", stream: "s", txTime: "xyz"))
        assertStatus(.invalidKey, try U.secret(key: "", stream: "s", txTime: "5C271099"))
    }
}

final class TencentAPITests: XCTestCase {
    typealias A = Livesign.Tencent.API
    let want = "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_SetStatus&t=1471850187"
        + "&sign=b17971b51ba0fe5916ddcd96692e9fb3&Param.s.channel_id=8888_test123&Param.n.status=0"

    func testBuild() throws {
        XCTAssertEqual(try A.build(command: .liveChannelSetStatus, appid: 1234, key: key, expiry: at(t),
                                   params: [A.Param("channel_id", "8888_test123"), .number("status", 0)]), want)
        XCTAssertEqual(try A.build(command: .liveChannelSetStatus, appid: 1234, key: key, expiry: at(t),
                                   params: [.string("channel_id", "8888_test123"), .number("status", digits: "0")]), want)
        XCTAssertEqual(try A.build(command: .liveChannelGetLiveChannelList, appid: 1234, key: key, expiry: at(t)),
                       "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_GetLiveChannelList"
                           + "&t=1471850187&sign=b17971b51ba0fe5916ddcd96692e9fb3")
        XCTAssertTrue(try A.build(command: .getLiveStat, appid: 7, key: key, expiry: at(t), base: "http://proxy/common_access")
            .hasPrefix("http://proxy/common_access?cmd=7&interface=Get_LiveStat&t=1471850187&sign="))
        XCTAssertTrue(try A.build(command: .liveTapeStart, appid: 1, key: key, expiry: at(t),
                                  params: [A.Param("a b", "x&y=é"), A.Param("e", "")])
            .hasSuffix("&Param.s.a%20b=x%26y%3D%C3%A9&Param.s.e="))
        _ = try A.build(command: .getLiveStat, appid: 1, key: key, expiry: at(1),
                        params: Array(repeating: .number("n", 1), count: A.maxParams))
    }

    func testBuildErrors() {
        assertStatus(.invalidArgument, try A.build(command: .liveChannelSetStatus, appid: 1, key: key, expiry: at(1),
                                                   params: [.number("status", digits: "x")]))
        assertStatus(.invalidArgument, try A.build(command: .liveChannelSetStatus, appid: 1, key: key, expiry: at(1),
                                                   params: [A.Param("", "x")]))
        assertStatus(.invalidArgument, try A.build(command: .getLiveStat, appid: 1, key: key, expiry: at(1), base: "fcgi.video.qcloud.com"))
        assertStatus(.invalidArgument, try A.build(command: .getLiveStat, appid: 1, key: key, expiry: at(1),
                                                   params: Array(repeating: .number("n", 1), count: A.maxParams + 1)))
        assertStatus(.invalidKey, try A.build(command: .getLiveStat, appid: 1, key: "", expiry: at(1)))
    }

    func testCommands() {
        XCTAssertEqual(A.Command.allCases.count, 15)
        for c in A.Command.allCases {
            XCTAssertEqual(A.Command(interfaceName: c.interfaceName), c)
            let stat = c.interfaceName.hasPrefix("Get_")
            XCTAssertEqual(c.defaultBase, "http://\(stat ? "statcgi" : "fcgi").video.qcloud.com/common_access")
        }
        XCTAssertEqual(A.Command.liveTapeStop.interfaceName, "Live_Tape_Stop")
        XCTAssertEqual(A.Command.mixStreamV2.interfaceName, "Mix_StreamV2")
        XCTAssertNil(A.Command(interfaceName: "Live_Tape_Nope"))
        XCTAssertNil(A.Command(interfaceName: "live_tape_stop"))
    }

    func testResponses() throws {
        let body = #"{"ret":1202,"message":"rate\/limit","output":[{"a":1}]}"#
        let r = try A.readResponse(body)
        XCTAssertEqual(r, A.Response(ret: 1202, retcode: nil, errmsg: nil, message: "rate/limit"))
        XCTAssertEqual(r.code, 1202)
        XCTAssertEqual(try A.field(body, name: "output"), #"[{"a":1}]"#)
        XCTAssertNil(try A.field(body, name: "absent"))
        XCTAssertEqual(try A.readResponse(#"{"retcode":-1,"errmsg":""}"#), A.Response(ret: nil, retcode: -1, errmsg: "", message: nil))
        // Two codes that disagree: the one that is not 0 (never read as success).
        XCTAssertEqual(try A.readResponse(#"{"ret":0,"retcode":20601}"#).code, 20601)
        XCTAssertEqual(try A.readResponse(#"{"ret":1001,"retcode":1202}"#).code, 1001)
        XCTAssertEqual(try A.readResponse(#"{"ret":0,"retcode":0}"#).code, 0)
        assertStatus(.malformed, try A.readResponse(#"{"ret":0,"ret":1}"#))
        assertStatus(.malformed, try A.readResponse("{}"))
        assertStatus(.malformed, try A.readResponse(#"{"ret":"0"}"#))
    }
}

final class TencentErrorTests: XCTestCase {
    func testCatalog() throws {
        for code: Int64 in [0, 1000, 1001, 1201, 1202, 1204, 1301, 10003, 20601] {
            let e = try XCTUnwrap(CSS.errorInfo(code: code))
            XCTAssertEqual(e.code, code)
            XCTAssertEqual(e.source, .code)
            XCTAssertFalse(e.meaning.isEmpty)
        }
        for m in ["appid is invalid", "cmd is invalid", "sign invalid", "time expired"] {
            let e = try XCTUnwrap(CSS.errorInfo(message: m))
            XCTAssertEqual(e.source, .message)
            XCTAssertEqual(e.message, m)
        }
        let forbidden = try XCTUnwrap(CSS.errorInfo(httpStatus: 403))
        XCTAssertEqual([forbidden.source.rawValue, forbidden.category.rawValue, forbidden.retry.rawValue], [1, 2, 0])
        XCTAssertEqual(forbidden.message, "Forbidden")
        XCTAssertEqual(CSS.errorInfo(httpStatus: 404)?.category, .invalidRequest)
        XCTAssertEqual(CSS.errorInfo(code: 1202)?.category, .rateLimit)
        XCTAssertEqual(CSS.errorInfo(code: 1202)?.retry, .backoff)
        XCTAssertEqual(CSS.errorInfo(code: 0)?.category, .success)
        XCTAssertEqual(CSS.errorInfo(code: 10003)?.category, .noData)
        XCTAssertEqual(CSS.errorInfo(code: 1000)?.category, .notActivated)
        let never = try XCTUnwrap(CSS.errorInfo(code: 20601))
        XCTAssertEqual(never.category, .streamState)
        XCTAssertEqual(never.retry, .later)
        XCTAssertEqual(never.message, "")
        XCTAssertEqual(CSS.errorInfo(message: LivesignError.expired.description)?.retry, .resign)
        XCTAssertEqual(CSS.errorInfo(message: " Internel/System Error ")?.code, 1201)
        XCTAssertEqual(CSS.errorInfo(message: " Internel/System Error ")?.category, .server)
        XCTAssertNil(CSS.errorInfo(code: 42))
        XCTAssertNil(CSS.errorInfo(httpStatus: 500))
        XCTAssertNil(CSS.errorInfo(message: "nope"))
        XCTAssertNil(CSS.errorInfo(message: ""))
    }
}
