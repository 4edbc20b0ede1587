import CLivesign
import Foundation

extension Livesign.Huawei {
    /// Length of a URL validation key: ASCII letters and digits, not all digits and not all letters.
    public static let urlKeyLength = Int(LIVESIGN_HUAWEI_URL_KEY_LEN)
    /// The durations URL validation accepts: 60 s to 30 days.
    public static let urlMinDurationSeconds = UInt32(LIVESIGN_HUAWEI_URL_MIN_DURATION_S)
    public static let urlMaxDurationSeconds = UInt32(LIVESIGN_HUAWEI_URL_MAX_DURATION_S)

    /// How method A writes its time: `1592639100` is valid in both and means two different times.
    public enum TimeFormat: UInt32, Sendable {
        case decimal = 0
        /// Written lowercase, read in either case.
        case hex = 1
    }

    /// URL validation method A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}`.
    public enum URLMethodA {
        /// Longest query `build` writes.
        public static let maxLength = Int(LIVESIGN_HUAWEI_URL_A_MAX_LEN)

        /// The latest `start` `build` writes in hex (`ffffffff`, 2106-02-07): in hex mode, times
        /// are 1 to 8 hex digits, or exactly 10 decimal digits read as decimal.
        public static let maxHexStart = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP))

        /// The query `auth_key=...` for the URL path `uri` (e.g. `/livetest/huawei1.flv`), valid
        /// from `start`. `rand` (Huawei: a UUID without dashes) and `uid` are 1 to 64 ASCII letters
        /// and digits. Throws `.invalidArgument` for a bad uri, rand or uid or a hex `start` after
        /// `maxHexStart`, `.invalidKey` for a key that breaks the key rule.
        public static func build(key: String, uri: String, start: Date, format: TimeFormat, rand: String,
                                 uid: String = "0") throws -> String {
            let startSeconds = try Livesign.unixTime(start)
            return try withSlices([key, uri, rand, uid]) { f in
                try boundedText(max: maxLength) {
                    livesign_huawei_url_a_build(f[0].ptr, f[0].len, f[1].ptr, f[1].len, startSeconds, format.rawValue,
                                                f[2].ptr, f[2].len, f[3].ptr, f[3].len, $0, $1, $2)
                }
            }
        }

        /// Verifies the `auth_key` of a URL (full, or `/path?query`) against a key ring (primary
        /// first); returns the index of the key that matched. Valid while `now <= timestamp +
        /// durationSeconds + leewaySeconds`. Throws `.invalidArgument` (0 or more than 8 keys, a
        /// duration outside 60 s to 30 days), `.invalidKey`, `.malformed`, `.signatureMismatch`,
        /// `.expired`.
        public static func verify(keys: [String], url: String, format: TimeFormat, durationSeconds: UInt32, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Int {
            let nowSeconds = try Livesign.unixTime(now)
            var matched = 0
            let status = withKeyRing(keys) { ring, n in
                withBytes(url) { u, ul in
                    livesign_huawei_url_a_verify(ring, n, u, ul, format.rawValue, nowSeconds, durationSeconds,
                                                 leewaySeconds, &matched)
                }
            }
            try LivesignError.check(status)
            return matched
        }
    }

    /// URL validation method B: `txSecret` = hex MD5(key + stream + txTime), `txTime` = hex start
    /// of validity (Tencent's push URL scheme with Huawei's key rule and validity).
    public enum URLMethodB {
        /// Longest query `build` writes.
        public static let maxLength = Int(LIVESIGN_HUAWEI_URL_B_MAX_LEN)
        /// The latest `start` `build` accepts and `verify` reads in hex (`ffffffff`, 2106-02-07).
        public static let maxStart = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME))
        /// The earliest `start` `build` accepts and `verify` reads (`10000000`, 1978-07-04): `txTime`
        /// has exactly 8 hex digits, so a character moved out of it into the stream name (same
        /// `txSecret`) leaves a malformed time, whatever the leeway.
        public static let minStart = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME))

        /// The query `txSecret=...&txTime=...` for a stream name (`huawei1` in
        /// `http://host/livetest/huawei1.flv`), valid from `start`. Throws `.invalidArgument` for an
        /// empty stream or a start before `minStart` or after `maxStart`, `.invalidKey` for a key
        /// that breaks the key rule.
        public static func build(key: String, stream: String, start: Date) throws -> String {
            let startSeconds = try Livesign.unixTime(start)
            return try withSlices([key, stream]) { f in
                try boundedText(max: maxLength) {
                    livesign_huawei_url_b_build(f[0].ptr, f[0].len, f[1].ptr, f[1].len, startSeconds, $0, $1, $2)
                }
            }
        }

        /// Verifies `txSecret` / `txTime` of a URL for `stream` against a key ring (primary
        /// first); returns the index of the key that matched. Valid while `now < txTime +
        /// durationSeconds + leewaySeconds`. Throws as `URLMethodA.verify`.
        public static func verify(keys: [String], stream: String, url: String, durationSeconds: UInt32, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Int {
            let nowSeconds = try Livesign.unixTime(now)
            var matched = 0
            let status = withKeyRing(keys) { ring, n in
                withSlices([stream, url]) { f in
                    livesign_huawei_url_b_verify(ring, n, f[0].ptr, f[0].len, f[1].ptr, f[1].len, nowSeconds,
                                                 durationSeconds, leewaySeconds, &matched)
                }
            }
            try LivesignError.check(status)
            return matched
        }
    }

    /// URL validation method D: `hwSecret` = hex HMAC-SHA256(key, stream + hwTime), `hwTime` =
    /// hex start of validity. (Huawei MetaStudio's `MSS_A` callback signature is the same with
    /// the callback URL's path as `stream`.)
    public enum URLMethodD {
        /// Longest query `build` writes.
        public static let maxLength = Int(LIVESIGN_HUAWEI_URL_D_MAX_LEN)
        /// The latest `start` `build` accepts and `verify` reads (`ffffffff`, 2106-02-07): 8 hex
        /// digits, so that no stream character can move into `hwTime` under the same secret.
        public static let maxStart = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME))
        /// The earliest `start` `build` accepts and `verify` reads (`10000000`, 1978-07-04): 8 hex
        /// digits too, so that no `hwTime` character can move out into the stream name.
        public static let minStart = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME))

        /// The query `hwSecret=...&hwTime=...` for a stream name, valid from `start`. Throws
        /// `.invalidArgument` for an empty stream or a start before `minStart` or after `maxStart`, `.invalidKey` for a key that breaks the key
        /// rule (only its length can be checked on an `HmacKey`).
        public static func build(key: String, stream: String, start: Date) throws -> String {
            let startSeconds = try Livesign.unixTime(start)
            return try withSlices([key, stream]) { f in
                try boundedText(max: maxLength) {
                    livesign_huawei_url_d_build(f[0].ptr, f[0].len, f[1].ptr, f[1].len, startSeconds, $0, $1, $2)
                }
            }
        }

        public static func build(key: HmacKey, stream: String, start: Date) throws -> String {
            let startSeconds = try Livesign.unixTime(start)
            return try withBytes(stream) { s, sl in
                try boundedText(max: maxLength) {
                    livesign_huawei_url_d_build_keyed(key.context, s, sl, startSeconds, $0, $1, $2)
                }
            }
        }

        /// Verifies `hwSecret` / `hwTime` of a URL for `stream` against a key ring (primary
        /// first); returns the index of the key that matched. Valid while `now < hwTime +
        /// durationSeconds + leewaySeconds`. Throws as `URLMethodA.verify`.
        public static func verify(keys: [String], stream: String, url: String, durationSeconds: UInt32, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Int {
            let nowSeconds = try Livesign.unixTime(now)
            var matched = 0
            let status = withKeyRing(keys) { ring, n in
                withSlices([stream, url]) { f in
                    livesign_huawei_url_d_verify(ring, n, f[0].ptr, f[0].len, f[1].ptr, f[1].len, nowSeconds,
                                                 durationSeconds, leewaySeconds, &matched)
                }
            }
            try LivesignError.check(status)
            return matched
        }

        /// `verify` with loaded keys. Their contexts are copied side by side (as the C function
        /// takes them) and the copies wiped afterwards.
        public static func verify(keys: [HmacKey], stream: String, url: String, durationSeconds: UInt32, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Int {
            let nowSeconds = try Livesign.unixTime(now)
            var matched = 0
            let status = withKeyedRing(keys) { ring, n in
                withSlices([stream, url]) { f in
                    livesign_huawei_url_d_verify_keyed(ring, n, f[0].ptr, f[0].len, f[1].ptr, f[1].len,
                                                       nowSeconds, durationSeconds, leewaySeconds, &matched)
                }
            }
            try LivesignError.check(status)
            return matched
        }
    }
}
