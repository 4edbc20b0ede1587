import CLivesign
import Foundation

extension Livesign.Alibaba {
    /// URL signing type A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}` (decimal time).
    public enum URLMethodA {
        /// Longest query `build` writes.
        public static let maxLength = Int(LIVESIGN_ALIBABA_URL_A_MAX_LEN)

        /// The query `auth_key=...` for the URL path `uri`; the URL expires at `timestamp` + the
        /// validity configured in the console. `rand` and `uid` are 1 to 64 ASCII letters and
        /// digits. Throws `.invalidArgument` for a bad uri, rand or uid, `.invalidKey` for an empty
        /// key.
        public static func build(key: String, uri: String, timestamp: Date, rand: String = "0", uid: String = "0") throws -> String {
            let timestampSeconds = try Livesign.unixTime(timestamp)
            return try withSlices([key, uri, rand, uid]) { f in
                try boundedText(max: maxLength) {
                    livesign_alibaba_url_a_build(f[0].ptr, f[0].len, f[1].ptr, f[1].len, timestampSeconds, f[2].ptr,
                                                 f[2].len, f[3].ptr, f[3].len, $0, $1, $2)
                }
            }
        }

        /// Verifies the `auth_key` of a URL against the primary and secondary keys; returns the
        /// index of the key that matched. Valid while `now <= timestamp + validitySeconds +
        /// leewaySeconds`. Throws `.invalidArgument`, `.invalidKey`, `.malformed`,
        /// `.signatureMismatch`, `.expired`.
        public static func verify(keys: [String], url: String, validitySeconds: UInt32, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Int {
            let nowSeconds = try Livesign.unixTime(now)
            var matched = 0
            let status = withKeyRing(keys) { ring, n in
                withBytes(url) { u, ul in
                    livesign_alibaba_url_a_verify(ring, n, u, ul, nowSeconds, validitySeconds, leewaySeconds, &matched)
                }
            }
            try LivesignError.check(status)
            return matched
        }
    }
}
