// livesign.hpp: header-only C++17 wrapper over livesign.h.
//
// - `std::string_view` in, `std::array` (fixed sizes) or `std::string` out. Parsed fields come
//   back as `std::string_view`s into the caller's own input (keep it alive while you use them):
//   the raw JSON text between the quotes (see `livesign::json_unescape`; a Huawei `Event` says
//   which of its fields hold escapes, and `Event::text` unescapes only those). In a Tencent
//   `callback::Event`, an absent field is a view with `data() == nullptr` (a present empty one
//   is not); in a Huawei `Event`, absent and empty fields are both such views.
//   The fields of a UserSig and of a PrivateMapKey grant are copies instead (the C API copies
//   the token's identifier and userbuf, and a grant is parsed from such a copy).
// - Calls that can find nothing (a field reader, the error catalogs, command names) return
//   `std::optional`.
// - Errors are exceptions: every failing call throws `livesign::Error`, which carries the
//   `livesign::Status` (the C status) and its message ("sign invalid", "time expired", ...).
//   Exceptions keep the happy path a plain value and make an unchecked failure impossible;
//   verification failures are reported the same way (catch `livesign::Error` and switch on
//   `status()` to tell a forged request from an expired one).
// - Time defaults to the system clock (`livesign::unix_now()`, which throws
//   Error(InvalidArgument) for a clock set before 1970); pass `now` explicitly in tests.
//   The leeway defaults to 0, except for callbacks stamped with their send time (Huawei
//   notifications, recording and SparkRTC callbacks, Alibaba callbacks): 300 s. Windows (leeway,
//   validity, duration, maximum age) are `livesign::Seconds` and the times written into a
//   credential `livesign::Time`: any integer converts, and a negative one (or a window over
//   UINT32_MAX) throws Error(InvalidArgument) instead of wrapping round.
// - Key contexts (`livesign::HmacKey`) wipe themselves when destroyed.
// Compiles alone with -std=c++17 -Wall -Wextra -Werror -pedantic.
#ifndef LIVESIGN_HPP
#define LIVESIGN_HPP

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "livesign.h"

