import CLivesign
import Foundation

extension Livesign.Huawei {
    /// Recording callbacks: sign type HMACSHA256 (the default) and the insecure MD5 one.
    public enum Record {
        /// Shortest recording callback key, in bytes.
        public static let keyMinLength = Int(LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN)

        /// Length of an MD5 signature.
        public static var md5Length: Int { livesign_huawei_record_md5_len() }

        /// The signed fields of a recording callback; the URLs are empty for events that carry none.
        public struct Fields: Hashable, Sendable {
            public var authTimestamp: UInt64
            public var eventType: String
            public var publishDomain: String
            public var app: String
            public var stream: String
            public var downloadURL: String
            public var playURL: String

            public init(authTimestamp: UInt64, eventType: String, publishDomain: String, app: String, stream: String,
                        downloadURL: String = "", playURL: String = "") {
                self.authTimestamp = authTimestamp
                self.eventType = eventType
                self.publishDomain = publishDomain
                self.app = app
                self.stream = stream
                self.downloadURL = downloadURL
                self.playURL = playURL
            }

            var texts: [String] { [eventType, publishDomain, app, stream, downloadURL, playURL] }
        }

        /// Lowercase hex HMAC-SHA256(key, authTimestamp + eventType + publishDomain + app + stream
        /// + downloadURL + playURL). Throws `.invalidArgument` for an `authTimestamp` that is not 10
        /// digits (`Huawei.minAuthTimestamp` to `Huawei.maxAuthTimestamp`), `.invalidKey` for a key
        /// shorter than `keyMinLength`.
        public static func sign(key: String, fields: Fields) throws -> String {
            try withSlices([key] + fields.texts) { f in
                try fixedText(count: signLength) {
                    livesign_huawei_record_sign(f[0].ptr, f[0].len, fields.authTimestamp, f[1].ptr, f[1].len, f[2].ptr, f[2].len,
                                                f[3].ptr, f[3].len, f[4].ptr, f[4].len, f[5].ptr, f[5].len, f[6].ptr, f[6].len, $0)
                }
            }
        }

        public static func sign(key: HmacKey, fields: Fields) throws -> String {
            try withSlices(fields.texts) { f in
                try fixedText(count: signLength) {
                    livesign_huawei_record_sign_keyed(key.context, fields.authTimestamp, f[0].ptr, f[0].len, f[1].ptr, f[1].len,
                                                      f[2].ptr, f[2].len, f[3].ptr, f[3].len, f[4].ptr, f[4].len, f[5].ptr,
                                                      f[5].len, $0)
                }
            }
        }

        /// Verifies an HMACSHA256 signature over the fields: throws `.malformed` (an `authTimestamp`
        /// that is not 10 digits: a digit moved out of it into `eventType` keeps the signature,
        /// whatever `leewaySeconds`; a `sign` not 64 hex characters), `.signatureMismatch`,
        /// `.expired` (`now > authTimestamp + leewaySeconds`).
        public static func verify(key: String, fields: Fields, sign: String, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withSlices([key] + fields.texts + [sign]) { f in
                livesign_huawei_record_verify(f[0].ptr, f[0].len, fields.authTimestamp, f[1].ptr, f[1].len, f[2].ptr, f[2].len,
                                              f[3].ptr, f[3].len, f[4].ptr, f[4].len, f[5].ptr, f[5].len, f[6].ptr, f[6].len,
                                              f[7].ptr, f[7].len, nowSeconds, leewaySeconds)
            }
            try LivesignError.check(status)
        }

        public static func verify(key: HmacKey, fields: Fields, sign: String, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withSlices(fields.texts + [sign]) { f in
                livesign_huawei_record_verify_keyed(key.context, fields.authTimestamp, f[0].ptr, f[0].len, f[1].ptr, f[1].len,
                                                    f[2].ptr, f[2].len, f[3].ptr, f[3].len, f[4].ptr, f[4].len, f[5].ptr,
                                                    f[5].len, f[6].ptr, f[6].len, nowSeconds, leewaySeconds)
            }
            try LivesignError.check(status)
        }

        /// Sign type MD5: lowercase hex MD5(key + authTimestamp). It signs no body field; prefer
        /// HMACSHA256.
        public static func md5Sign(key: String, authTimestamp: UInt64) throws -> String {
            try withBytes(key) { k, kl in
                try fixedText(count: md5Length) { livesign_huawei_record_md5_sign(k, kl, authTimestamp, $0) }
            }
        }

