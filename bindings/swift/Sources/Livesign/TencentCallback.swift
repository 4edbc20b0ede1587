import CLivesign
import Foundation

extension Livesign.Tencent {
    /// Event callbacks: the JSON body Tencent POSTs to your callback URL, signed with `t` +
    /// `sign` = MD5(callback key + decimal t).
    public enum Callback {
        /// `event_type`: the documented values by name, any other number as `.other`.
        public enum EventType: Equatable, Sendable {
            /// The body has no `event_type`.
            case none
            case streamEnd, streamBegin, recordFile, snapshot, pornDetection, recordStatus
            case other(Int64)

            public init(code: Int64) {
                switch code {
                case -1: self = .none
                case 0: self = .streamEnd
                case 1: self = .streamBegin
                case 100: self = .recordFile
                case 200: self = .snapshot
                case 317: self = .pornDetection
                case 332: self = .recordStatus
                default: self = .other(code)
                }
            }

            /// The number Tencent sends (-1 for `.none`).
            public var code: Int64 {
                switch self {
                case .none: return -1
                case .streamEnd: return 0
                case .streamBegin: return 1
                case .recordFile: return 100
                case .snapshot: return 200
                case .pornDetection: return 317
                case .recordStatus: return 332
                case .other(let code): return code
                }
            }
        }

        /// A verified callback; the text fields are JSON-unescaped, nil when absent.
        public struct Event: Equatable, Sendable {
            public let eventType: EventType
            /// The signed expiry, Unix seconds.
            public let t: UInt64
            public let streamId: String?
            public let channelId: String?
            /// The push domain.
            public let app: String?
            /// The AppName path segment, e.g. `live`.
            public let appname: String?

            /// `t` as a date.
            public var expiry: Date { Livesign.date(t) }
        }

        /// Verifies a callback body: throws `.signatureMismatch` ("sign invalid"), `.expired`
        /// ("time expired", only for a right sign), `.malformed` for a body that is not one
        /// strict JSON object with a well-formed `t` and `sign`, `.invalidKey` for an empty key.
        public static func verify(key: String, body: Data, now: Date = Date(), leewaySeconds: UInt32 = 0) throws -> Event {
            let nowSeconds = try Livesign.unixTime(now)
            return try withBytes(key) { k, kl in
                try withBytes(body) { b, bl in
                    var e = livesign_tencent_event()
                    try LivesignError.check(livesign_tencent_callback_verify(k, kl, b, bl, nowSeconds, leewaySeconds, &e))
                    return try Event(eventType: EventType(code: e.event_type), t: e.t, streamId: unescapedText(e.stream_id),
                                     channelId: unescapedText(e.channel_id), app: unescapedText(e.app),
                                     appname: unescapedText(e.appname))
                }
            }
        }

        /// Any other top-level field of a JSON body (a callback, or an API response) as its raw
        /// JSON text (a string keeps its quotes and escapes); nil when absent. Read it only
        /// after `verify`.
        public static func field(_ body: Data, name: String) throws -> String? {
            try withBytes(body) { b, bl in
                try withBytes(name) { n, nl in
                    var v = livesign_slice()
                    try LivesignError.check(livesign_tencent_callback_field(b, bl, n, nl, &v))
                    return optionalText(v)
                }
            }
        }
    }
}