namespace livesign {

/// The C status codes as a scoped enum (same numbers).
enum class Status : uint32_t {
    Ok = LIVESIGN_OK,
    InvalidArgument = LIVESIGN_INVALID_ARGUMENT,
    BufferTooSmall = LIVESIGN_BUFFER_TOO_SMALL,
    SignatureMismatch = LIVESIGN_SIGNATURE_MISMATCH,
    Expired = LIVESIGN_EXPIRED,
    Malformed = LIVESIGN_MALFORMED,
    InvalidKey = LIVESIGN_INVALID_KEY,
    IdentityMismatch = LIVESIGN_IDENTITY_MISMATCH,
    Internal = LIVESIGN_INTERNAL,
};

/// The static message of a status ("sign invalid", "time expired", ...).
inline const char *status_message(Status s) noexcept { return livesign_status_str(static_cast<uint32_t>(s)); }

/// A failed livesign call.
class Error : public std::runtime_error {
public:
    explicit Error(Status status) : std::runtime_error(status_message(status)), status_(status) {}
    Status status() const noexcept { return status_; }
    uint32_t code() const noexcept { return static_cast<uint32_t>(status_); }

private:
    Status status_;
};

namespace detail {
inline void check(livesign_status s) {
    if (s != LIVESIGN_OK) throw Error(static_cast<Status>(s));
}
inline const uint8_t *bytes(std::string_view s) noexcept { return reinterpret_cast<const uint8_t *>(s.data()); }
template <std::size_t N>
std::string to_string(const std::array<uint8_t, N> &a) {
    return std::string(reinterpret_cast<const char *>(a.data()), a.size());
}
/// A view of a `livesign_slice` (which points into the caller's own input).
inline std::string_view view(livesign_slice s) noexcept {
    return s.ptr ? std::string_view(reinterpret_cast<const char *>(s.ptr), s.len) : std::string_view();
}
inline livesign_slice slice(std::string_view s) noexcept { return livesign_slice{bytes(s), s.size()}; }
/// Runs a `(out, out_cap, out_len)` call twice: a size query, then the real write.
template <class Call>
std::string variable(Call &&call) {
    std::size_t len = 0;
    livesign_status s = call(nullptr, 0, &len);
    if (s != LIVESIGN_BUFFER_TOO_SMALL) {
        check(s);
        return std::string();
    }
    std::string out(len, '\0');
    check(call(reinterpret_cast<uint8_t *>(&out[0]), out.size(), &len));
    out.resize(len);
    return out;
}
/// Runs a `(out, out_cap, out_len)` call once into a stack buffer of `N` bytes, for outputs
/// with a `..._MAX_LEN` that always fits.
template <std::size_t N, class Call>
std::string bounded(Call &&call) {
    std::array<uint8_t, N> out{};
    std::size_t len = 0;
    check(call(out.data(), out.size(), &len));
    return std::string(reinterpret_cast<const char *>(out.data()), len);
}
/// A key ring on the stack (at most LIVESIGN_MAX_KEYS keys).
struct Ring {
    std::array<livesign_slice, LIVESIGN_MAX_KEYS> keys{};
    std::size_t n = 0;
    explicit Ring(std::initializer_list<std::string_view> list) {
        if (list.size() == 0 || list.size() > LIVESIGN_MAX_KEYS) throw Error(Status::InvalidArgument);
        for (std::string_view k : list) keys[n++] = slice(k);
    }
};
}  // namespace detail

namespace detail {
/// Whole Unix seconds of a system clock reading (the second it falls in). A reading before
/// 1970 has none in the C API's unsigned `now`: Error(InvalidArgument), never a wrap to about
/// 1.8e19, which would issue credentials that never expire and expire every genuine one.
inline uint64_t unix_seconds(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto s = floor<seconds>(t.time_since_epoch()).count();
    if (s < 0) throw Error(Status::InvalidArgument);
    return static_cast<uint64_t>(s);
}

/// A C API's unsigned parameter that any integer converts to implicitly, so that calls read as
/// they would with the plain type; a value outside its range (a negative one above all) throws
/// Error(InvalidArgument) instead of wrapping round as C's conversion does.
template <class U>
class Unsigned {
public:
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    constexpr Unsigned(T v) : value_(checked(v)) {}  // implicit on purpose
    constexpr operator U() const noexcept { return value_; }

private:
    template <class T>
    static constexpr U checked(T v) {
        if constexpr (std::is_signed_v<T>) {
            if (v < 0) throw Error(Status::InvalidArgument);
        }
        if constexpr (uintmax_t(std::numeric_limits<T>::max()) > uintmax_t(std::numeric_limits<U>::max())) {
            if (static_cast<std::make_unsigned_t<T>>(v) > std::numeric_limits<U>::max())
                throw Error(Status::InvalidArgument);
        }
        return static_cast<U>(v);
    }
    U value_;
};
}  // namespace detail

/// A window in seconds, 0 to UINT32_MAX: the leeway, validity, duration or maximum age a
/// verifier allows. `verify(..., now, 300)` reads as with a `uint32_t`, but -1 throws
/// Error(InvalidArgument): C's conversion would make it 4294967295 s, a leeway of 136 years
/// that accepts nearly every expired credential.
using Seconds = detail::Unsigned<uint32_t>;

/// A Unix time or a lifetime written into a credential being made (a `t`, an expiry, a
/// timestamp, a UserSig's `expire`), 0 to UINT64_MAX. A negative one throws
/// Error(InvalidArgument): C's conversion would make -1 about 1.8e19, a credential that never
/// expires.
using Time = detail::Unsigned<uint64_t>;

/// The current Unix time in seconds (the default `now` of every call); throws
/// Error(InvalidArgument) while the system clock is set before 1970.
inline uint64_t unix_now() { return detail::unix_seconds(std::chrono::system_clock::now()); }

/// The library version ("MAJOR.MINOR.PATCH").
inline std::string_view version() noexcept { return livesign_version(); }

/// The ABI version of the linked library; equals `header_abi_version` for a matching header.
inline uint32_t abi_version() noexcept { return livesign_abi_version(); }

/// The ABI version this wrapper was compiled against: compare it with `abi_version()` at
/// start-up to detect a mismatched library.
constexpr uint32_t header_abi_version = LIVESIGN_ABI_VERSION;

/// The input limits (LIVESIGN_MAX_*). A longer input throws Error(InvalidArgument) and a
/// longer key Error(InvalidKey), before anything is parsed or hashed. UserSig tokens and
/// userbufs keep their own bounds (`trtc::usersig::max_len`, `userbuf_max_len`).
struct Limits {
    std::size_t body;      ///< signed callback / notification body (LIVESIGN_MAX_BODY_LEN)
    std::size_t response;  ///< response body read for fields (LIVESIGN_MAX_RESPONSE_LEN)
    std::size_t url;       ///< URL or URL path (LIVESIGN_MAX_URL_LEN)
    std::size_t id;        ///< name: stream, app, domain, field, identifier (LIVESIGN_MAX_ID_LEN)
    std::size_t key;       ///< raw key (LIVESIGN_MAX_KEY_LEN)
};

/// The limits this wrapper was compiled against.
constexpr Limits header_limits{LIVESIGN_MAX_BODY_LEN, LIVESIGN_MAX_RESPONSE_LEN, LIVESIGN_MAX_URL_LEN,
                               LIVESIGN_MAX_ID_LEN, LIVESIGN_MAX_KEY_LEN};

/// The limits of the linked library (equal to `header_limits` for a matching header).
inline Limits limits() noexcept {
    return {livesign_max_body_len(), livesign_max_response_len(), livesign_max_url_len(), livesign_max_id_len(),
            livesign_max_key_len()};
}

/// The text of a JSON string as livesign hands it back (the raw bytes between the quotes, e.g.
/// a callback field): escapes such as `\n`, `\"` and `\u00e9` become UTF-8. Throws
/// Error(Malformed) when `raw` is not the inside of a valid JSON string.
inline std::string json_unescape(std::string_view raw) {
    // The result is never longer than its source: one call with out_cap = raw.size() fits.
    std::string out(raw.size(), '\0');
    std::size_t len = 0;
    detail::check(livesign_json_unescape(detail::bytes(raw), raw.size(), reinterpret_cast<uint8_t *>(&out[0]),
                                         out.size(), &len));
    out.resize(len);
    return out;
}

/// An HMAC-SHA256 key loaded once (precomputed states), for the `_keyed` operations. Not
/// copyable; movable; wiped on destruction.
class HmacKey {
public:
    explicit HmacKey(std::string_view key) { detail::check(livesign_hmac_key_init(&ctx_, detail::bytes(key), key.size())); }
    HmacKey(const HmacKey &) = delete;
    HmacKey &operator=(const HmacKey &) = delete;
    HmacKey(HmacKey &&other) noexcept : ctx_(other.ctx_) { livesign_hmac_key_wipe(&other.ctx_); }
    HmacKey &operator=(HmacKey &&other) noexcept {
        if (this != &other) {
            livesign_hmac_key_wipe(&ctx_);
            ctx_ = other.ctx_;
            livesign_hmac_key_wipe(&other.ctx_);
        }
        return *this;
    }
    ~HmacKey() { livesign_hmac_key_wipe(&ctx_); }
    const livesign_hmac_key *get() const noexcept { return &ctx_; }

private:
    livesign_hmac_key ctx_{};
};

namespace detail {
/// Copies of loaded keys side by side, as the `_keyed` ring verifiers take them; wiped when it
/// goes out of scope.
struct KeyedRing {
    std::array<livesign_hmac_key, LIVESIGN_MAX_KEYS> keys{};
    std::size_t n = 0;
    explicit KeyedRing(std::initializer_list<std::reference_wrapper<const HmacKey>> list) {
        if (list.size() == 0 || list.size() > LIVESIGN_MAX_KEYS) throw Error(Status::InvalidArgument);
        for (const HmacKey &k : list) keys[n++] = *k.get();
    }
    KeyedRing(const KeyedRing &) = delete;
    KeyedRing &operator=(const KeyedRing &) = delete;
    ~KeyedRing() {
        for (livesign_hmac_key &k : keys) livesign_hmac_key_wipe(&k);
    }
};
}  // namespace detail

namespace tencent {

/// Length of a sign (LIVESIGN_TENCENT_SIGN_LEN).
inline std::size_t sign_len() noexcept { return livesign_tencent_sign_len(); }

/// `sign` = lowercase hex MD5(key + decimal t); `t` is the expiry (Unix seconds).
inline std::string sign(std::string_view key, Time t) {
    std::array<uint8_t, LIVESIGN_TENCENT_SIGN_LEN> out{};
    detail::check(livesign_tencent_sign(detail::bytes(key), key.size(), t, out.data()));
    return detail::to_string(out);
}

/// Verifies `t` + `sign`; throws Error(SignatureMismatch) for "sign invalid" and
/// Error(Expired) for "time expired" (only when the sign is right).
inline void verify(std::string_view key, uint64_t t, std::string_view sign, uint64_t now = unix_now(),
                   Seconds leeway_s = 0) {
    detail::check(livesign_tencent_verify(detail::bytes(key), key.size(), t, detail::bytes(sign), sign.size(), now,
                                          leeway_s));
}

/// Tencent CSS event callbacks: the JSON body POSTed to your callback URL, signed with
/// `sign` = MD5(callback key + decimal t).
namespace callback {

/// `event_type` of a callback. The named values are the documented ones; any other
/// non-negative number Tencent sends is kept as is (`static_cast<int64_t>(type)`).
enum class EventType : int64_t {
    None = LIVESIGN_TENCENT_EVENT_NONE,  ///< the body has no `event_type`
    StreamEnd = LIVESIGN_TENCENT_EVENT_STREAM_END,
    StreamBegin = LIVESIGN_TENCENT_EVENT_STREAM_BEGIN,
    RecordFile = LIVESIGN_TENCENT_EVENT_RECORD_FILE,
    Snapshot = LIVESIGN_TENCENT_EVENT_SNAPSHOT,
    PornDetection = LIVESIGN_TENCENT_EVENT_PORN_DETECTION,
    RecordStatus = LIVESIGN_TENCENT_EVENT_RECORD_STATUS,
};

/// A verified callback. The views point into the body passed to `verify` and are the raw
/// text between the quotes (`livesign::json_unescape` gives the text itself); an absent
/// field has `data() == nullptr`.
struct Event {
    EventType event_type;
    uint64_t t;  ///< the signed expiry (Unix seconds)
    std::string_view stream_id;
    std::string_view channel_id;
    std::string_view app;      ///< the push domain
    std::string_view appname;  ///< the AppName path segment, e.g. `live`
};

/// Verifies a callback body (strict JSON, `t` + `sign`); throws Error(SignatureMismatch) for
/// "sign invalid", Error(Expired) for "time expired" (only when the sign is right),
/// Error(Malformed) for a body that is not one strict JSON object with a well-formed `t` and
/// `sign`, Error(InvalidKey) for an empty key.
inline Event verify(std::string_view key, std::string_view body, uint64_t now = unix_now(), Seconds leeway_s = 0) {
    livesign_tencent_event e{};
    detail::check(livesign_tencent_callback_verify(detail::bytes(key), key.size(), detail::bytes(body), body.size(),
                                                   now, leeway_s, &e));
    return Event{static_cast<EventType>(e.event_type), e.t, detail::view(e.stream_id), detail::view(e.channel_id),
                 detail::view(e.app), detail::view(e.appname)};
}

/// Any other top-level field of a JSON body (a callback, or an API response), as its raw JSON
/// text (a string keeps its quotes); `std::nullopt` when absent. Read it only after `verify`.
inline std::optional<std::string_view> field(std::string_view body, std::string_view name) {
    livesign_slice v{};
    detail::check(
        livesign_tencent_callback_field(detail::bytes(body), body.size(), detail::bytes(name), name.size(), &v));
    if (v.ptr == nullptr) return std::nullopt;
    return detail::view(v);
}

}  // namespace callback

/// Push and play URLs with hotlink protection (`txSecret` / `txTime`).
namespace url {

/// The kinds of URL `build` writes.
enum class Kind : uint32_t {
    Rtmp = LIVESIGN_TENCENT_URL_RTMP,      ///< `rtmp://{domain}/{app}/{stream}?...`
    WebRtc = LIVESIGN_TENCENT_URL_WEBRTC,  ///< `webrtc://{domain}/{app}/{stream}?...`
    Flv = LIVESIGN_TENCENT_URL_FLV,        ///< `https://{domain}/{app}/{stream}.flv?...`
    Hls = LIVESIGN_TENCENT_URL_HLS,        ///< `https://{domain}/{app}/{stream}.m3u8?...`
};

/// The largest expiry `build` accepts and a hex `txTime` can say (`FFFFFFFF`, 2106-02-07).
constexpr uint64_t max_expiry = LIVESIGN_TENCENT_URL_MAX_EXPIRY;
/// The smallest expiry `build` accepts and a hex `txTime` can say (LIVESIGN_TENCENT_URL_MIN_EXPIRY,
/// `10000000`, 1978-07-04): `txTime` has exactly 8 hex digits, so a character moved out of it
/// into the stream name (same `txSecret`) leaves a malformed time, whatever the window.
constexpr uint64_t min_expiry = LIVESIGN_TENCENT_URL_MIN_EXPIRY;

/// The longest URL `build` writes (LIVESIGN_TENCENT_URL_MAX_LEN): every name at
/// LIVESIGN_MAX_ID_LEN bytes, an HLS URL, expiry `max_expiry`.
constexpr std::size_t max_len = LIVESIGN_TENCENT_URL_MAX_LEN;

/// Length of a `txSecret` (LIVESIGN_TENCENT_TX_SECRET_LEN).
inline std::size_t secret_len() noexcept { return livesign_tencent_tx_secret_len(); }

/// The exact length of the URL `build` writes for these inputs; 0 when `kind` is unknown or
/// `expiry` is below `min_expiry` or above `max_expiry`.
inline std::size_t build_len(Kind kind, std::string_view domain, std::string_view app, std::string_view stream,
                             uint64_t expiry) noexcept {
    return livesign_tencent_url_build_len(static_cast<uint32_t>(kind), domain.size(), app.size(), stream.size(),
                                          expiry);
}

/// `{scheme}://{domain}/{app}/{stream}{suffix}?txSecret=...&txTime=<EXPIRY IN UPPERCASE HEX>`.
/// Throws Error(InvalidArgument) for a domain, app or stream outside the allowed characters
/// or an expiry below `min_expiry` or above `max_expiry`, Error(InvalidKey) for an empty key.
inline std::string build(Kind kind, std::string_view domain, std::string_view app, std::string_view stream,
                         std::string_view key, Time expiry) {
    return detail::variable([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_tencent_url_build(static_cast<uint32_t>(kind), detail::bytes(domain), domain.size(),
                                          detail::bytes(app), app.size(), detail::bytes(stream), stream.size(),
                                          detail::bytes(key), key.size(), expiry, out, cap, len);
    });
}

/// The `txSecret` for a stream name and a `txTime` exactly as written in the URL (for callers
/// that assemble their own URLs). Throws Error(Malformed) for a `txTime` that is not exactly 8
/// hex digits or 10 decimal digits (no leading zero).
inline std::string secret(std::string_view key, std::string_view stream, std::string_view tx_time) {
    std::array<uint8_t, LIVESIGN_TENCENT_TX_SECRET_LEN> out{};
    detail::check(livesign_tencent_url_secret(detail::bytes(key), key.size(), detail::bytes(stream), stream.size(),
                                              detail::bytes(tx_time), tx_time.size(), out.data()));
    return detail::to_string(out);
}

/// What a verified URL says; the views point into the URL passed to `verify`.
struct Info {
    std::string_view app;          ///< the AppName, e.g. `live`
    std::string_view stream_name;  ///< the stream name the secret covers (no suffix)
    std::string_view tx_time;      ///< `txTime` as written
    uint64_t expiry;               ///< `txTime` as Unix seconds
    uint64_t valid_until;          ///< `expiry + valid_for_s` (saturating)
    std::size_t key_index;         ///< the key of the ring that matched
};

/// The Info of a verified URL (`matched` is the key index `verify` reported).
inline Info info_of(const livesign_tencent_url_info &info, std::size_t matched) noexcept {
    return Info{detail::view(info.app), detail::view(info.stream_name), detail::view(info.tx_time), info.expiry,
                info.valid_until,       matched};
}

/// The `txTime` texts `verify_form` reads.
enum class TxTimeForm : uint32_t {
    /// 10 decimal digits are decimal, else exactly 8 hex digits: what `verify` reads.
    HexOrDecimal = LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL,
    Hex = LIVESIGN_TENCENT_TX_TIME_HEX,          ///< exactly 8 hex digits, what `build` writes
    Decimal = LIVESIGN_TENCENT_TX_TIME_DECIMAL,  ///< exactly 10 decimal digits
};

/// `verify` reading `txTime` only in `form` (Error(Malformed) for a `txTime` in another form;
/// Error(InvalidArgument) for an unknown form). Pass the form your URLs are issued in: then no
/// other split of a captured URL's signed bytes between the stream name and `txTime` verifies,
/// whatever `valid_for_s` and `leeway_s`, while `verify` accepts the split between the forms (decimal `room` + `1796000000` cut as hex
/// `room17` + `96000000`, year 2049).
inline Info verify_form(std::initializer_list<std::string_view> keys, std::string_view url, TxTimeForm form,
                        Seconds valid_for_s = 0, uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    livesign_tencent_url_info info{};
    detail::check(livesign_tencent_url_verify_form(ring.keys.data(), ring.n, detail::bytes(url), url.size(),
                                                   static_cast<uint32_t>(form), valid_for_s, now, leeway_s, &matched,
                                                   &info));
    return info_of(info, matched);
}

/// Verifies a push or play URL (full, or its `/path?query`) against a key ring (primary key
/// first, then backups); `valid_for_s` is 0 for push URLs and the play validity period for play
/// URLs. `txTime` is read in either form (`TxTimeForm::HexOrDecimal`): prefer `verify_form`
/// with the form you issue. Throws Error(SignatureMismatch) ("sign invalid"), Error(Expired)
/// ("time expired"), Error(Malformed) for a URL without a well-formed `/app/stream`,
/// `txSecret` or `txTime` (also an `rtmp` URL with a `#` or a `/` in its query, or `txTime`
/// also spelled `TXTIME`), Error(InvalidKey) for an empty key, Error(InvalidArgument) for 0 or
/// more than LIVESIGN_MAX_KEYS keys.
inline Info verify(std::initializer_list<std::string_view> keys, std::string_view url, Seconds valid_for_s = 0,
                   uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    livesign_tencent_url_info info{};
    detail::check(livesign_tencent_url_verify(ring.keys.data(), ring.n, detail::bytes(url), url.size(), valid_for_s,
                                              now, leeway_s, &matched, &info));
    return info_of(info, matched);
}

}  // namespace url

/// The legacy CSS API (`common_access` GET requests signed with `t` + `sign`).
namespace api {

/// The documented commands (`interface` names).
enum class Command : uint32_t {
    GetLiveStat = LIVESIGN_TENCENT_API_GET_LIVE_STAT,
    GetLivePushStat = LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT,
    GetLivePlayStat = LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT,
    GetLivePushStatHistory = LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT_HISTORY,
    GetLivePlayStatHistory = LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT_HISTORY,
    LiveChannelGetStatus = LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_STATUS,
    LiveChannelSetStatus = LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS,
    LiveTapeGetFilelist = LIVESIGN_TENCENT_API_LIVE_TAPE_GET_FILELIST,
    LiveQueueGet = LIVESIGN_TENCENT_API_LIVE_QUEUE_GET,
    LiveChannelGetChannelList = LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_CHANNEL_LIST,
    LiveChannelGetLiveChannelList = LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_LIVE_CHANNEL_LIST,
    MixStreamV2 = LIVESIGN_TENCENT_API_MIX_STREAM_V2,
    ChannelManager = LIVESIGN_TENCENT_API_CHANNEL_MANAGER,
    LiveTapeStart = LIVESIGN_TENCENT_API_LIVE_TAPE_START,
    LiveTapeStop = LIVESIGN_TENCENT_API_LIVE_TAPE_STOP,
};

/// The `interface` name of a command (e.g. "Live_Channel_GetStatus"); nullopt for a number
/// that is not a command.
inline std::optional<std::string_view> command_name(Command c) noexcept {
    const char *name = livesign_tencent_api_command_name(static_cast<uint32_t>(c));
    if (name == nullptr) return std::nullopt;
    return std::string_view(name);
}

/// The documented URL up to the `?` for a command; nullopt for a number that is not a command.
inline std::optional<std::string_view> default_base(Command c) noexcept {
    const char *base = livesign_tencent_api_default_base(static_cast<uint32_t>(c));
    if (base == nullptr) return std::nullopt;
    return std::string_view(base);
}

/// The command of an `interface` name (exact, case-sensitive); nullopt when none has it.
inline std::optional<Command> command_from_name(std::string_view name) noexcept {
    uint32_t c = 0;
    if (livesign_tencent_api_command_from_name(detail::bytes(name), name.size(), &c) != LIVESIGN_OK) {
        return std::nullopt;
    }
    return static_cast<Command>(c);
}

/// How a parameter is written: `Param.s.<name>` or `Param.n.<name>`.
enum class ParamKind : uint32_t {
    String = LIVESIGN_TENCENT_API_PARAM_STRING,
    Number = LIVESIGN_TENCENT_API_PARAM_NUMBER,
};

/// One command parameter: its name without the `Param.s.` / `Param.n.` prefix and its value,
/// unencoded. Write `{"channel_id", "8888_test123"}` for a string, or use `number(...)`.
struct Param {
    std::string_view name;
    std::string_view value;
    ParamKind kind = ParamKind::String;
};

/// A string parameter (`Param.s.<name>=<value>`).
inline Param string(std::string_view name, std::string_view value) noexcept {
    return Param{name, value, ParamKind::String};
}

/// A number parameter (`Param.n.<name>=<value>`; `value` is `-`? then decimal digits).
inline Param number(std::string_view name, std::string_view value) noexcept {
    return Param{name, value, ParamKind::Number};
}

/// Most parameters one request takes (LIVESIGN_TENCENT_API_MAX_PARAMS).
constexpr std::size_t max_params = LIVESIGN_TENCENT_API_MAX_PARAMS;

namespace internal {
inline std::string build(Command command, uint64_t appid, std::string_view key, Time t, const Param *params,
                         std::size_t n, std::string_view base) {
    if (n > max_params) throw Error(Status::InvalidArgument);
    std::array<livesign_tencent_api_param, LIVESIGN_TENCENT_API_MAX_PARAMS> c{};
    for (std::size_t i = 0; i < n; ++i) {
        c[i] = livesign_tencent_api_param{static_cast<uint32_t>(params[i].kind), detail::slice(params[i].name),
                                          detail::slice(params[i].value)};
    }
    return detail::variable([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        // An empty base (even a non-NULL one) means the command's default base.
        return livesign_tencent_api_build(static_cast<uint32_t>(command), detail::bytes(base), base.size(),
                                          appid, detail::bytes(key), key.size(), t, c.data(), n, out, cap,
                                          len);
    });
}
}  // namespace internal

/// The signed request URL: `{base}?appid|cmd={appid}&interface=...&t={t}&sign=...` then the
/// parameters in order, percent-encoded. `t` is the expiry (Unix seconds); an empty `base`
/// means the command's `default_base`. Throws Error(InvalidArgument) for a bad base, a bad
/// parameter or more than `max_params`, Error(InvalidKey) for an empty key.
inline std::string build(Command command, uint64_t appid, std::string_view key, Time t,
                         std::initializer_list<Param> params = {}, std::string_view base = {}) {
    return internal::build(command, appid, key, t, params.begin(), params.size(), base);
}
inline std::string build(Command command, uint64_t appid, std::string_view key, Time t,
                         const std::vector<Param> &params, std::string_view base = {}) {
    return internal::build(command, appid, key, t, params.data(), params.size(), base);
}

/// The status fields of a response; absent fields are nullopt. The views point into the body
/// and keep JSON escapes (see `livesign::json_unescape`).
struct Response {
    std::optional<int64_t> ret;
    std::optional<int64_t> retcode;
    std::optional<std::string_view> errmsg;
    std::optional<std::string_view> message;
    /// `ret`, unless it is absent or 0 and `retcode` is not 0 (fail-closed: a body whose two
    /// codes disagree never reads as success): the code to look up with `error_by_code`.
    int64_t code() const noexcept { return ret && *ret != 0 ? *ret : retcode.value_or(0); }
};

/// Reads `ret`, `retcode`, `errmsg` and `message` of a response body; throws Error(Malformed)
/// when it is not one strict JSON object, a field is repeated or mistyped, or none of `ret`,
/// `retcode` and `code` is present (Mix_StreamV2's `code` is read as `ret` in a response
/// without `ret` and `retcode`). Other fields: `callback::field`.
inline Response read_response(std::string_view body) {
    livesign_tencent_api_response r{};
    detail::check(livesign_tencent_api_response_read(detail::bytes(body), body.size(), &r));
    Response out;
    if (r.fields & LIVESIGN_TENCENT_API_HAS_RET) out.ret = r.ret;
    if (r.fields & LIVESIGN_TENCENT_API_HAS_RETCODE) out.retcode = r.retcode;
    if (r.fields & LIVESIGN_TENCENT_API_HAS_ERRMSG) out.errmsg = detail::view(r.errmsg);
    if (r.fields & LIVESIGN_TENCENT_API_HAS_MESSAGE) out.message = detail::view(r.message);
    return out;
}

}  // namespace api

/// Where a catalog error shows up.
enum class ErrorSource : uint32_t {
    Http = LIVESIGN_TENCENT_ERROR_SOURCE_HTTP,        ///< an HTTP status (403, 404)
    Message = LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE,  ///< a bare message ("sign invalid", ...)
    Code = LIVESIGN_TENCENT_ERROR_SOURCE_CODE,        ///< a `ret` / `retcode` value
};

/// What kind of problem a catalog error is.
enum class ErrorCategory : uint32_t {
    Success = LIVESIGN_TENCENT_ERROR_SUCCESS,
    NoData = LIVESIGN_TENCENT_ERROR_NO_DATA,
    Auth = LIVESIGN_TENCENT_ERROR_AUTH,
    NotActivated = LIVESIGN_TENCENT_ERROR_NOT_ACTIVATED,
    InvalidRequest = LIVESIGN_TENCENT_ERROR_INVALID_REQUEST,
    RateLimit = LIVESIGN_TENCENT_ERROR_RATE_LIMIT,
    Server = LIVESIGN_TENCENT_ERROR_SERVER,
    StreamState = LIVESIGN_TENCENT_ERROR_STREAM_STATE,
};

/// Whether retrying can help.
enum class Retry : uint32_t {
    Never = LIVESIGN_TENCENT_RETRY_NEVER,      ///< the same request fails again
    Backoff = LIVESIGN_TENCENT_RETRY_BACKOFF,  ///< after a growing delay (1201, 1202)
    Resign = LIVESIGN_TENCENT_RETRY_RESIGN,    ///< sign again with a later `t` ("time expired")
    Later = LIVESIGN_TENCENT_RETRY_LATER,      ///< once the stream's state changed (1301, 20601)
};

/// One entry of the CSS error catalog (static texts).
struct ErrorInfo {
    ErrorSource source;
    ErrorCategory category;
    Retry retry;
    int64_t code;              ///< HTTP status or return code; 0 for message entries
    std::string_view message;  ///< the cloud's own text ("" when the docs give none)
    std::string_view meaning;  ///< what it means and what to do
};

namespace internal {
inline std::optional<ErrorInfo> info(const livesign_tencent_error_info *e) noexcept {
    if (e == nullptr) return std::nullopt;
    return ErrorInfo{static_cast<ErrorSource>(e->source), static_cast<ErrorCategory>(e->category),
                     static_cast<Retry>(e->retry), e->code, e->message, e->meaning};
}
}  // namespace internal

/// The catalog entry of a `ret` / `retcode` (0, 1000, ..., 20601); nullopt when unknown.
inline std::optional<ErrorInfo> error_by_code(int64_t code) noexcept {
    return internal::info(livesign_tencent_error_by_code(code));
}
/// The catalog entry of an HTTP status (403, 404); nullopt when unknown.
inline std::optional<ErrorInfo> error_by_http_status(uint32_t status) noexcept {
    return internal::info(livesign_tencent_error_by_http_status(status));
}
/// The catalog entry of a message ("sign invalid", ...; ASCII case and surrounding whitespace
/// ignored); nullopt when unknown.
inline std::optional<ErrorInfo> error_by_message(std::string_view message) noexcept {
    return internal::info(livesign_tencent_error_by_message(detail::bytes(message), message.size()));
}

}  // namespace tencent

/// Tencent TRTC / Chat: UserSig and PrivateMapKey, the REST API and TRTC event callbacks.
namespace trtc {

/// TLSSigAPIv2 UserSigs: the `userSig` a TRTC / Chat client logs in with, and the `usersig` of
/// REST calls. Tokens are the official Go SDK's byte for byte; `verify` accepts every official
/// SDK's.
namespace usersig {

/// Longest identifier accepted, in UTF-8 bytes (LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN).
constexpr std::size_t identifier_max_len = LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN;
/// Longest userbuf accepted, in bytes (LIVESIGN_USERSIG_USERBUF_MAX_LEN).
constexpr std::size_t userbuf_max_len = LIVESIGN_USERSIG_USERBUF_MAX_LEN;

/// A size that always fits a token livesign generates (LIVESIGN_USERSIG_MAX_LEN), UserSig or
/// PrivateMapKey, and the longest token `verify` and `inspect` read.
inline std::size_t max_len() noexcept { return livesign_usersig_max_len(); }

/// The latest expiry `gen` accepts (LIVESIGN_USERSIG_MAX_EXPIRES_AT, INT64_MAX): `now +
/// expire_s` above it is Error(InvalidArgument), since the official verifiers read `TLS.time`
/// and `TLS.expire` as signed 64-bit integers and would refuse the token.
constexpr uint64_t max_expires_at = LIVESIGN_USERSIG_MAX_EXPIRES_AT;

/// The exact length of the token `gen` writes for these inputs (only the userbuf's length
/// matters); 0 when `gen` would throw Error(InvalidArgument).
inline std::size_t len(uint64_t sdkappid, std::string_view identifier, uint64_t expire_s, uint64_t now,
                       std::size_t userbuf_len = 0) noexcept {
    return livesign_usersig_len(sdkappid, detail::bytes(identifier), identifier.size(), expire_s, now, userbuf_len);
}

/// What a token says: checked by `verify`, as claimed by `inspect`. Copies, so it outlives the
/// token.
struct Info {
    uint64_t sdkappid;
    std::string identifier;  ///< UTF-8
    uint64_t time;           ///< `TLS.time`: when it was issued, Unix seconds
    uint64_t expire;         ///< `TLS.expire`: its lifetime in seconds
    uint64_t expires_at;     ///< `time + expire` (saturating): the last second it is valid
    bool has_userbuf;        ///< whether it carries a `TLS.userbuf` (possibly empty)
    std::string userbuf;     ///< the userbuf's bytes (a PrivateMapKey's: `privmap::parse`)
};

namespace internal {
inline Info from_c(const livesign_usersig_info &i) {
    const char *id = reinterpret_cast<const char *>(i.identifier);
    const char *buf = reinterpret_cast<const char *>(i.userbuf);
    return Info{i.sdkappid,
                std::string(id, std::min(i.identifier_len, sizeof i.identifier)),
                i.time,
                i.expire,
                i.expires_at,
                i.has_userbuf != 0,
                std::string(buf, std::min(i.userbuf_len, sizeof i.userbuf))};
}
/// Runs a generator once into a string of exactly `n` bytes (`len`'s answer; 0 lets the C
/// call report why it fails).
template <class Call>
std::string exact(std::size_t n, Call &&call) {
    std::string out(n, '\0');
    std::size_t written = 0;
    detail::check(call(n == 0 ? nullptr : reinterpret_cast<uint8_t *>(out.data()), out.size(), &written));
    out.resize(written);
    return out;
}
}  // namespace internal

/// A UserSig for `identifier`, issued at `now`, valid for `expire_s` seconds, optionally
/// carrying `userbuf`. Throws Error(InvalidKey) for an empty key, Error(InvalidArgument) for an
/// identifier that is not UTF-8 or longer than `identifier_max_len`, a userbuf longer than
/// `userbuf_max_len`, or `now + expire_s` above `max_expires_at`. The key is the console's secret key as text (its bytes, never
/// hex-decoded).
inline std::string gen(uint64_t sdkappid, std::string_view key, std::string_view identifier, Time expire_s,
                       uint64_t now = unix_now(), std::string_view userbuf = {}) {
    using detail::bytes;
    return internal::exact(len(sdkappid, identifier, expire_s, now, userbuf.size()),
                           [&](uint8_t *out, std::size_t cap, std::size_t *written) {
                               return livesign_usersig_gen(sdkappid, bytes(key), key.size(), bytes(identifier),
                                                           identifier.size(), expire_s, now, bytes(userbuf),
                                                           userbuf.size(), out, cap, written);
                           });
}
inline std::string gen(uint64_t sdkappid, const HmacKey &key, std::string_view identifier, Time expire_s,
                       uint64_t now = unix_now(), std::string_view userbuf = {}) {
    using detail::bytes;
    return internal::exact(len(sdkappid, identifier, expire_s, now, userbuf.size()),
                           [&](uint8_t *out, std::size_t cap, std::size_t *written) {
                               return livesign_usersig_gen_keyed(sdkappid, key.get(), bytes(identifier),
                                                                 identifier.size(), expire_s, now, bytes(userbuf),
                                                                 userbuf.size(), out, cap, written);
                           });
}

/// Verifies a UserSig for `sdkappid` and `identifier` at `now` and returns its fields. Throws,
/// first failure wins: Error(InvalidArgument) (identifier not UTF-8), Error(InvalidKey) (empty
/// or too long key), Error(InvalidArgument) (identifier over `usersig::identifier_max_len`, a
/// token over `usersig::max_len()`), Error(Malformed) (not a UserSig), Error(SignatureMismatch) (wrong
/// key or altered token), Error(IdentityMismatch) (a valid token for another app or user),
/// Error(Expired) (genuine, but `now > expires_at + leeway_s`).
inline Info verify(uint64_t sdkappid, std::string_view key, std::string_view identifier, std::string_view usersig,
                   uint64_t now = unix_now(), Seconds leeway_s = 0) {
    using detail::bytes;
    livesign_usersig_info info{};
    detail::check(livesign_usersig_verify(sdkappid, bytes(key), key.size(), bytes(identifier), identifier.size(),
                                          bytes(usersig), usersig.size(), now, leeway_s, &info));
    return internal::from_c(info);
}
inline Info verify(uint64_t sdkappid, const HmacKey &key, std::string_view identifier, std::string_view usersig,
                   uint64_t now = unix_now(), Seconds leeway_s = 0) {
    using detail::bytes;
    livesign_usersig_info info{};
    detail::check(livesign_usersig_verify_keyed(sdkappid, key.get(), bytes(identifier), identifier.size(),
                                                bytes(usersig), usersig.size(), now, leeway_s, &info));
    return internal::from_c(info);
}

/// Decodes a UserSig without its key, for diagnosis: nothing is verified. Throws
/// Error(Malformed) when it is not a UserSig (corrupt, truncated, or URL-decoded twice);
/// otherwise compare `sdkappid`, `identifier` and `expires_at` with what you expect, and
/// when all match but `verify` still fails, the key is wrong.
inline Info inspect(std::string_view usersig) {
    livesign_usersig_info info{};
    detail::check(livesign_usersig_inspect(detail::bytes(usersig), usersig.size(), &info));
    return internal::from_c(info);
}

}  // namespace usersig

/// PrivateMapKeys: UserSigs whose userbuf grants one user privileges in one room until a time.
namespace privmap {

/// Privilege bits (`LIVESIGN_PRIVMAP_*`); combine them with `|`.
enum class Privilege : uint32_t {
    None = 0,
    Create = LIVESIGN_PRIVMAP_CREATE,
    Enter = LIVESIGN_PRIVMAP_ENTER,
    SendAudio = LIVESIGN_PRIVMAP_SEND_AUDIO,
    RecvAudio = LIVESIGN_PRIVMAP_RECV_AUDIO,
    SendVideo = LIVESIGN_PRIVMAP_SEND_VIDEO,
    RecvVideo = LIVESIGN_PRIVMAP_RECV_VIDEO,
    SendSubstream = LIVESIGN_PRIVMAP_SEND_SUBSTREAM,  ///< screen sharing
    RecvSubstream = LIVESIGN_PRIVMAP_RECV_SUBSTREAM,  ///< screen sharing
    All = LIVESIGN_PRIVMAP_ALL,
};
constexpr Privilege operator|(Privilege a, Privilege b) noexcept {
    return static_cast<Privilege>(static_cast<uint32_t>(a) | static_cast<uint32_t>(b));
}
constexpr Privilege operator&(Privilege a, Privilege b) noexcept {
    return static_cast<Privilege>(static_cast<uint32_t>(a) & static_cast<uint32_t>(b));
}
constexpr Privilege &operator|=(Privilege &a, Privilege b) noexcept { return a = a | b; }
/// Whether `set` grants every bit of `p`.
constexpr bool has(Privilege set, Privilege p) noexcept { return (set & p) == p; }

/// A parsed grant. Unlike the other parsers here it copies its text (a few bytes), so
/// `parse(usersig::verify(...).userbuf)` is safe.
struct Info {
    std::string identifier;
    uint32_t sdkappid;
    uint32_t roomid;                     ///< the numeric room (0 for a string room)
    std::optional<std::string> roomstr;  ///< the string room, if it is one
    uint32_t expires_at;                 ///< absolute Unix seconds (modulo 2^32), apart from the token's own
    Privilege privileges;
    uint32_t account_type;               ///< 0 in every official SDK
};

namespace internal {
template <class Call>
std::string gen(Call &&call) {
    return detail::bounded<LIVESIGN_USERSIG_MAX_LEN>(call);
}
}  // namespace internal

/// A PrivateMapKey granting `identifier` `privileges` in the numeric room `roomid` until
/// `now + expire_s`. Throws as `usersig::gen`, and Error(InvalidArgument) for a non-ASCII
/// identifier, an sdkappid or `now + expire_s` above 2^32 - 1.
inline std::string gen(uint64_t sdkappid, std::string_view key, std::string_view identifier, Time expire_s,
                       uint32_t roomid, Privilege privileges, uint64_t now = unix_now()) {
    using detail::bytes;
    return internal::gen([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_privmap_gen(sdkappid, bytes(key), key.size(), bytes(identifier), identifier.size(), expire_s,
                                    now, roomid, static_cast<uint32_t>(privileges), out, cap, len);
    });
}
inline std::string gen(uint64_t sdkappid, const HmacKey &key, std::string_view identifier, Time expire_s,
                       uint32_t roomid, Privilege privileges, uint64_t now = unix_now()) {
    using detail::bytes;
    return internal::gen([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_privmap_gen_keyed(sdkappid, key.get(), bytes(identifier), identifier.size(), expire_s, now,
                                          roomid, static_cast<uint32_t>(privileges), out, cap, len);
    });
}

/// The same for the string room `roomstr` (non-empty ASCII, e.g. "room-42_abc").
inline std::string gen(uint64_t sdkappid, std::string_view key, std::string_view identifier, Time expire_s,
                       std::string_view roomstr, Privilege privileges, uint64_t now = unix_now()) {
    using detail::bytes;
    return internal::gen([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_privmap_gen_roomstr(sdkappid, bytes(key), key.size(), bytes(identifier), identifier.size(),
                                            expire_s, now, bytes(roomstr), roomstr.size(),
                                            static_cast<uint32_t>(privileges), out, cap, len);
    });
}
inline std::string gen(uint64_t sdkappid, const HmacKey &key, std::string_view identifier, Time expire_s,
                       std::string_view roomstr, Privilege privileges, uint64_t now = unix_now()) {
    using detail::bytes;
    return internal::gen([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_privmap_gen_roomstr_keyed(sdkappid, key.get(), bytes(identifier), identifier.size(), expire_s,
                                                  now, bytes(roomstr), roomstr.size(),
                                                  static_cast<uint32_t>(privileges), out, cap, len);
    });
}

/// Parses a PrivateMapKey userbuf (`usersig::Info::userbuf` of a verified token); throws
/// Error(Malformed) when it is not exactly one. Compare `expires_at` with the time yourself.
inline Info parse(std::string_view userbuf) {
    livesign_privmap_info p{};
    detail::check(livesign_privmap_parse(detail::bytes(userbuf), userbuf.size(), &p));
    std::optional<std::string> roomstr;
    if (p.has_roomstr != 0) roomstr = std::string(detail::view(p.roomstr));
    return Info{std::string(detail::view(p.identifier)), p.sdkappid, p.roomid, std::move(roomstr), p.expires_at,
                static_cast<Privilege>(p.privileges), p.account_type};
}

}  // namespace privmap

/// `ActionStatus` of a REST response.
enum class ActionStatus : uint32_t {
    None = LIVESIGN_TRTC_ACTION_NONE,
    Ok = LIVESIGN_TRTC_ACTION_OK,
    Fail = LIVESIGN_TRTC_ACTION_FAIL,
};

/// What kind of problem a REST error code reports.
enum class ErrorCategory : uint32_t {
    Unknown = LIVESIGN_TRTC_ERROR_UNKNOWN,
    Request = LIVESIGN_TRTC_ERROR_REQUEST,
    Auth = LIVESIGN_TRTC_ERROR_AUTH,
    App = LIVESIGN_TRTC_ERROR_APP,
    RateLimit = LIVESIGN_TRTC_ERROR_RATE_LIMIT,
    Server = LIVESIGN_TRTC_ERROR_SERVER,
};

/// Whether sending the same request again can succeed.
enum class Retry : uint32_t {
    Unknown = LIVESIGN_TRTC_RETRY_UNKNOWN,
    Never = LIVESIGN_TRTC_RETRY_NEVER,
    Backoff = LIVESIGN_TRTC_RETRY_BACKOFF,
};

/// The longest URL `rest_url` writes (LIVESIGN_TRTC_REST_URL_MAX_LEN).
constexpr std::size_t rest_url_max_len = LIVESIGN_TRTC_REST_URL_MAX_LEN;

/// The REST request URL `https://<host>/v4/<service>/<command>?sdkappid=...&contenttype=json`;
/// `random` is the caller's u32; an empty `host` means console.tim.qq.com.
inline std::string rest_url(std::string_view service, std::string_view command, uint64_t sdkappid,
                            std::string_view identifier, std::string_view usersig, uint32_t random,
                            std::string_view host = {}) {
    return detail::variable([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_trtc_rest_url(detail::bytes(host), host.size(), detail::bytes(service), service.size(),
                                      detail::bytes(command), command.size(), sdkappid, detail::bytes(identifier),
                                      identifier.size(), detail::bytes(usersig), usersig.size(), random, out, cap,
                                      len);
    });
}

/// A parsed REST response envelope; the views point into the body passed to `parse_response`
/// (JSON escapes are left as written).
struct RestResponse {
    ActionStatus action_status;
    int64_t error_code;
    std::string_view error_info;
    std::string_view request_id;
    bool ok() const noexcept { return action_status == ActionStatus::Ok && error_code == 0; }
};

/// Reads the envelope (`ActionStatus`, `ErrorCode`, `ErrorInfo`, `RequestId`) of a response.
inline RestResponse parse_response(std::string_view body) {
    livesign_trtc_rest_response r{};
    detail::check(livesign_trtc_rest_response_parse(detail::bytes(body), body.size(), &r));
    return RestResponse{static_cast<ActionStatus>(r.action_status), r.error_code, detail::view(r.error_info),
                        detail::view(r.request_id)};
}

/// Another top-level field of a response, raw JSON text (a view into `body`); nullopt when
/// absent.
inline std::optional<std::string_view> response_field(std::string_view body, std::string_view name) {
    livesign_slice v{};
    detail::check(livesign_trtc_rest_response_field(detail::bytes(body), body.size(), detail::bytes(name),
                                                    name.size(), &v));
    if (v.ptr == nullptr) return std::nullopt;
    return detail::view(v);
}

/// The catalog entry of a REST error code (60002 to 60021).
inline const char *error_str(int64_t code) noexcept { return livesign_trtc_rest_error_str(code); }
inline ErrorCategory error_category(int64_t code) noexcept {
    return static_cast<ErrorCategory>(livesign_trtc_rest_error_category(code));
}
inline Retry error_retry(int64_t code) noexcept { return static_cast<Retry>(livesign_trtc_rest_error_retry(code)); }

/// TRTC event callbacks: `Sign` = base64(HMAC-SHA256(callback key, raw body)).
namespace callback {

/// Length of a `Sign` header value (LIVESIGN_TRTC_CALLBACK_SIGN_LEN).
inline std::size_t sign_len() noexcept { return livesign_trtc_callback_sign_len(); }

/// Longest callback key the console allows (LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN).
constexpr std::size_t key_max_len = LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN;

/// Throws Error(InvalidKey) unless `key` is 1 to 32 ASCII letters and digits.
inline void key_check(std::string_view key) {
    detail::check(livesign_trtc_callback_key_check(detail::bytes(key), key.size()));
}

/// The `Sign` TRTC sends with `body`.
inline std::string sign(std::string_view key, std::string_view body) {
    std::array<uint8_t, LIVESIGN_TRTC_CALLBACK_SIGN_LEN> out{};
    detail::check(livesign_trtc_callback_sign(detail::bytes(key), key.size(), detail::bytes(body), body.size(),
                                              out.data()));
    return detail::to_string(out);
}
inline std::string sign(const HmacKey &key, std::string_view body) {
    std::array<uint8_t, LIVESIGN_TRTC_CALLBACK_SIGN_LEN> out{};
    detail::check(livesign_trtc_callback_sign_keyed(key.get(), detail::bytes(body), body.size(), out.data()));
    return detail::to_string(out);
}

/// Verifies the `Sign` header over the raw body; throws Error(SignatureMismatch) or
/// Error(Malformed) for a sign that is not canonical base64 of 32 bytes.
inline void verify(std::string_view key, std::string_view body, std::string_view sign) {
    detail::check(livesign_trtc_callback_verify(detail::bytes(key), key.size(), detail::bytes(body), body.size(),
                                                detail::bytes(sign), sign.size()));
}
inline void verify(const HmacKey &key, std::string_view body, std::string_view sign) {
    detail::check(livesign_trtc_callback_verify_keyed(key.get(), detail::bytes(body), body.size(),
                                                      detail::bytes(sign), sign.size()));
}

/// Verifies against a key ring (current key first); returns the index of the key that matched.
inline std::size_t verify_ring(std::initializer_list<std::string_view> keys, std::string_view body,
                               std::string_view sign) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_trtc_callback_verify_ring(ring.keys.data(), ring.n, detail::bytes(body), body.size(),
                                                     detail::bytes(sign), sign.size(), &matched));
    return matched;
}
/// `verify_ring` with loaded keys: `verify_ring({current, old}, body, sign)` with `HmacKey`s.
inline std::size_t verify_ring(std::initializer_list<std::reference_wrapper<const HmacKey>> keys,
                               std::string_view body, std::string_view sign) {
    detail::KeyedRing ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_trtc_callback_verify_ring_keyed(ring.keys.data(), ring.n, detail::bytes(body),
                                                           body.size(), detail::bytes(sign), sign.size(),
                                                           &matched));
    return matched;
}

