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
}  // namespace livesign

#endif  // LIVESIGN_HPP
