import CLivesign
import Foundation

extension Livesign.Trtc {
    /// TLSSigAPIv2 UserSigs: the `userSig` a TRTC / Chat client logs in with, and the `usersig` of
    /// REST calls. Tokens are the official Go SDK's byte for byte; `verify` accepts every official
    /// SDK's. The key is the console's secret key as text (its UTF-8 bytes, never hex-decoded), or
    /// an `HmacKey` loaded from it.
    public enum UserSig {
        /// A size that always fits a token livesign generates, UserSig or PrivateMapKey, and the
        /// longest token `verify` and `inspect` read.
        public static var maxLength: Int { livesign_usersig_max_len() }
        /// The latest expiry `generate` accepts, in Unix seconds: `now + expireSeconds` at most
        /// `Int64.max` (`LIVESIGN_USERSIG_MAX_EXPIRES_AT`), the most the official verifiers read.
        public static let maxExpiresAtSeconds = UInt64(LIVESIGN_USERSIG_MAX_EXPIRES_AT)
        /// The longest identifier accepted, in UTF-8 bytes.
        public static let identifierMaxLength = Int(LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN)
        /// The longest userbuf accepted, in bytes.
        public static let userbufMaxLength = Int(LIVESIGN_USERSIG_USERBUF_MAX_LEN)

        /// What a token says: checked by `verify`, as claimed by `inspect`.
        public struct Info: Hashable, Sendable {
            public let sdkappid: UInt64
            public let identifier: String
            /// `TLS.time`: when it was issued.
            public let issuedAt: Date
            /// `TLS.expire`: its lifetime.
            public let expireSeconds: UInt64
            /// `issuedAt + expireSeconds`: the last second it is valid.
            public let expiresAt: Date
            /// `TLS.userbuf` (a PrivateMapKey's grant: `PrivateMapKey.parse`); nil when absent.
            public let userbuf: Data?

            public init(sdkappid: UInt64, identifier: String, issuedAt: Date, expireSeconds: UInt64, expiresAt: Date,
                        userbuf: Data?) {
                self.sdkappid = sdkappid
                self.identifier = identifier
                self.issuedAt = issuedAt
                self.expireSeconds = expireSeconds
                self.expiresAt = expiresAt
                self.userbuf = userbuf
            }

            init(_ c: livesign_usersig_info) {
                let id = withUnsafeBytes(of: c.identifier) { Data($0.prefix(c.identifier_len)) }
                let buf = withUnsafeBytes(of: c.userbuf) { Data($0.prefix(c.userbuf_len)) }
                self.init(sdkappid: c.sdkappid, identifier: String(decoding: id, as: UTF8.self), issuedAt: Livesign.date(c.time),
                          expireSeconds: c.expire, expiresAt: Livesign.date(c.expires_at), userbuf: c.has_userbuf != 0 ? buf : nil)
            }
        }

        /// The exact length of the token `generate` writes (only the userbuf's length matters); 0
        /// when it would throw `.invalidArgument`.
        public static func length(sdkappid: UInt64, identifier: String, expireSeconds: UInt64, now: Date = Date(),
                                  userbufLength: Int = 0) -> Int {
            guard let t = try? Livesign.unixTime(now) else { return 0 }
            return withBytes(identifier) { livesign_usersig_len(sdkappid, $0, $1, expireSeconds, t, userbufLength) }
        }

        /// A UserSig for `identifier`, issued at `now`, valid for `expireSeconds`, optionally
        /// carrying `userbuf` (nil or empty: none). Throws `.invalidKey` for an empty key,
        /// `.invalidArgument` for an identifier longer than `identifierMaxLength` UTF-8 bytes, a
        /// userbuf longer than `userbufMaxLength`, or `now + expireSeconds` after
        /// `maxExpiresAtSeconds`.
        public static func generate(sdkappid: UInt64, key: String, identifier: String, expireSeconds: UInt64,
                                    now: Date = Date(), userbuf: Data? = nil) throws -> String {
            let t = try Livesign.unixTime(now)
            let size = length(sdkappid: sdkappid, identifier: identifier, expireSeconds: expireSeconds, now: now,
                              userbufLength: userbuf?.count ?? 0)
            return try withSlices([key, identifier]) { f in
                try withBytes(userbuf ?? Data()) { u, ul in
                    try exactText(size) {
                        livesign_usersig_gen(sdkappid, f[0].ptr, f[0].len, f[1].ptr, f[1].len, expireSeconds, t, u, ul, $0, $1, $2)
                    }
                }
            }
        }

