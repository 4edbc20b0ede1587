import CLivesign
import Foundation

extension Livesign {
    /// Tencent TRTC / Chat: UserSig and PrivateMapKey (`Trtc.UserSig`, `.PrivateMapKey`), the REST
    /// API and TRTC event callbacks.
    public enum Trtc {
        /// `ActionStatus` of a REST response.
        public enum ActionStatus: UInt32, Sendable {
            case none = 0, ok = 1, fail = 2
        }

        /// What kind of problem a REST error code reports.
        public enum ErrorCategory: UInt32, Sendable {
            case unknown = 0, request = 1, auth = 2, app = 3, rateLimit = 4, server = 5
        }

        /// Whether sending the same request again can succeed.
        public enum Retry: UInt32, Sendable {
            case unknown = 0, never = 1, backoff = 2
        }

        /// A REST response envelope. `errorInfo` and `requestId` are text, JSON escapes undone like
        /// every parsed text of this API; "" when empty or absent.
        public struct RestResponse: Equatable, Sendable {
            public let actionStatus: ActionStatus
            public let errorCode: Int64
            public let errorInfo: String
            public let requestId: String
            public var isOK: Bool { actionStatus == .ok && errorCode == 0 }
        }

        /// The longest URL `restURL` writes.
        public static let restURLMaxLength = Int(LIVESIGN_TRTC_REST_URL_MAX_LEN)

        /// `https://<host>/v4/<service>/<command>?sdkappid=...&contenttype=json`; `random` is
        /// the caller's; an empty host means console.tim.qq.com.
        public static func restURL(service: String, command: String, sdkappid: UInt64, identifier: String,
                                   usersig: String, random: UInt32, host: String = "") throws -> String {
            try withBytes(host) { h, hl in
                try withBytes(service) { s, sl in
                    try withBytes(command) { c, cl in
                        try withBytes(identifier) { i, il in
                            try withBytes(usersig) { u, ul in
                                try variableText { livesign_trtc_rest_url(h, hl, s, sl, c, cl, sdkappid, i, il, u, ul, random, $0, $1, $2) }
                            }
                        }
                    }
                }
            }
        }

        /// Reads a REST response's envelope.
        public static func parseResponse(_ body: String) throws -> RestResponse {
            try withBytes(body) { b, bl in
                var r = livesign_trtc_rest_response()
                try LivesignError.check(livesign_trtc_rest_response_parse(b, bl, &r))
                return try RestResponse(actionStatus: ActionStatus(rawValue: r.action_status) ?? .none,
                                        errorCode: r.error_code, errorInfo: unescapedText(r.error_info) ?? "",
                                        requestId: unescapedText(r.request_id) ?? "")
            }
        }

        /// Another top-level field of a response, as raw JSON text; nil when absent.
        public static func responseField(_ body: String, name: String) throws -> String? {
            try withBytes(body) { b, bl in
                try withBytes(name) { n, nl in
                    var v = livesign_slice()
                    try LivesignError.check(livesign_trtc_rest_response_field(b, bl, n, nl, &v))
                    return optionalText(v)
                }
            }
        }

        /// The catalog entry of a REST error code (60002 to 60021).
        public static func errorMessage(code: Int64) -> String { String(cString: livesign_trtc_rest_error_str(code)) }
        public static func errorCategory(code: Int64) -> ErrorCategory {
            ErrorCategory(rawValue: livesign_trtc_rest_error_category(code)) ?? .unknown
        }
        public static func errorRetry(code: Int64) -> Retry { Retry(rawValue: livesign_trtc_rest_error_retry(code)) ?? .unknown }

        /// TRTC event callbacks: `Sign` = base64(HMAC-SHA256(callback key, raw body)).
        public enum Callback {
            /// Length of a `Sign` header value.
            public static var signLength: Int { livesign_trtc_callback_sign_len() }

            /// Throws `.invalidKey` unless the key is 1 to 32 ASCII letters and digits.
            public static func checkKey(_ key: String) throws {
                try LivesignError.check(withBytes(key) { livesign_trtc_callback_key_check($0, $1) })
            }

            /// The `Sign` TRTC sends with `body`.
            public static func sign(key: String, body: Data) throws -> String {
                try withBytes(key) { k, kl in
                    try withBytes(body) { b, bl in try fixedText(count: signLength) { livesign_trtc_callback_sign(k, kl, b, bl, $0) } }
                }
            }

            public static func sign(key: HmacKey, body: Data) throws -> String {
                try withBytes(body) { b, bl in
                    try fixedText(count: signLength) { livesign_trtc_callback_sign_keyed(key.context, b, bl, $0) }
                }
            }

            /// Verifies the `Sign` header over the raw body bytes.
            public static func verify(key: String, body: Data, sign: String) throws {
                let status = withBytes(key) { k, kl in
                    withBytes(body) { b, bl in withBytes(sign) { s, sl in livesign_trtc_callback_verify(k, kl, b, bl, s, sl) } }
                }
                try LivesignError.check(status)
            }

            public static func verify(key: HmacKey, body: Data, sign: String) throws {
                let status = withBytes(body) { b, bl in
                    withBytes(sign) { s, sl in livesign_trtc_callback_verify_keyed(key.context, b, bl, s, sl) }
                }
                try LivesignError.check(status)
            }

            /// Verifies against a key ring (current key first); returns the index that matched.
            public static func verifyRing(keys: [String], body: Data, sign: String) throws -> Int {
                var matched = 0
                let status = withKeyRing(keys) { ring, n in
                    withBytes(body) { b, bl in
                        withBytes(sign) { s, sl in livesign_trtc_callback_verify_ring(ring, n, b, bl, s, sl, &matched) }
                    }
                }
                try LivesignError.check(status)
                return matched
            }

            /// `verifyRing` with loaded keys (their contexts copied side by side, the copies
            /// wiped afterwards).
            public static func verifyRing(keys: [HmacKey], body: Data, sign: String) throws -> Int {
                var matched = 0
                let status = withKeyedRing(keys) { ring, n in
                    withBytes(body) { b, bl in
                        withBytes(sign) { s, sl in livesign_trtc_callback_verify_ring_keyed(ring, n, b, bl, s, sl, &matched) }
                    }
                }
                try LivesignError.check(status)
                return matched
            }

            /// The replay window on a verified body: throws `.expired` when its `CallbackTs` is
            /// older than `maxAgeSeconds` at `now`; returns `CallbackTs` (milliseconds).
            public static func checkTime(body: Data, now: Date = Date(), maxAgeSeconds: UInt32 = 300) throws -> UInt64 {
                let nowSeconds = try Livesign.unixTime(now)
                var ts: UInt64 = 0
                let status = withBytes(body) { b, bl in
                    livesign_trtc_callback_check_time(b, bl, nowSeconds, maxAgeSeconds, &ts)
                }
                try LivesignError.check(status)
                return ts
            }
        }
    }
}
