import CLivesign
import Foundation

extension Livesign {
    /// Tencent Cloud Live (CSS).
    public enum Tencent {
        /// `sign` = lowercase hex MD5(key + decimal t); `t` is the expiry (Unix seconds).
        public static func sign(key: String, t: UInt64) throws -> String {
            try withBytes(key) { k, kl in
                try fixedText(count: livesign_tencent_sign_len()) { livesign_tencent_sign(k, kl, t, $0) }
            }
        }

        /// Verifies `t` + `sign`: throws `.signatureMismatch` ("sign invalid") or, only for a
        /// right sign, `.expired` ("time expired").
        public static func verify(key: String, t: UInt64, sign: String, now: Date = Date(), leewaySeconds: UInt32 = 0) throws {
            let nowSeconds = try Livesign.unixTime(now)
            let status = withBytes(key) { k, kl in
                withBytes(sign) { s, sl in
                    livesign_tencent_verify(k, kl, t, s, sl, nowSeconds, leewaySeconds)
                }
            }
            try LivesignError.check(status)
        }
    }
}