        public static func generate(sdkappid: UInt64, key: HmacKey, identifier: String, expireSeconds: UInt64,
                                    now: Date = Date(), userbuf: Data? = nil) throws -> String {
            let t = try Livesign.unixTime(now)
            let size = length(sdkappid: sdkappid, identifier: identifier, expireSeconds: expireSeconds, now: now,
                              userbufLength: userbuf?.count ?? 0)
            return try withBytes(identifier) { i, il in
                try withBytes(userbuf ?? Data()) { u, ul in
                    try exactText(size) {
                        livesign_usersig_gen_keyed(sdkappid, key.context, i, il, expireSeconds, t, u, ul, $0, $1, $2)
                    }
                }
            }
        }

        /// Verifies a UserSig for `sdkappid` and `identifier` at `now` and returns its fields.
        /// Throws, first failure wins: `.invalidArgument` (identifier too long), `.invalidKey`
        /// (empty key), `.malformed` (not a UserSig), `.signatureMismatch` (wrong key or altered
        /// token), `.identityMismatch` (a valid token for another app or user), `.expired` (genuine, but
        /// `now` is past `expiresAt + leewaySeconds`).
        public static func verify(sdkappid: UInt64, key: String, identifier: String, usersig: String, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Info {
            let nowSeconds = try Livesign.unixTime(now)
            var info = livesign_usersig_info()
            let status = withSlices([key, identifier, usersig]) { f in
                livesign_usersig_verify(sdkappid, f[0].ptr, f[0].len, f[1].ptr, f[1].len, f[2].ptr, f[2].len,
                                        nowSeconds, leewaySeconds, &info)
            }
            try LivesignError.check(status)
            return Info(info)
        }

        public static func verify(sdkappid: UInt64, key: HmacKey, identifier: String, usersig: String, now: Date = Date(),
                                  leewaySeconds: UInt32 = 0) throws -> Info {
            let nowSeconds = try Livesign.unixTime(now)
            var info = livesign_usersig_info()
            let status = withSlices([identifier, usersig]) { f in
                livesign_usersig_verify_keyed(sdkappid, key.context, f[0].ptr, f[0].len, f[1].ptr, f[1].len,
                                              nowSeconds, leewaySeconds, &info)
            }
            try LivesignError.check(status)
            return Info(info)
        }

        /// Decodes a UserSig without its key, for diagnosis: nothing is verified. Throws
        /// `.malformed` when it is not a UserSig (corrupt, truncated, or URL-decoded twice);
        /// otherwise compare `sdkappid`, `identifier` and `expiresAt` with what you expect, and
        /// when all match but `verify` still fails, the key is wrong.
        public static func inspect(_ usersig: String) throws -> Info {
            var info = livesign_usersig_info()
            try LivesignError.check(withBytes(usersig) { livesign_usersig_inspect($0, $1, &info) })
            return Info(info)
        }
    }

    /// PrivateMapKeys: UserSigs whose userbuf grants one user `Privileges` in one `Room` until
    /// `now + expireSeconds`.
    public enum PrivateMapKey {
        /// The privilege bits.
        public struct Privileges: OptionSet, Hashable, Sendable {
            public let rawValue: UInt32
            public init(rawValue: UInt32) { self.rawValue = rawValue }

