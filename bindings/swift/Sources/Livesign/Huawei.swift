import CLivesign
import Foundation

extension Livesign {
    /// Huawei Cloud Live: stream status notifications (this file), their ordering
    /// (`Huawei.Stream`), URL validation methods A, B and D (`Huawei.URLMethodA`, `.URLMethodB`, `.URLMethodD`),
    /// recording and SparkRTC callbacks (`Huawei.Record`, `.SparkRTC`).
    public enum Huawei {
        /// The leeway the callback verifiers take by default (300 s): Huawei's example sends
        /// `auth_timestamp` after the push, so it may be a send time rather than an expiry.
        public static let defaultLeewaySeconds = UInt32(LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S)

        /// The largest notification `auth_timestamp` (9999999999): 10 digits, so that no stream
        /// digit can move into it under the same `auth_sign`.
        public static let maxAuthTimestamp = UInt64(LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP)

        /// The smallest notification `auth_timestamp` (1000000000): 10 digits, so that no digit
        /// of it can move into the stream name under the same `auth_sign` (the shorter time left,
        /// before 2001, would be inside a leeway of decades).
        public static let minAuthTimestamp = UInt64(LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP)

        /// Length of a Huawei HMAC-SHA256 signature: `auth_sign`, recording HMACSHA256
        /// signatures, `X-Rtc-Signature`.
        public static var signLength: Int { livesign_huawei_sign_len() }

        /// `event` of a notification.
        public enum EventKind: UInt32, Sendable {
            /// Another event: see `Event.event`.
            case unknown = 0
            /// The push started.
            case publish = 1
            /// The push ended.
            case publishDone = 2
        }

        /// The text fields of an `Event`, as a set.
        public struct Fields: OptionSet, Hashable, Sendable {
            public let rawValue: UInt32
            public init(rawValue: UInt32) { self.rawValue = rawValue }

