import CLivesign
import Foundation

extension Livesign.Tencent {
    /// The legacy CSS API: `common_access` GET requests signed with `t` + `sign`.
    public enum API {
        /// The documented commands.
        public enum Command: UInt32, CaseIterable, Sendable {
            case getLiveStat = 1, getLivePushStat, getLivePlayStat, getLivePushStatHistory, getLivePlayStatHistory
            case liveChannelGetStatus, liveChannelSetStatus, liveTapeGetFilelist, liveQueueGet
            case liveChannelGetChannelList, liveChannelGetLiveChannelList, mixStreamV2, channelManager
            case liveTapeStart, liveTapeStop

            /// The `interface` name sent, e.g. "Live_Channel_GetStatus".
            public var interfaceName: String { String(cString: livesign_tencent_api_command_name(rawValue)) }

            /// The documented URL up to the `?`.
            public var defaultBase: String { String(cString: livesign_tencent_api_default_base(rawValue)) }

            /// The command of an `interface` name (exact, case-sensitive); nil when none has it.
            public init?(interfaceName: String) {
                var code: UInt32 = 0
                let status = withBytes(interfaceName) { livesign_tencent_api_command_from_name($0, $1, &code) }
                guard status == LIVESIGN_OK.rawValue, let command = Command(rawValue: code) else { return nil }
                self = command
            }
        }

        /// How a parameter is written: `Param.s.<name>` or `Param.n.<name>`.
        public enum ParamKind: UInt32, Sendable {
            case string = 1, number = 2
        }

        /// One command parameter: its name without the `Param.s.` / `Param.n.` prefix, and its
        /// value, unencoded.
        public struct Param: Equatable, Sendable {
            public let name: String
            public let value: String
            public let kind: ParamKind

            public init(_ name: String, _ value: String, kind: ParamKind = .string) {
                self.name = name
                self.value = value
                self.kind = kind
            }

            public static func string(_ name: String, _ value: String) -> Param { Param(name, value, kind: .string) }
            public static func number(_ name: String, _ value: Int64) -> Param { Param(name, String(value), kind: .number) }
            /// `digits` is `-`? then decimal digits.
            public static func number(_ name: String, digits: String) -> Param { Param(name, digits, kind: .number) }
        }

        /// Most parameters one request takes.
        public static let maxParams = 32

        /// The signed request URL: `{base}?appid|cmd={appid}&interface=...&t=...&sign=...`, then
        /// the parameters in order, percent-encoded. `expiry` is `t`; an empty `base` means the
        /// command's `defaultBase`. Throws `.invalidArgument` for a bad base, a bad parameter or
        /// more than `maxParams`, `.invalidKey` for an empty key.
        public static func build(command: Command, appid: UInt64, key: String, expiry: Date, params: [Param] = [],
                                 base: String = "") throws -> String {
            let expirySeconds = try Livesign.unixTime(expiry)
            let texts = params.flatMap { [$0.name, $0.value] }
            return try withSlices(texts) { slices in
                let c = params.indices.map { i in
                    livesign_tencent_api_param(kind: params[i].kind.rawValue, name: slices[2 * i], value: slices[2 * i + 1])
                }
                return try c.withUnsafeBufferPointer { p in
                    try withBytes(base) { b, bl in
                        try withBytes(key) { k, kl in
                            try variableText {
                                livesign_tencent_api_build(command.rawValue, b, bl, appid, k, kl, expirySeconds,
                                                           p.baseAddress, p.count, $0, $1, $2)
                            }
                        }
                    }
                }
            }
        }

        /// The status fields of a response (text JSON-unescaped); absent fields are nil.
        public struct Response: Equatable, Sendable {
            public let ret: Int64?
            public let retcode: Int64?
            public let errmsg: String?
            public let message: String?

            /// `ret`, unless it is absent or 0 and `retcode` is not 0 (fail-closed: a body whose
            /// two codes disagree never reads as success): the code to look up with `errorInfo(code:)`.
            public var code: Int64 { [ret, retcode].compactMap { $0 }.first { $0 != 0 } ?? 0 }
        }

        /// Reads `ret`, `retcode`, `errmsg` and `message` of a response body; throws
        /// `.malformed` when it is not one strict JSON object, a field is repeated or mistyped,
        /// or none of `ret`, `retcode` and `code` is present (Mix_StreamV2's `code` is read as
        /// `ret` in a response without `ret` and `retcode`).
        public static func readResponse(_ body: String) throws -> Response {
            try withBytes(body) { b, bl in
                var r = livesign_tencent_api_response()
                try LivesignError.check(livesign_tencent_api_response_read(b, bl, &r))
                let has = { (bit: Int32) in r.fields & UInt32(bit) != 0 }
                return try Response(ret: has(LIVESIGN_TENCENT_API_HAS_RET) ? r.ret : nil,
                                    retcode: has(LIVESIGN_TENCENT_API_HAS_RETCODE) ? r.retcode : nil,
                                    errmsg: unescapedText(r.errmsg), message: unescapedText(r.message))
            }
        }

        /// Another top-level field of a response (e.g. `output`) as raw JSON text; nil when absent.
        public static func field(_ body: String, name: String) throws -> String? {
            try Callback.field(Data(body.utf8), name: name)
        }
    }
}