/// The replay window on a verified body: throws Error(Expired) when its `CallbackTs` is older
/// than `max_age_s`; returns `CallbackTs` (milliseconds).
inline uint64_t check_time(std::string_view body, uint64_t now = unix_now(), Seconds max_age_s = 300) {
    uint64_t ts = 0;
    detail::check(livesign_trtc_callback_check_time(detail::bytes(body), body.size(), now, max_age_s, &ts));
    return ts;
}

}  // namespace callback
}  // namespace trtc

/// Huawei Cloud Live: stream status notifications (with their ordering and ids), URL
/// validation methods A, B and D, recording callbacks and SparkRTC recording callbacks.
namespace huawei {

/// The leeway the callback verifiers take by default (LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S, 300 s):
/// Huawei's example sends `auth_timestamp` after the push, so it may be a send time rather
/// than an expiry.
constexpr uint32_t default_leeway_s = LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S;

/// The largest notification `auth_timestamp` (LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP, 9999999999):
/// 10 digits, so that no stream digit can move into it under the same `auth_sign`.
constexpr uint64_t max_auth_timestamp = LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP;
/// The smallest notification `auth_timestamp` (LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP, 1000000000):
/// 10 digits, so that no digit of it can move into the stream name under the same `auth_sign`
/// (the shorter time left, before 2001, would be inside a leeway of decades).
constexpr uint64_t min_auth_timestamp = LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP;

/// Length of a Huawei HMAC-SHA256 signature (LIVESIGN_HUAWEI_SIGN_LEN): `auth_sign`, recording
/// HMACSHA256 signatures, `X-Rtc-Signature`.
inline std::size_t sign_len() noexcept { return livesign_huawei_sign_len(); }

/// `event` of a notification.
enum class EventKind : uint32_t {
    Unknown = LIVESIGN_HUAWEI_EVENT_UNKNOWN,  ///< another event: see `Event::event_text`
    Publish = LIVESIGN_HUAWEI_EVENT_PUBLISH,  ///< the push started
    PublishDone = LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE,  ///< the push ended
};

/// The text fields of an `Event`, as the bits of `Event::escaped`.
enum class Field : uint32_t {
    Event = LIVESIGN_HUAWEI_FIELD_EVENT,
    Domain = LIVESIGN_HUAWEI_FIELD_DOMAIN,
    App = LIVESIGN_HUAWEI_FIELD_APP,
    Stream = LIVESIGN_HUAWEI_FIELD_STREAM,
    UserArgs = LIVESIGN_HUAWEI_FIELD_USER_ARGS,
    ClientIp = LIVESIGN_HUAWEI_FIELD_CLIENT_IP,
    NodeIp = LIVESIGN_HUAWEI_FIELD_NODE_IP,
    PublishTimestamp = LIVESIGN_HUAWEI_FIELD_PUBLISH_TIMESTAMP,
};

/// A verified stream status notification. Like every parsed field in this wrapper, the text
/// fields are views into the body passed to `verify` (keep it alive): the raw JSON text between
/// the quotes, with no copy. A field whose `Field` bit is set in `escaped` still holds JSON
/// escapes (`\/`, `\u0026`, ...); `text(Field)` gives any field's value, unescaping only those.
/// Absent optional fields (`user_args`, `client_ip`, `node_ip`, `publish_timestamp`) and empty
/// fields are views with `data() == nullptr`: the C event has `{NULL, 0}` for both.
struct Event {
    EventKind kind;
    uint32_t escaped;                     ///< `Field` bits of the fields that hold JSON escapes
    std::string_view event_text;          ///< `event` as sent
    std::string_view domain;              ///< the ingest domain
    std::string_view app;
    std::string_view stream;
    std::string_view user_args;           ///< the push URL's query (not signed)
    std::string_view client_ip;           ///< not signed
    std::string_view node_ip;             ///< not signed
    std::string_view publish_timestamp;   ///< as sent: one value per push session (not signed)
    std::optional<uint64_t> publish_time; ///< `publish_timestamp` when it is a plain number
    uint64_t auth_timestamp;              ///< signed, Unix seconds

