//! The input limits in C (`LIVESIGN_MAX_*`), each with a size-function twin for bindings that
//! cannot read macros. An input longer than its limit is `LIVESIGN_INVALID_ARGUMENT` ("value
//! out of range"), reported with the other argument errors, before anything is parsed or
//! hashed; a key longer than `LIVESIGN_MAX_KEY_LEN` is `LIVESIGN_INVALID_KEY`, like every
//! other key-length rule. UserSig tokens, identifiers and userbufs keep their own constants
//! (`LIVESIGN_USERSIG_MAX_LEN`, `LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN`,
//! `LIVESIGN_USERSIG_USERBUF_MAX_LEN`).

use crate::Limits;

/// The longest signed callback or notification body read (1 MiB): Tencent CSS and TRTC event
/// callbacks, Huawei notifications, SparkRTC callbacks.
pub const LIVESIGN_MAX_BODY_LEN: usize = 1_048_576;
/// The longest response body read for its fields (16 MiB): TRTC REST responses, legacy CSS
/// API responses, `livesign_tencent_callback_field`, `livesign_json_unescape`.
pub const LIVESIGN_MAX_RESPONSE_LEN: usize = 16_777_216;
/// The longest URL or URL path (8 KiB): verified URLs, a legacy API base, an `auth_key` URI,
/// recording file URLs, legacy API parameter values.
pub const LIVESIGN_MAX_URL_LEN: usize = 8192;
/// The longest name (256 bytes): stream, app, domain, host, REST service and command, field and
/// parameter names, header values, Huawei signed fields. The same as
/// `LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN`.
pub const LIVESIGN_MAX_ID_LEN: usize = 256;
/// The longest raw key (1 KiB), for the providers without a stricter rule of their own
/// (Tencent, Alibaba, UserSig, SparkRTC, `livesign_hmac_key_init`); longer is
/// `LIVESIGN_INVALID_KEY`.
pub const LIVESIGN_MAX_KEY_LEN: usize = 1024;
const _: () = {
    assert!(LIVESIGN_MAX_BODY_LEN == Limits::MAX_BODY_LEN);
    assert!(LIVESIGN_MAX_RESPONSE_LEN == Limits::MAX_RESPONSE_LEN);
    assert!(LIVESIGN_MAX_URL_LEN == Limits::MAX_URL_LEN);
    assert!(LIVESIGN_MAX_ID_LEN == Limits::MAX_ID_LEN);
    assert!(LIVESIGN_MAX_KEY_LEN == Limits::MAX_KEY_LEN);
};

/// Returns `LIVESIGN_MAX_BODY_LEN`. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_max_body_len() -> usize {
    LIVESIGN_MAX_BODY_LEN
}

/// Returns `LIVESIGN_MAX_RESPONSE_LEN`. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_max_response_len() -> usize {
    LIVESIGN_MAX_RESPONSE_LEN
}

/// Returns `LIVESIGN_MAX_URL_LEN`. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_max_url_len() -> usize {
    LIVESIGN_MAX_URL_LEN
}

/// Returns `LIVESIGN_MAX_ID_LEN`. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_max_id_len() -> usize {
    LIVESIGN_MAX_ID_LEN
}

/// Returns `LIVESIGN_MAX_KEY_LEN`. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_max_key_len() -> usize {
    LIVESIGN_MAX_KEY_LEN
}