        public static func md5Verify(key: String, authTimestamp: UInt64, sign: String, now: Date = Date(),
                                     leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withSlices([key, sign]) { f in
                livesign_huawei_record_md5_verify(f[0].ptr, f[0].len, authTimestamp, f[1].ptr, f[1].len, nowSeconds,
                                                  leewaySeconds)
            }
            try LivesignError.check(status)
        }
    }

    /// SparkRTC (Huawei RTC) recording callbacks: `X-Rtc-Signature` = lowercase hex
    /// HMAC-SHA256(key, X-Rtc-Rand + X-Rtc-Timestamp + raw body).
    public enum SparkRTC {
        /// The signature for the `X-Rtc-Rand` and `X-Rtc-Timestamp` headers and the body. Throws
        /// `.invalidArgument` for a timestamp that is not 10 digits (seconds) or 13 (milliseconds).
        public static func sign(key: String, rand: String, timestamp: String, body: Data) throws -> String {
            try withSlices([key, rand, timestamp]) { f in
                try withBytes(body) { b, bl in
                    try fixedText(count: signLength) {
                        livesign_huawei_sparkrtc_sign(f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len, b, bl, $0)
                    }
                }
            }
        }

        public static func sign(key: HmacKey, rand: String, timestamp: String, body: Data) throws -> String {
            try withSlices([rand, timestamp]) { f in
                try withBytes(body) { b, bl in
                    try fixedText(count: signLength) {
                        livesign_huawei_sparkrtc_sign_keyed(key.context, f[0].ptr, f[0].len, f[1].ptr, f[1].len, b, bl, $0)
                    }
                }
            }
        }

        /// The unit `X-Rtc-Timestamp` is read in, which Huawei does not document.
        public enum Unit: UInt32, CaseIterable, Sendable {
            /// Seconds with 10 digits, milliseconds with 13.
            case either = 0
            /// Seconds: 10 digits only.
            case seconds = 1
            /// Milliseconds: 13 digits only.
            case milliseconds = 2
        }

        /// Verifies `X-Rtc-Signature` (`signature`); the timestamp is read in `unit` (by
        /// default by its length: Unix seconds with 10 digits, milliseconds with 13). Pass the
        /// unit Huawei sends you: read by length, three rand digits moved in front of a seconds
        /// timestamp re-read as milliseconds and verify about 20 days later (a replay); in one
        /// unit every re-cut timestamp has the wrong length. Throws `.malformed` (also for a
        /// timestamp of another length), `.signatureMismatch`, `.expired` (more than
        /// `leewaySeconds` before or after `now`).
        public static func verify(key: String, rand: String, timestamp: String, body: Data, signature: String,
                                  unit: Unit = .either, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withSlices([key, rand, timestamp, signature]) { f in
                withBytes(body) { b, bl in
                    unit == .either
                        ? livesign_huawei_sparkrtc_verify(f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len, b, bl,
                                                          f[3].ptr, f[3].len, nowSeconds, leewaySeconds)
                        : livesign_huawei_sparkrtc_verify_unit(f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len,
                                                               b, bl, f[3].ptr, f[3].len, unit.rawValue, nowSeconds,
                                                               leewaySeconds)
                }
            }
            try LivesignError.check(status)
        }

        public static func verify(key: HmacKey, rand: String, timestamp: String, body: Data, signature: String,
                                  unit: Unit = .either, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withSlices([rand, timestamp, signature]) { f in
                withBytes(body) { b, bl in
                    unit == .either
                        ? livesign_huawei_sparkrtc_verify_keyed(key.context, f[0].ptr, f[0].len, f[1].ptr, f[1].len, b, bl,
                                                                f[2].ptr, f[2].len, nowSeconds, leewaySeconds)
                        : livesign_huawei_sparkrtc_verify_unit_keyed(key.context, f[0].ptr, f[0].len, f[1].ptr, f[1].len,
                                                                     b, bl, f[2].ptr, f[2].len, unit.rawValue, nowSeconds,
                                                                     leewaySeconds)
                }
            }
            try LivesignError.check(status)
        }
    }
}