    /// Whether `f` arrived with JSON escapes (its view is not its value).
    bool is_escaped(Field f) const noexcept { return (escaped & static_cast<uint32_t>(f)) != 0; }

    /// The raw view of a field.
    std::string_view raw(Field f) const noexcept {
        switch (f) {
            case Field::Event: return event_text;
            case Field::Domain: return domain;
            case Field::App: return app;
            case Field::Stream: return stream;
            case Field::UserArgs: return user_args;
            case Field::ClientIp: return client_ip;
            case Field::NodeIp: return node_ip;
            case Field::PublishTimestamp: return publish_timestamp;
        }
        return std::string_view();
    }

    /// The value of a field: its view, JSON-unescaped when `is_escaped(f)`; "" when absent.
    std::string text(Field f) const {
        return is_escaped(f) ? livesign::json_unescape(raw(f)) : std::string(raw(f));
    }
};

namespace internal {
inline Event from_c(const livesign_huawei_event &e) {
    using detail::view;
    return Event{static_cast<EventKind>(e.event),
                 e.escaped,
                 view(e.event_text),
                 view(e.domain),
                 view(e.app),
                 view(e.stream),
                 view(e.user_args),
                 view(e.client_ip),
                 view(e.node_ip),
                 view(e.publish_timestamp),
                 e.publish_time_valid == 1 ? std::optional<uint64_t>(e.publish_time) : std::nullopt,
                 e.auth_timestamp};
}
// An absent field (a view with no data) goes back as the NULL slice.
inline livesign_huawei_event to_c(const Event &e) noexcept {
    using detail::slice;
    livesign_huawei_event c{};
    c.event = static_cast<uint32_t>(e.kind);
    c.escaped = e.escaped;
    c.event_text = slice(e.event_text);
    c.domain = slice(e.domain);
    c.app = slice(e.app);
    c.stream = slice(e.stream);
    c.user_args = slice(e.user_args);
    c.client_ip = slice(e.client_ip);
    c.node_ip = slice(e.node_ip);
    c.publish_timestamp = slice(e.publish_timestamp);
    c.publish_time = e.publish_time.value_or(0);
    c.auth_timestamp = e.auth_timestamp;
    c.publish_time_valid = e.publish_time ? 1 : 0;
    return c;
}
}  // namespace internal

/// `auth_sign` = lowercase hex HMAC-SHA256(key, event + domain + app + stream + decimal
/// auth_timestamp), as Huawei signs a notification (to test a receiver). Throws
/// Error(InvalidArgument) for an `auth_timestamp` that is not 10 digits (below
/// `min_auth_timestamp` or above `max_auth_timestamp`), Error(InvalidKey) unless the key is 32
/// to 128 bytes.
inline std::string sign(std::string_view key, std::string_view event, std::string_view domain, std::string_view app,
                        std::string_view stream, Time auth_timestamp) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    detail::check(livesign_huawei_sign(detail::bytes(key), key.size(), detail::bytes(event), event.size(),
                                       detail::bytes(domain), domain.size(), detail::bytes(app), app.size(),
                                       detail::bytes(stream), stream.size(), auth_timestamp, out.data()));
    return detail::to_string(out);
}
inline std::string sign(const HmacKey &key, std::string_view event, std::string_view domain, std::string_view app,
                        std::string_view stream, Time auth_timestamp) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    detail::check(livesign_huawei_sign_keyed(key.get(), detail::bytes(event), event.size(), detail::bytes(domain),
                                             domain.size(), detail::bytes(app), app.size(), detail::bytes(stream),
                                             stream.size(), auth_timestamp, out.data()));
    return detail::to_string(out);
}