            public static let create = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_CREATE))
            public static let enter = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_ENTER))
            public static let sendAudio = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_SEND_AUDIO))
            public static let receiveAudio = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_RECV_AUDIO))
            public static let sendVideo = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_SEND_VIDEO))
            public static let receiveVideo = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_RECV_VIDEO))
            /// Screen sharing.
            public static let sendSubstream = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_SEND_SUBSTREAM))
            /// Screen sharing.
            public static let receiveSubstream = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_RECV_SUBSTREAM))
            public static let all = Privileges(rawValue: UInt32(LIVESIGN_PRIVMAP_ALL))
        }

        /// The room a grant is for.
        public enum Room: Hashable, Sendable {
            /// A numeric room id (`roomId`).
            case numeric(UInt32)
            /// A string room id (`strRoomId`): non-empty ASCII, e.g. "room-42_abc".
            case string(String)
        }

        /// A parsed grant.
        public struct Info: Hashable, Sendable {
            public let identifier: String
            public let sdkappid: UInt32
            public let room: Room
            /// When the grant ends (absolute, modulo 2^32 s), apart from the token's own expiry.
            public let expiresAt: Date
            public let privileges: Privileges
            /// 0 in every official SDK.
            public let accountType: UInt32

            public init(identifier: String, sdkappid: UInt32, room: Room, expiresAt: Date, privileges: Privileges,
                        accountType: UInt32) {
                self.identifier = identifier
                self.sdkappid = sdkappid
                self.room = room
                self.expiresAt = expiresAt
                self.privileges = privileges
                self.accountType = accountType
            }
        }

        /// A PrivateMapKey granting `identifier` `privileges` in `room` until `now +
        /// expireSeconds`. Throws as `UserSig.generate`, and `.invalidArgument` for a non-ASCII
        /// identifier or room, an empty room string, an sdkappid or `now + expireSeconds` above
        /// 2^32 - 1.
        public static func generate(sdkappid: UInt64, key: String, identifier: String, expireSeconds: UInt64, room: Room,
                                    privileges: Privileges, now: Date = Date()) throws -> String {
            let t = try Livesign.unixTime(now), p = privileges.rawValue
            switch room {
            case .numeric(let id):
                return try withSlices([key, identifier]) { f in
                    try boundedText(max: UserSig.maxLength) {
                        livesign_privmap_gen(sdkappid, f[0].ptr, f[0].len, f[1].ptr, f[1].len, expireSeconds, t, id, p, $0, $1, $2)
                    }
                }
            case .string(let name):
                return try withSlices([key, identifier, name]) { f in
                    try boundedText(max: UserSig.maxLength) {
                        livesign_privmap_gen_roomstr(sdkappid, f[0].ptr, f[0].len, f[1].ptr, f[1].len, expireSeconds, t,
                                                     f[2].ptr, f[2].len, p, $0, $1, $2)
                    }
                }
            }
        }

        public static func generate(sdkappid: UInt64, key: HmacKey, identifier: String, expireSeconds: UInt64, room: Room,
                                    privileges: Privileges, now: Date = Date()) throws -> String {
            let t = try Livesign.unixTime(now), p = privileges.rawValue
            switch room {
            case .numeric(let id):
                return try withBytes(identifier) { i, il in
                    try boundedText(max: UserSig.maxLength) {
                        livesign_privmap_gen_keyed(sdkappid, key.context, i, il, expireSeconds, t, id, p, $0, $1, $2)
                    }
                }
            case .string(let name):
                return try withSlices([identifier, name]) { f in
                    try boundedText(max: UserSig.maxLength) {
                        livesign_privmap_gen_roomstr_keyed(sdkappid, key.context, f[0].ptr, f[0].len, expireSeconds, t,
                                                           f[1].ptr, f[1].len, p, $0, $1, $2)
                    }
                }
            }
        }

        /// Parses a PrivateMapKey userbuf (`UserSig.Info.userbuf` of a verified token); throws
        /// `.malformed` when it is not exactly one, or when its identifier or room string is not
        /// UTF-8 (never read with U+FFFD in place of the bytes). Compare `expiresAt` with the
        /// time yourself.
        public static func parse(_ userbuf: Data) throws -> Info {
            try withBytes(userbuf) { b, bl in
                var p = livesign_privmap_info()
                try LivesignError.check(livesign_privmap_parse(b, bl, &p))
                return Info(identifier: try exactText(p.identifier), sdkappid: p.sdkappid,
                            room: p.has_roomstr != 0 ? .string(try exactText(p.roomstr)) : .numeric(p.roomid),
                            expiresAt: Livesign.date(UInt64(p.expires_at)), privileges: Privileges(rawValue: p.privileges),
                            accountType: p.account_type)
            }
        }
    }
}

/// Runs a generator once into a buffer of exactly `count` bytes (0 lets the C call report why
/// it fails) and returns the bytes as text.
private func exactText(_ count: Int, _ call: (UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>) -> UInt32) throws -> String {
    var out = [UInt8](repeating: 0, count: count)
    var written = 0
    try LivesignError.check(out.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &written) })
    return String(decoding: out[..<written], as: UTF8.self)
}
