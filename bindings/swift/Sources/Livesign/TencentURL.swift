import CLivesign
import Foundation

extension Livesign.Tencent {
    /// Push and play URLs with hotlink protection (`txSecret` / `txTime`).
    public enum StreamURL {
        /// The kinds of URL `build` writes.
        public enum Kind: UInt32, CaseIterable, Sendable {
            /// `rtmp://{domain}/{app}/{stream}?...`
            case rtmp = 1
            /// `webrtc://{domain}/{app}/{stream}?...`
            case webRTC = 2
            /// `https://{domain}/{app}/{stream}.flv?...`
            case flv = 3
            /// `https://{domain}/{app}/{stream}.m3u8?...`
            case hls = 4
        }

        /// What a verified URL says.
        public struct Info: Equatable, Sendable {
            /// The AppName, e.g. `live`.
            public let app: String
            /// The stream name the secret covers (no suffix).
            public let streamName: String
            /// `txTime` as written.
            public let txTime: String
            /// `txTime` as a date.
            public let expiry: Date
            /// `expiry` plus the play validity period: the last second the URL is honoured.
            public let validUntil: Date
            /// The key of the ring that matched.
            public let keyIndex: Int
        }

        /// The largest expiry `build` accepts and a hex `txTime` can say (`FFFFFFFF`, 2106-02-07).
        public static let maxExpiry = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_TENCENT_URL_MAX_EXPIRY))

        /// The earliest expiry `build` accepts and a hex `txTime` can say (`10000000`, 1978-07-04):
        /// `txTime` has exactly 8 hex digits, so a character moved out of it into the stream name
        /// (same `txSecret`) leaves a malformed time, whatever the window.
        public static let minExpiry = Date(timeIntervalSince1970: TimeInterval(LIVESIGN_TENCENT_URL_MIN_EXPIRY))

        /// Longest URL `build` writes (all names at their 256-byte limit, an HLS URL at `maxExpiry`).
        public static let maxLength = Int(LIVESIGN_TENCENT_URL_MAX_LEN)

        /// Length of a `txSecret`.
        public static var secretLength: Int { livesign_tencent_tx_secret_len() }

        /// The exact length of the URL `build` writes; 0 when `expiry` is before `minExpiry` or
        /// after `maxExpiry` (or infinite, or NaN).
        public static func buildLength(kind: Kind, domain: String, app: String, stream: String, expiry: Date) -> Int {
            guard let seconds = try? Livesign.unixTime(expiry) else { return 0 }
            return livesign_tencent_url_build_len(kind.rawValue, domain.utf8.count, app.utf8.count, stream.utf8.count, seconds)
        }

        /// `{scheme}://{domain}/{app}/{stream}{suffix}?txSecret=...&txTime=<EXPIRY IN UPPERCASE
        /// HEX>`. Throws `.invalidArgument` for a domain, app or stream outside the allowed
        /// characters or an expiry before `minExpiry` or after `maxExpiry`, `.invalidKey` for an
        /// empty key.
        public static func build(kind: Kind, domain: String, app: String, stream: String, key: String, expiry: Date) throws -> String {
            let expirySeconds = try Livesign.unixTime(expiry)
            return try withBytes(domain) { d, dl in
                try withBytes(app) { a, al in
                    try withBytes(stream) { s, sl in
                        try withBytes(key) { k, kl in
                            try variableText {
                                livesign_tencent_url_build(kind.rawValue, d, dl, a, al, s, sl, k, kl, expirySeconds, $0, $1, $2)
                            }
                        }
                    }
                }
            }
        }

        /// The `txSecret` for a stream name and a `txTime` exactly as written in the URL; throws
        /// `.malformed` for a `txTime` that is not exactly 8 hex digits or 10 decimal digits (no leading zero).
        public static func secret(key: String, stream: String, txTime: String) throws -> String {
            try withBytes(key) { k, kl in
                try withBytes(stream) { s, sl in
                    try withBytes(txTime) { t, tl in
                        try fixedText(count: secretLength) { livesign_tencent_url_secret(k, kl, s, sl, t, tl, $0) }
                    }
                }
            }
        }

        /// The `txTime` texts `verify(keys:url:txTimeForm:...)` reads.
        public enum TxTimeForm: UInt32, CaseIterable, Sendable {
            /// 10 decimal digits are decimal, else exactly 8 hex digits: what `verify(keys:url:...)` reads.
            case hexOrDecimal = 0
            /// Exactly 8 hex digits of either case: what `build` writes.
            case hex = 1
            /// Exactly 10 decimal digits.
            case decimal = 2
        }

        /// Verifies a push or play URL (full, or its `/path?query`) against a key ring (primary
        /// key first, then backups); `validForSeconds` is 0 for push URLs and the play validity
        /// period for play URLs. `txTime` is read in either form (`.hexOrDecimal`): prefer
        /// `verify(keys:url:txTimeForm:...)` with the form you issue. Throws `.signatureMismatch`
        /// ("sign invalid"), `.expired` ("time expired"), `.malformed` for a URL without a
        /// well-formed `/app/stream`, `txSecret` or `txTime` (also an `rtmp` URL with a `#` or a
        /// `/` in its query, or `txTime` also spelled `TXTIME`), `.invalidKey` for an empty key,
        /// `.invalidArgument` for 0 or more than 8 keys.
        public static func verify(keys: [String], url: String, validForSeconds: UInt32 = 0, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Info {
            try verifying(keys: keys, url: url, now: now) { ring, n, u, ul, nowSeconds, matched, info in
                livesign_tencent_url_verify(ring, n, u, ul, validForSeconds, nowSeconds, leewaySeconds, matched, info)
            }
        }

        /// `verify(keys:url:...)` reading `txTime` only in `txTimeForm`; a `txTime` in another
        /// form throws `.malformed`. Pass the form your URLs are issued in (`.hex` for `build`'s):
        /// then no other split of a captured URL's signed bytes between the stream name and
        /// `txTime` verifies, whatever the window, while `.hexOrDecimal` accepts the split between the forms (decimal
        /// `room` + `1796000000` cut as hex `room17` + `96000000`, year 2049).
        public static func verify(keys: [String], url: String, txTimeForm: TxTimeForm, validForSeconds: UInt32 = 0,
                                  now: Date = Date(), leewaySeconds: UInt32 = 0) throws -> Info {
            try verifying(keys: keys, url: url, now: now) { ring, n, u, ul, nowSeconds, matched, info in
                livesign_tencent_url_verify_form(ring, n, u, ul, txTimeForm.rawValue, validForSeconds, nowSeconds,
                                                 leewaySeconds, matched, info)
            }
        }

        private static func verifying(
            keys: [String], url: String, now: Date,
            _ call: (UnsafePointer<livesign_slice>?, Int, UnsafePointer<UInt8>?, Int, UInt64,
                     UnsafeMutablePointer<Int>, UnsafeMutablePointer<livesign_tencent_url_info>) -> UInt32
        ) throws -> Info {
            let nowSeconds = try Livesign.unixTime(now)
            return try withKeyRing(keys) { ring, n in
                try withBytes(url) { u, ul in
                    var matched = 0
                    var info = livesign_tencent_url_info()
                    try LivesignError.check(call(ring, n, u, ul, nowSeconds, &matched, &info))
                    return Info(app: text(info.app), streamName: text(info.stream_name), txTime: text(info.tx_time),
                                expiry: Livesign.date(info.expiry), validUntil: Livesign.date(info.valid_until), keyIndex: matched)
                }
            }
        }
    }
}