/// Verifies the JSON body of a stream status notification; throws Error(SignatureMismatch),
/// Error(Expired) (only for a right `auth_sign`, when `now > auth_timestamp + leeway_s`),
/// Error(Malformed) (not strict JSON, a missing, repeated or mistyped field, an `auth_timestamp`
/// that is not a 10-digit integer, `auth_sign` not 64 hex characters), Error(InvalidKey) (not
/// 32 to 128 bytes).
inline Event verify(std::string_view key, std::string_view body, uint64_t now = unix_now(),
                    Seconds leeway_s = default_leeway_s) {
    livesign_huawei_event e{};
    detail::check(livesign_huawei_callback_verify(detail::bytes(key), key.size(), detail::bytes(body), body.size(), now,
                                                  leeway_s, &e));
    return internal::from_c(e);
}
inline Event verify(const HmacKey &key, std::string_view body, uint64_t now = unix_now(),
                    Seconds leeway_s = default_leeway_s) {
    livesign_huawei_event e{};
    detail::check(
        livesign_huawei_callback_verify_keyed(key.get(), detail::bytes(body), body.size(), now, leeway_s, &e));
    return internal::from_c(e);
}

/// The stable id of a verified notification, for idempotent handling:
/// `{domain}/{app}/{stream}/{publish_timestamp}/{event}` from the unescaped values (`%` and `/`
/// inside them written `%25`, `%2F`, bytes outside printable ASCII `%XX`: the id is ASCII). A
/// redelivery has the same id; a session's `PUBLISH` and
/// `PUBLISH_DONE` have different ones. `publish_timestamp` is not signed: check replay_id
/// first. The body the event views must still be alive.
inline std::string event_id(const Event &e) {
    const livesign_huawei_event c = internal::to_c(e);
    return detail::variable([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_event_id(&c, out, cap, len);
    });
}

