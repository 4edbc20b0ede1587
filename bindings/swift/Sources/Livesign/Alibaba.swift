import CLivesign
import Foundation

extension Livesign {
    /// Alibaba Cloud ApsaraVideo Live: callback signatures (this file) and URL signing type A
    /// (`Alibaba.URLMethodA`).
    public enum Alibaba {
        /// Length of an `ALI-LIVE-SIGNATURE`.
        public static var signLength: Int { livesign_alibaba_sign_len() }

        /// The callback window `Callback.verify` takes by default (300 s).
        public static let defaultLeewaySeconds = UInt32(LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S)

        /// Callback signatures: `ALI-LIVE-SIGNATURE` = md5("{domain}|{ALI-LIVE-TIMESTAMP}|{key}").
        public enum Callback {
            /// The `ALI-LIVE-SIGNATURE` for a domain and an `ALI-LIVE-TIMESTAMP`.
            public static func sign(key: String, domain: String, timestamp: UInt64) throws -> String {
                try withSlices([key, domain]) { f in
                    try fixedText(count: signLength) {
                        livesign_alibaba_callback_sign(f[0].ptr, f[0].len, f[1].ptr, f[1].len, timestamp, $0)
                    }
                }
            }

            /// Verifies the two headers as received. The signature covers no body byte, so the
            /// window is two-sided: `.expired` unless `now - leewaySeconds <= timestamp <= now +
            /// leewaySeconds`; also `.malformed` (timestamp not decimal, signature not 32 hex
            /// characters), `.signatureMismatch`, `.invalidKey`.
            public static func verify(key: String, domain: String, timestamp: String, signature: String, now: Date = Date(),
                                      leewaySeconds: UInt32 = defaultLeewaySeconds) throws {
                let nowSeconds = try Livesign.unixTime(now)
                let status = withSlices([key, domain, timestamp, signature]) { f in
                    livesign_alibaba_callback_verify(f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len, f[3].ptr, f[3].len,
                                                     nowSeconds, leewaySeconds)
                }
                try LivesignError.check(status)
            }
        }
    }
}