            public static let event = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_EVENT))
            public static let domain = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_DOMAIN))
            public static let app = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_APP))
            public static let stream = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_STREAM))
            public static let userArgs = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_USER_ARGS))
            public static let clientIP = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_CLIENT_IP))
            public static let nodeIP = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_NODE_IP))
            public static let publishTimestamp = Fields(rawValue: UInt32(LIVESIGN_HUAWEI_FIELD_PUBLISH_TIMESTAMP))
        }

        /// A verified stream status notification. The text fields are the values, JSON-unescaped
        /// (livesign reports which fields arrived with escapes, `escapedFields`, and only those
        /// are unescaped); the optional ones are nil when absent or empty (livesign reports both
        /// alike). They are `String`s, whose `==`
        /// and hashing follow canonical equivalence (`"caf\u{e9}" == "cafe\u{301}"`) while Huawei
        /// tells such names apart: key your own maps by their `utf8` bytes, or by `id`.
        public struct Event: Hashable, Sendable {
            public let kind: EventKind
            /// `event` as sent.
            public let event: String
            /// The ingest domain.
            public let domain: String
            public let app: String
            public let stream: String
            /// The push URL's query (not signed).
            public let userArgs: String?
            /// Not signed.
            public let clientIP: String?
            /// Not signed.
            public let nodeIP: String?
            /// `publish_timestamp` as sent: one value per push session (not signed).
            public let publishTimestamp: String?
            /// `publishTimestamp` when it is a plain number (Huawei's Chinese example shows `"1587954134,"`).
            public let publishTime: UInt64?
            /// The signed `auth_timestamp`, Unix seconds.
            public let authTimestamp: UInt64
            /// The fields that arrived with JSON escapes (already undone in the text).
            public let escapedFields: Fields
            /// The stable id for idempotent handling: `{domain}/{app}/{stream}/{publish_timestamp}/{event}`
            /// from the values, `%` and `/` inside them written `%25`, `%2F`, and every byte outside
            /// printable ASCII percent-encoded (`caf%C3%A9`), as in every language. The id is
            /// ASCII, so `==` compares it byte for byte: notifications that differ in one of the
            /// five fields never have equal ids, also when the fields are canonically equivalent.
            /// A redelivery has the same id; a session's `PUBLISH` and `PUBLISH_DONE` have
            /// different ones. `publish_timestamp` is not signed: check `replayID` first.
            public let id: String
            /// The replay id: `{domain}/{app}/{stream}/{auth_timestamp}/{event}`, the fields Huawei
            /// signs, written as `id` writes its fields. A notification resent by whoever captured
            /// it has the original's replay id whatever its unsigned fields: keep the replay ids
            /// of accepted notifications until `authTimestamp` + leeway has passed and drop a
            /// notification whose replay id is known (livesign_huawei_replay_id).
            public let replayID: String
        }

        /// `auth_sign` = lowercase hex HMAC-SHA256(key, event + domain + app + stream + decimal
        /// authTimestamp), as Huawei signs a notification (to test a receiver). Throws
        /// `.invalidArgument` for an `authTimestamp` that is not 10 digits (below `minAuthTimestamp`
        /// or above `maxAuthTimestamp`), `.invalidKey` unless the key is 32 to 128 bytes.
        public static func sign(key: String, event: String, domain: String, app: String, stream: String,
                                authTimestamp: UInt64) throws -> String {
            try withSlices([key, event, domain, app, stream]) { f in
                try fixedText(count: signLength) {
                    livesign_huawei_sign(f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len, f[3].ptr, f[3].len,
                                         f[4].ptr, f[4].len, authTimestamp, $0)
                }
            }
        }

        public static func sign(key: HmacKey, event: String, domain: String, app: String, stream: String,
                                authTimestamp: UInt64) throws -> String {
            try withSlices([event, domain, app, stream]) { f in
                try fixedText(count: signLength) {
                    livesign_huawei_sign_keyed(key.context, f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len,
                                               f[3].ptr, f[3].len, authTimestamp, $0)
                }
            }
        }

        /// Verifies the JSON body of a stream status notification. Throws `.signatureMismatch`,
        /// `.expired` (only for a right `auth_sign`, when `now > auth_timestamp + leewaySeconds`),
        /// `.malformed` (not strict JSON, a missing, repeated or mistyped field, an `auth_timestamp`
        /// that is not a 10-digit integer, `auth_sign` not 64 hex characters), `.invalidKey` (not
        /// 32 to 128 bytes).
        public static func verify(key: String, body: Data, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws -> Event {
            let nowSeconds = try Livesign.unixTime(now)
            return try withBytes(key) { k, kl in
                try withBytes(body) { b, bl in
                    var e = livesign_huawei_event()
                    try LivesignError.check(livesign_huawei_callback_verify(k, kl, b, bl, nowSeconds, leewaySeconds, &e))
                    return try event(e)
                }
            }
        }

        public static func verify(key: HmacKey, body: Data, now: Date = Date(),
                                  leewaySeconds: UInt32 = defaultLeewaySeconds) throws -> Event {
            let nowSeconds = try Livesign.unixTime(now)
            return try withBytes(body) { b, bl in
                var e = livesign_huawei_event()
                try LivesignError.check(livesign_huawei_callback_verify_keyed(key.context, b, bl, nowSeconds,
                                                                              leewaySeconds, &e))
                return try event(e)
            }
        }

        /// The Swift event of a C one whose views are still pinned.
        static func event(_ e: livesign_huawei_event) throws -> Event {
            let escaped = Fields(rawValue: e.escaped)
            func value(_ s: livesign_slice, _ field: Fields) throws -> String? {
                escaped.contains(field) ? try unescapedText(s) : optionalText(s)
            }
            var c = e
            let id = try variableText { livesign_huawei_event_id(&c, $0, $1, $2) }
            let replayID = try variableText { livesign_huawei_replay_id(&c, $0, $1, $2) }
            return try Event(kind: EventKind(rawValue: e.event) ?? .unknown, event: value(e.event_text, .event) ?? "",
                             domain: value(e.domain, .domain) ?? "", app: value(e.app, .app) ?? "",
                             stream: value(e.stream, .stream) ?? "", userArgs: value(e.user_args, .userArgs),
                             clientIP: value(e.client_ip, .clientIP), nodeIP: value(e.node_ip, .nodeIP),
                             publishTimestamp: value(e.publish_timestamp, .publishTimestamp),
                             publishTime: e.publish_time_valid == 1 ? e.publish_time : nil, authTimestamp: e.auth_timestamp,
                             escapedFields: escaped, id: id, replayID: replayID)
        }
    }
}