/// The replay id of a verified notification: `{domain}/{app}/{stream}/{auth_timestamp}/{event}`,
/// the fields Huawei signs, written as event_id writes its fields. A notification resent by
/// whoever captured it has the original's replay id whatever its unsigned fields; keep the
/// replay ids of accepted notifications until their `auth_timestamp` + leeway has passed and
/// drop a notification whose replay id is known (livesign_huawei_replay_id).
inline std::string replay_id(const Event &e) {
    const livesign_huawei_event c = internal::to_c(e);
    return detail::variable([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_replay_id(&c, out, cap, len);
    });
}

/// Where a stream is, as far as its notifications tell.
enum class StreamState : uint32_t {
    Unseen = LIVESIGN_HUAWEI_STREAM_UNSEEN,  ///< no event applied yet
    Live = LIVESIGN_HUAWEI_STREAM_LIVE,      ///< its newest session started and has not ended
    Ended = LIVESIGN_HUAWEI_STREAM_ENDED,    ///< its newest session ended
};

/// What an event means for its stream.
enum class Verdict : uint32_t {
    Live = LIVESIGN_HUAWEI_STREAM_LIVE,    ///< the stream is now live
    Ended = LIVESIGN_HUAWEI_STREAM_ENDED,  ///< the stream has now ended
    Stale = LIVESIGN_HUAWEI_STREAM_STALE,  ///< late or duplicate: ignore it (nothing changed)
};

/// The ordering state a receiver keeps per stream (`domain`/`app`/`stream`): notifications
/// can arrive out of order (a session's `PUBLISH_DONE` before its own `PUBLISH`). A plain
/// value: copy it, store `state()` and `publish_timestamp()` and rebuild it from them.
/// Serialise the updates of one stream.
class Stream {
public:
    Stream() noexcept = default;
    Stream(StreamState state, uint64_t publish_timestamp) noexcept
        : s_{publish_timestamp, static_cast<uint32_t>(state)} {}

    StreamState state() const noexcept { return static_cast<StreamState>(s_.state); }
    /// `publish_timestamp` of the newest session seen (0 while Unseen).
    uint64_t publish_timestamp() const noexcept { return s_.publish_timestamp; }

