import Foundation
import XCTest

@testable import Livesign

final class TrtcTests: XCTestCase {
    typealias T = Livesign.Trtc
    let body = Data("{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}".utf8)
    let sign = "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo="

    func testRestURL() throws {
        let url = try T.restURL(service: "group_open_http_svc", command: "create_group", sdkappid: 1_400_000_000,
                                identifier: "admin", usersig: "eJw*-A__", random: 99_999_999)
        XCTAssertEqual(url, "https://console.tim.qq.com/v4/group_open_http_svc/create_group?sdkappid=1400000000&identifier=admin&usersig=eJw*-A__&random=99999999&contenttype=json")
        XCTAssertThrowsError(try T.restURL(service: "a/b", command: "c", sdkappid: 1, identifier: "a", usersig: "eJw_", random: 1)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        let name = String(repeating: "n", count: 256), blanks = String(repeating: " ", count: 256)
        // DNS allows no host label over 63 characters and no name over 253: labels and a port.
        let label = String(repeating: "h", count: 63)
        let host = "\(label).\(label).\(label).\(label.dropFirst(2)):80"
        XCTAssertEqual(host.utf8.count, 256)
        let longest = try T.restURL(service: name, command: name, sdkappid: .max, identifier: blanks,
                                    usersig: String(repeating: "A", count: 4180), random: .max, host: host)
        XCTAssertEqual(longest.utf8.count, T.restURLMaxLength)
        XCTAssertEqual(T.restURLMaxLength, 5815)
    }

    func testEnvelope() throws {
        let ok = #"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"Id-1","GroupId":"@TGS#1"}"#
        XCTAssertEqual(try T.parseResponse(ok), T.RestResponse(actionStatus: .ok, errorCode: 0, errorInfo: "", requestId: "Id-1"))
        XCTAssertEqual(try T.responseField(ok, name: "GroupId"), "\"@TGS#1\"")
        XCTAssertNil(try T.responseField(ok, name: "Absent"))
        let fail = #"{"ActionStatus":"FAIL","ErrorInfo":"rate limited","ErrorCode":60007,"RequestId":"x"}"#
        let r = try T.parseResponse(fail)
        XCTAssertFalse(r.isOK)
        XCTAssertEqual(r.errorCode, 60007)
        XCTAssertEqual(T.errorRetry(code: 60007), .backoff)
        XCTAssertEqual(T.errorCategory(code: 60007), .rateLimit)
        XCTAssertEqual(T.errorRetry(code: 60003), .never)
        XCTAssertFalse(T.errorMessage(code: 60003).isEmpty)
        // Chat's account_import answers without RequestId: it reads as empty.
        XCTAssertEqual(try T.parseResponse(#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#), T.RestResponse(actionStatus: .ok, errorCode: 0, errorInfo: "", requestId: ""))
        XCTAssertThrowsError(try T.parseResponse(#"{"ActionStatus":"OK"}"#)) { XCTAssertEqual($0 as? LivesignError, .malformed) }
        // ErrorInfo and RequestId are text like every parsed field of this API: JSON escapes undone.
        let escaped = #"{"ActionStatus":"FAIL","ErrorInfo":"bad \"UserID\" \u00e9\n","ErrorCode":70107,"RequestId":"a\/b"}"#
        XCTAssertEqual(try T.parseResponse(escaped), T.RestResponse(actionStatus: .fail, errorCode: 70107,
                                                                    errorInfo: "bad \"UserID\" \u{e9}\n", requestId: "a/b"))
    }

    func testCallback() throws {
        XCTAssertEqual(T.Callback.signLength, 44)
        XCTAssertEqual(try T.Callback.sign(key: "123654", body: body), sign)
        try T.Callback.verify(key: "123654", body: body, sign: sign)
        let key = try HmacKey(key: "123654")
        XCTAssertEqual(try T.Callback.sign(key: key, body: body), sign)
        try T.Callback.verify(key: key, body: body, sign: sign)
        var tampered = body
        tampered[5] ^= 1
        XCTAssertThrowsError(try T.Callback.verify(key: "123654", body: tampered, sign: sign)) {
            XCTAssertEqual($0 as? LivesignError, .signatureMismatch)
        }
        XCTAssertEqual(try T.Callback.verifyRing(keys: ["oldkey1", "123654"], body: body, sign: sign), 1)
        let oldKey = try HmacKey(key: "oldkey1")
        XCTAssertEqual(try T.Callback.verifyRing(keys: [oldKey, key], body: body, sign: sign), 1)
        XCTAssertThrowsError(try T.Callback.verifyRing(keys: [oldKey], body: body, sign: sign)) {
            XCTAssertEqual($0 as? LivesignError, .signatureMismatch)
        }
        XCTAssertThrowsError(try T.Callback.verifyRing(keys: [HmacKey](), body: body, sign: sign)) {
            XCTAssertEqual($0 as? LivesignError, .invalidArgument)
        }
        XCTAssertThrowsError(try T.Callback.checkKey("has space")) { XCTAssertEqual($0 as? LivesignError, .invalidKey) }
        XCTAssertEqual(try T.Callback.checkTime(body: body, now: Date(timeIntervalSince1970: 1_615_554_933)), 1_615_554_923_704)
        XCTAssertThrowsError(try T.Callback.checkTime(body: body, now: Date(timeIntervalSince1970: 1_615_555_224))) {
            XCTAssertEqual($0 as? LivesignError, .expired)
        }
    }
}
