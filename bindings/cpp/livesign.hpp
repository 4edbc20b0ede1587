// livesign.hpp: header-only C++17 wrapper over livesign.h.
//
// - `std::string_view` in, `std::array` (fixed sizes) or `std::string` out.
// - Errors are exceptions: every failing call throws `livesign::Error`, which carries the
//   `livesign::Status` (the C status) and its message ("sign invalid", "time expired", ...).
//   Exceptions keep the happy path a plain value and make an unchecked failure impossible;
//   verification failures are reported the same way (catch `livesign::Error` and switch on
//   `status()` to tell a forged request from an expired one).
// - Time defaults to the system clock (`livesign::unix_now()`); pass `now` explicitly in tests.
// - Key contexts (`livesign::HmacKey`) wipe themselves when destroyed.
// Compiles alone with -std=c++17 -Wall -Wextra -Werror -pedantic.
#ifndef LIVESIGN_HPP
#define LIVESIGN_HPP

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

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

/// The current Unix time in seconds (the default `now` of every call).
inline uint64_t unix_now() {
    using namespace std::chrono;
    return static_cast<uint64_t>(duration_cast<seconds>(system_clock::now().time_since_epoch()).count());
}

/// The library version ("MAJOR.MINOR.PATCH").
inline std::string_view version() noexcept { return livesign_version(); }

/// The ABI version of the linked library; equals LIVESIGN_ABI_VERSION for a matching header.
inline uint32_t abi_version() noexcept { return livesign_abi_version(); }

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

namespace tencent {

/// Length of a sign (LIVESIGN_TENCENT_SIGN_LEN).
inline std::size_t sign_len() noexcept { return livesign_tencent_sign_len(); }

/// `sign` = lowercase hex MD5(key + decimal t); `t` is the expiry (Unix seconds).
inline std::string sign(std::string_view key, uint64_t t) {
    std::array<uint8_t, LIVESIGN_TENCENT_SIGN_LEN> out{};
    detail::check(livesign_tencent_sign(detail::bytes(key), key.size(), t, out.data()));
    return detail::to_string(out);
}

/// Verifies `t` + `sign`; throws Error(SignatureMismatch) for "sign invalid" and
/// Error(Expired) for "time expired" (only when the sign is right).
inline void verify(std::string_view key, uint64_t t, std::string_view sign, uint64_t now = unix_now(),
                   uint32_t leeway_s = 0) {
    detail::check(livesign_tencent_verify(detail::bytes(key), key.size(), t, detail::bytes(sign), sign.size(), now,
                                          leeway_s));
}

}  // namespace tencent

/// Tencent TRTC / Chat REST API and TRTC event callbacks.
namespace trtc {

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

/// Another top-level field of a response, raw JSON text (a view into `body`).
inline std::string_view response_field(std::string_view body, std::string_view name) {
    livesign_slice v{};
    detail::check(livesign_trtc_rest_response_field(detail::bytes(body), body.size(), detail::bytes(name),
                                                    name.size(), &v));
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

/// The replay window on a verified body: throws Error(Expired) when its `CallbackTs` is older
/// than `max_age_s`; returns `CallbackTs` (milliseconds).
inline uint64_t check_time(std::string_view body, uint64_t now = unix_now(), uint32_t max_age_s = 300) {
    uint64_t ts = 0;
    detail::check(livesign_trtc_callback_check_time(detail::bytes(body), body.size(), now, max_age_s, &ts));
    return ts;
}

}  // namespace callback
}  // namespace trtc
}  // namespace livesign

#endif  // LIVESIGN_HPP