    /// Applies a verified event of this stream: a newer session always wins, an older one's
    /// events are Stale, and within a session `PUBLISH_DONE` wins (a late `PUBLISH` never
    /// revives an ended session). Throws Error(InvalidArgument) for an Unknown event (or a
    /// state that is not one), Error(Malformed) when the event has no numeric
    /// `publish_timestamp`; the state is then unchanged. `publish_timestamp` is not signed: a
    /// captured notification resent with another one verifies, so drop notifications whose
    /// replay_id is known before applying them (see livesign_huawei_stream_apply).
    Verdict apply(const Event &event) {
        const livesign_huawei_event c = internal::to_c(event);
        uint32_t verdict = 0;
        detail::check(livesign_huawei_stream_apply(&s_, &c, &verdict));
        return static_cast<Verdict>(verdict);
    }

    bool operator==(const Stream &o) const noexcept {
        return s_.state == o.s_.state && s_.publish_timestamp == o.s_.publish_timestamp;
    }
    bool operator!=(const Stream &o) const noexcept { return !(*this == o); }

private:
    livesign_huawei_stream s_{};
};

/// Recording callbacks (sign type HMACSHA256, the default, and the insecure MD5 one).
namespace record {

/// Shortest recording callback key (LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN bytes).
constexpr std::size_t key_min_len = LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN;

/// Length of an MD5 signature (LIVESIGN_HUAWEI_RECORD_MD5_LEN).
inline std::size_t md5_len() noexcept { return livesign_huawei_record_md5_len(); }

/// The signed fields of a recording callback, as in its body; `download_url` and `play_url`
/// are empty for events that carry none.
struct Fields {
    uint64_t auth_timestamp;
    std::string_view event_type;
    std::string_view publish_domain;
    std::string_view app;
    std::string_view stream;
    std::string_view download_url;
    std::string_view play_url;
};

/// Lowercase hex HMAC-SHA256(key, decimal auth_timestamp + event_type + publish_domain + app +
/// stream + download_url + play_url). Throws Error(InvalidArgument) for an `auth_timestamp`
/// that is not 10 digits (`min_auth_timestamp` to `max_auth_timestamp`), Error(InvalidKey) for
/// a key under `key_min_len`.
inline std::string sign(std::string_view key, const Fields &f) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    using detail::bytes;
    detail::check(livesign_huawei_record_sign(
        bytes(key), key.size(), f.auth_timestamp, bytes(f.event_type), f.event_type.size(), bytes(f.publish_domain),
        f.publish_domain.size(), bytes(f.app), f.app.size(), bytes(f.stream), f.stream.size(), bytes(f.download_url),
        f.download_url.size(), bytes(f.play_url), f.play_url.size(), out.data()));
    return detail::to_string(out);
}
inline std::string sign(const HmacKey &key, const Fields &f) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    using detail::bytes;
    detail::check(livesign_huawei_record_sign_keyed(
        key.get(), f.auth_timestamp, bytes(f.event_type), f.event_type.size(), bytes(f.publish_domain),
        f.publish_domain.size(), bytes(f.app), f.app.size(), bytes(f.stream), f.stream.size(), bytes(f.download_url),
        f.download_url.size(), bytes(f.play_url), f.play_url.size(), out.data()));
    return detail::to_string(out);
}

/// Verifies an HMACSHA256 signature over the fields; throws Error(Malformed) (an
/// `auth_timestamp` that is not 10 digits: a digit moved out of it into `event_type` keeps the
/// signature, whatever `leeway_s`; a `sign` not 64 hex characters), Error(SignatureMismatch),
/// Error(Expired) (`now > auth_timestamp + leeway_s`).
inline void verify(std::string_view key, const Fields &f, std::string_view sign, uint64_t now = unix_now(),
                   Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_record_verify(
        bytes(key), key.size(), f.auth_timestamp, bytes(f.event_type), f.event_type.size(), bytes(f.publish_domain),
        f.publish_domain.size(), bytes(f.app), f.app.size(), bytes(f.stream), f.stream.size(), bytes(f.download_url),
        f.download_url.size(), bytes(f.play_url), f.play_url.size(), bytes(sign), sign.size(), now, leeway_s));
}
inline void verify(const HmacKey &key, const Fields &f, std::string_view sign, uint64_t now = unix_now(),
                   Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_record_verify_keyed(
        key.get(), f.auth_timestamp, bytes(f.event_type), f.event_type.size(), bytes(f.publish_domain),
        f.publish_domain.size(), bytes(f.app), f.app.size(), bytes(f.stream), f.stream.size(), bytes(f.download_url),
        f.download_url.size(), bytes(f.play_url), f.play_url.size(), bytes(sign), sign.size(), now, leeway_s));
}

/// Sign type MD5: lowercase hex MD5(key + decimal auth_timestamp). It signs no body field
/// (Huawei calls it insecure); prefer HMACSHA256.
inline std::string md5_sign(std::string_view key, Time auth_timestamp) {
    std::array<uint8_t, LIVESIGN_HUAWEI_RECORD_MD5_LEN> out{};
    detail::check(livesign_huawei_record_md5_sign(detail::bytes(key), key.size(), auth_timestamp, out.data()));
    return detail::to_string(out);
}
inline void md5_verify(std::string_view key, uint64_t auth_timestamp, std::string_view sign,
                       uint64_t now = unix_now(), Seconds leeway_s = default_leeway_s) {
    detail::check(livesign_huawei_record_md5_verify(detail::bytes(key), key.size(), auth_timestamp,
                                                    detail::bytes(sign), sign.size(), now, leeway_s));
}

}  // namespace record

/// SparkRTC (Huawei RTC) recording callbacks: `X-Rtc-Signature` = lowercase hex
/// HMAC-SHA256(key, X-Rtc-Rand + X-Rtc-Timestamp + raw body).
namespace sparkrtc {

/// The signature for the `X-Rtc-Rand` and `X-Rtc-Timestamp` headers and the body. Throws
/// Error(InvalidArgument) for a timestamp that is not a decimal integer of 10 digits (seconds)
/// or 13 (milliseconds).
inline std::string sign(std::string_view key, std::string_view rand, std::string_view timestamp,
                        std::string_view body) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_sign(bytes(key), key.size(), bytes(rand), rand.size(), bytes(timestamp),
                                                timestamp.size(), bytes(body), body.size(), out.data()));
    return detail::to_string(out);
}
inline std::string sign(const HmacKey &key, std::string_view rand, std::string_view timestamp, std::string_view body) {
    std::array<uint8_t, LIVESIGN_HUAWEI_SIGN_LEN> out{};
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_sign_keyed(key.get(), bytes(rand), rand.size(), bytes(timestamp),
                                                      timestamp.size(), bytes(body), body.size(), out.data()));
    return detail::to_string(out);
}

/// Verifies `X-Rtc-Signature` (`signature`); the timestamp is Unix seconds with 10 digits,
/// milliseconds with 13. Throws Error(Malformed) (also for any other length),
/// Error(SignatureMismatch), Error(Expired) (more than `leeway_s` before or after `now`).
inline void verify(std::string_view key, std::string_view rand, std::string_view timestamp, std::string_view body,
                   std::string_view signature, uint64_t now = unix_now(), Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_verify(bytes(key), key.size(), bytes(rand), rand.size(), bytes(timestamp),
                                                  timestamp.size(), bytes(body), body.size(), bytes(signature),
                                                  signature.size(), now, leeway_s));
}
inline void verify(const HmacKey &key, std::string_view rand, std::string_view timestamp, std::string_view body,
                   std::string_view signature, uint64_t now = unix_now(), Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_verify_keyed(key.get(), bytes(rand), rand.size(), bytes(timestamp),
                                                        timestamp.size(), bytes(body), body.size(), bytes(signature),
                                                        signature.size(), now, leeway_s));
}

/// The unit `X-Rtc-Timestamp` is read in, which Huawei does not document.
enum class Unit : uint32_t {
    Either = LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER,              ///< 10 digits seconds, 13 milliseconds
    Seconds = LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,            ///< 10 digits only
    Milliseconds = LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS,  ///< 13 digits only
};

/// `verify` with the timestamp read in `unit` (Error(InvalidArgument) for an unknown one).
/// Pass the unit Huawei sends you: read by length, three rand digits moved in front of a
/// seconds timestamp re-read as milliseconds and verify about 20 days later (a replay); in one
/// unit only one length is well-formed, and every re-cut timestamp has another
/// (Error(Malformed), whatever the leeway).
inline void verify(std::string_view key, std::string_view rand, std::string_view timestamp, std::string_view body,
                   std::string_view signature, Unit unit, uint64_t now = unix_now(),
                   Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_verify_unit(bytes(key), key.size(), bytes(rand), rand.size(),
                                                       bytes(timestamp), timestamp.size(), bytes(body), body.size(),
                                                       bytes(signature), signature.size(),
                                                       static_cast<uint32_t>(unit), now, leeway_s));
}
inline void verify(const HmacKey &key, std::string_view rand, std::string_view timestamp, std::string_view body,
                   std::string_view signature, Unit unit, uint64_t now = unix_now(),
                   Seconds leeway_s = default_leeway_s) {
    using detail::bytes;
    detail::check(livesign_huawei_sparkrtc_verify_unit_keyed(key.get(), bytes(rand), rand.size(), bytes(timestamp),
                                                             timestamp.size(), bytes(body), body.size(),
                                                             bytes(signature), signature.size(),
                                                             static_cast<uint32_t>(unit), now, leeway_s));
}

}  // namespace sparkrtc

/// Length of a URL validation key (LIVESIGN_HUAWEI_URL_KEY_LEN): ASCII letters and digits,
/// not all digits and not all letters.
constexpr std::size_t url_key_len = LIVESIGN_HUAWEI_URL_KEY_LEN;
/// The durations Huawei's URL validation accepts (60 s to 30 days).
constexpr uint32_t url_min_duration_s = LIVESIGN_HUAWEI_URL_MIN_DURATION_S;
constexpr uint32_t url_max_duration_s = LIVESIGN_HUAWEI_URL_MAX_DURATION_S;

/// How method A writes its time: `1592639100` is valid in both and means two different times.
enum class TimeFormat : uint32_t {
    Decimal = LIVESIGN_HUAWEI_TIME_DECIMAL,
    Hex = LIVESIGN_HUAWEI_TIME_HEX,  ///< written lowercase, read in either case
};

/// URL validation method A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}`.
namespace url_a {

/// Longest query `build` writes (LIVESIGN_HUAWEI_URL_A_MAX_LEN).
constexpr std::size_t max_len = LIVESIGN_HUAWEI_URL_A_MAX_LEN;

/// The largest `timestamp` `build` writes in hex (LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP,
/// `ffffffff`, 2106): in hex mode, times are 1 to 8 hex digits, or exactly 10 decimal digits
/// read as decimal.
constexpr uint64_t max_hex_timestamp = LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP;

/// The query `auth_key=...` for the URL path `uri` (e.g. `/livetest/huawei1.flv`); `timestamp`
/// is the start of validity. `rand` (Huawei: a UUID without dashes) and `uid` are 1 to 64 ASCII
/// letters and digits. Throws Error(InvalidArgument) for a bad uri, rand or uid or a hex
/// `timestamp` above `max_hex_timestamp`, Error(InvalidKey) for a key that breaks the key rule.
inline std::string build(std::string_view key, std::string_view uri, Time timestamp, TimeFormat format,
                         std::string_view rand, std::string_view uid = "0") {
    return detail::bounded<LIVESIGN_HUAWEI_URL_A_MAX_LEN>([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_url_a_build(detail::bytes(key), key.size(), detail::bytes(uri), uri.size(), timestamp,
                                           static_cast<uint32_t>(format), detail::bytes(rand), rand.size(),
                                           detail::bytes(uid), uid.size(), out, cap, len);
    });
}

/// Verifies the `auth_key` of a URL (full, or `/path?query`) against a key ring (primary
/// first); returns the index of the key that matched. Valid while `now <= timestamp +
/// duration_s + leeway_s`. Throws Error(InvalidArgument) (0 or more than LIVESIGN_MAX_KEYS
/// keys, a duration outside 60 s to 30 days), Error(InvalidKey), Error(Malformed),
/// Error(SignatureMismatch), Error(Expired).
inline std::size_t verify(std::initializer_list<std::string_view> keys, std::string_view url, TimeFormat format,
                          Seconds duration_s, uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_huawei_url_a_verify(ring.keys.data(), ring.n, detail::bytes(url), url.size(),
                                               static_cast<uint32_t>(format), now, duration_s, leeway_s, &matched));
    return matched;
}

}  // namespace url_a

/// URL validation method B: `txSecret` = hex MD5(key + stream + txTime), `txTime` = hex start
/// of validity (Tencent's push URL scheme with Huawei's key rule and validity).
namespace url_b {

/// Longest query `build` writes (LIVESIGN_HUAWEI_URL_B_MAX_LEN).
constexpr std::size_t max_len = LIVESIGN_HUAWEI_URL_B_MAX_LEN;
/// The largest `tx_time` `build` accepts and `verify` reads in hex (LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME,
/// `ffffffff`, 2106).
constexpr uint64_t max_tx_time = LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME;
/// The smallest `tx_time` `build` accepts and `verify` reads (LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME,
/// `10000000`, 1978): `txTime` has exactly 8 hex digits, so a character moved out of it into
/// the stream name (same `txSecret`) leaves a malformed time, whatever the leeway.
constexpr uint64_t min_tx_time = LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME;

/// The query `txSecret=...&txTime=...` for a stream name (`huawei1` in
/// `http://host/livetest/huawei1.flv`), valid from `tx_time`. Throws Error(InvalidArgument) for
/// an empty stream or a `tx_time` below `min_tx_time` or above `max_tx_time`, Error(InvalidKey)
/// for a key that breaks the key rule.
inline std::string build(std::string_view key, std::string_view stream, Time tx_time) {
    return detail::bounded<LIVESIGN_HUAWEI_URL_B_MAX_LEN>([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_url_b_build(detail::bytes(key), key.size(), detail::bytes(stream), stream.size(),
                                           tx_time, out, cap, len);
    });
}

/// Verifies `txSecret` / `txTime` of a URL for `stream` against a key ring (primary first);
/// returns the index of the key that matched. Valid while `now < txTime + duration_s +
/// leeway_s`. Throws as `url_a::verify`.
inline std::size_t verify(std::initializer_list<std::string_view> keys, std::string_view stream, std::string_view url,
                          Seconds duration_s, uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_huawei_url_b_verify(ring.keys.data(), ring.n, detail::bytes(stream), stream.size(),
                                               detail::bytes(url), url.size(), now, duration_s, leeway_s, &matched));
    return matched;
}

}  // namespace url_b

/// URL validation method D: `hwSecret` = hex HMAC-SHA256(key, stream + hwTime), `hwTime` =
/// hex start of validity. (Huawei MetaStudio's `MSS_A` callback signature is the same with the
/// callback URL's path as `stream`.)
namespace url_d {

/// Longest query `build` writes (LIVESIGN_HUAWEI_URL_D_MAX_LEN).
constexpr std::size_t max_len = LIVESIGN_HUAWEI_URL_D_MAX_LEN;
/// The largest `hw_time` `build` accepts and `verify` reads (LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME,
/// `ffffffff`, 2106).
constexpr uint64_t max_hw_time = LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME;
/// The smallest `hw_time` `build` accepts and `verify` reads (LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME,
/// `10000000`, 1978): `hwTime` has exactly 8 hex digits, as `txTime` (see `url_b::min_tx_time`).
constexpr uint64_t min_hw_time = LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME;

/// The query `hwSecret=...&hwTime=...` for a stream name. Throws Error(InvalidArgument) for an
/// empty stream or a `hw_time` below `min_hw_time` or above `max_hw_time`, Error(InvalidKey) for a key that breaks the key rule (only its length, 32
/// bytes, can be checked on a loaded `HmacKey`).
inline std::string build(std::string_view key, std::string_view stream, Time hw_time) {
    return detail::bounded<LIVESIGN_HUAWEI_URL_D_MAX_LEN>([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_url_d_build(detail::bytes(key), key.size(), detail::bytes(stream), stream.size(),
                                           hw_time, out, cap, len);
    });
}
inline std::string build(const HmacKey &key, std::string_view stream, Time hw_time) {
    return detail::bounded<LIVESIGN_HUAWEI_URL_D_MAX_LEN>([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_huawei_url_d_build_keyed(key.get(), detail::bytes(stream), stream.size(), hw_time, out, cap,
                                                 len);
    });
}

/// Verifies `hwSecret` / `hwTime` of a URL for `stream` against a key ring (primary first);
/// returns the index of the key that matched. Valid while `now < hwTime + duration_s +
/// leeway_s`. Throws as `url_a::verify`.
inline std::size_t verify(std::initializer_list<std::string_view> keys, std::string_view stream, std::string_view url,
                          Seconds duration_s, uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_huawei_url_d_verify(ring.keys.data(), ring.n, detail::bytes(stream), stream.size(),
                                               detail::bytes(url), url.size(), now, duration_s, leeway_s, &matched));
    return matched;
}

/// `verify` with loaded keys: `verify({primary, backup}, ...)` with `HmacKey`s.
inline std::size_t verify(std::initializer_list<std::reference_wrapper<const HmacKey>> keys, std::string_view stream,
                          std::string_view url, Seconds duration_s, uint64_t now = unix_now(),
                          Seconds leeway_s = 0) {
    detail::KeyedRing ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_huawei_url_d_verify_keyed(ring.keys.data(), ring.n, detail::bytes(stream), stream.size(),
                                                     detail::bytes(url), url.size(), now, duration_s, leeway_s,
                                                     &matched));
    return matched;
}

}  // namespace url_d
}  // namespace huawei

/// Alibaba Cloud ApsaraVideo Live: URL signing type A and callback signatures.
namespace alibaba {

/// Length of an `ALI-LIVE-SIGNATURE` (LIVESIGN_ALIBABA_SIGN_LEN).
inline std::size_t sign_len() noexcept { return livesign_alibaba_sign_len(); }

/// The callback window `callback::verify` takes by default (LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S).
constexpr uint32_t default_leeway_s = LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S;

/// URL signing type A: `auth_key={timestamp}-{rand}-{uid}-{md5hash}` (decimal time).
namespace url_a {

/// Longest query `build` writes (LIVESIGN_ALIBABA_URL_A_MAX_LEN).
constexpr std::size_t max_len = LIVESIGN_ALIBABA_URL_A_MAX_LEN;

/// The query `auth_key=...` for the URL path `uri`; the URL expires at `timestamp` + the
/// validity configured in the console. `rand` and `uid` are 1 to 64 ASCII letters and digits.
/// Throws Error(InvalidArgument) for a bad uri, rand or uid, Error(InvalidKey) for an empty key.
inline std::string build(std::string_view key, std::string_view uri, Time timestamp, std::string_view rand = "0",
                         std::string_view uid = "0") {
    return detail::bounded<LIVESIGN_ALIBABA_URL_A_MAX_LEN>([&](uint8_t *out, std::size_t cap, std::size_t *len) {
        return livesign_alibaba_url_a_build(detail::bytes(key), key.size(), detail::bytes(uri), uri.size(), timestamp,
                                            detail::bytes(rand), rand.size(), detail::bytes(uid), uid.size(), out, cap,
                                            len);
    });
}

/// Verifies the `auth_key` of a URL against the primary and secondary keys; returns the index
/// of the key that matched. Valid while `now <= timestamp + validity_s + leeway_s`. Throws
/// Error(InvalidArgument), Error(InvalidKey), Error(Malformed), Error(SignatureMismatch),
/// Error(Expired).
inline std::size_t verify(std::initializer_list<std::string_view> keys, std::string_view url, Seconds validity_s,
                          uint64_t now = unix_now(), Seconds leeway_s = 0) {
    detail::Ring ring(keys);
    std::size_t matched = 0;
    detail::check(livesign_alibaba_url_a_verify(ring.keys.data(), ring.n, detail::bytes(url), url.size(), now,
                                                validity_s, leeway_s, &matched));
    return matched;
}

}  // namespace url_a

/// Callback signatures: `ALI-LIVE-SIGNATURE` = md5("{domain}|{ALI-LIVE-TIMESTAMP}|{key}").
namespace callback {

/// The `ALI-LIVE-SIGNATURE` for a domain and an `ALI-LIVE-TIMESTAMP`.
inline std::string sign(std::string_view key, std::string_view domain, Time timestamp) {
    std::array<uint8_t, LIVESIGN_ALIBABA_SIGN_LEN> out{};
    detail::check(livesign_alibaba_callback_sign(detail::bytes(key), key.size(), detail::bytes(domain), domain.size(),
                                                 timestamp, out.data()));
    return detail::to_string(out);
}

/// Verifies the two headers as received. The signature covers no body byte, so the window is
/// two-sided: Error(Expired) unless `now - leeway_s <= timestamp <= now + leeway_s`; also
/// Error(Malformed) (timestamp not decimal, signature not 32 hex characters),
/// Error(SignatureMismatch), Error(InvalidKey).
inline void verify(std::string_view key, std::string_view domain, std::string_view timestamp,
                   std::string_view signature, uint64_t now = unix_now(), Seconds leeway_s = default_leeway_s) {
    detail::check(livesign_alibaba_callback_verify(detail::bytes(key), key.size(), detail::bytes(domain),
                                                   domain.size(), detail::bytes(timestamp), timestamp.size(),
                                                   detail::bytes(signature), signature.size(), now, leeway_s));
}

}  // namespace callback
}  // namespace alibaba
}  // namespace livesign

#endif  // LIVESIGN_HPP
