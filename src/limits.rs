//! The longest input each class of operation reads. Every operation is linear in its input,
//! but a caller forwarding attacker-chosen bytes (a callback body, a URL, a token) should not
//! have to bound them itself to bound the work: a gigabyte body is refused at once instead of
//! being hashed or parsed. The limits sit far above anything the clouds send.
//!
//! An input over its limit is [`Error::InvalidArgument`] ("value out of range", the status
//! DESIGN.md fixes for it), checked before anything else is read, so the status list (a
//! public contract) needs no new entry. A key over its limit is [`Error::InvalidKey`], the
//! status of every other key-length rule.

use crate::Error;

/// The input limits, in bytes (`LIVESIGN_MAX_*` in C).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Limits;

// Rust-only constants: the doc line below keeps cbindgen from copying them into the C header
// (the C API has its own LIVESIGN_MAX_* constants in src/ffi/limits.rs).
/// cbindgen:ignore
impl Limits {
    /// A signed callback or notification body (Tencent CSS and TRTC callbacks, Huawei
    /// notifications, SparkRTC callbacks): 1 MiB. The clouds send a few hundred bytes.
    pub const MAX_BODY_LEN: usize = 1 << 20;
    /// A response body read for its fields (TRTC REST envelopes, legacy CSS API responses, any
    /// field of a body): 16 MiB, room for large list queries.
    pub const MAX_RESPONSE_LEN: usize = 16 << 20;
    /// A URL or URL path (verified URLs, a legacy API base, an `auth_key` URI, recording file
    /// URLs, API parameter values): 8 KiB, what common HTTP servers accept in a request line.
    pub const MAX_URL_LEN: usize = 8 << 10;
    /// A name: a stream, app, domain, host, REST service or command, field or parameter name,
    /// header value, or a UserSig identifier (`UserSig::MAX_IDENTIFIER_LEN` is the same 256).
    pub const MAX_ID_LEN: usize = 256;
    /// A raw key: 1 KiB. Providers' own rules are stricter where they have one (Huawei 32 to
    /// 128, TRTC callbacks 32); Tencent, Alibaba and the UserSig secret have none.
    pub const MAX_KEY_LEN: usize = 1 << 10;
}

/// `InvalidArgument` when `input` is longer than `max`.
pub(crate) fn check(input: &[u8], max: usize) -> Result<(), Error> {
    if input.len() > max { Err(Error::InvalidArgument) } else { Ok(()) }
}

/// Every input of a list within its limit (`InvalidArgument` otherwise).
pub(crate) fn check_all<const N: usize>(inputs: [(&[u8], usize); N]) -> Result<(), Error> {
    inputs.iter().try_for_each(|&(input, max)| check(input, max))
}

/// Whether a key's length is within [`Limits::MAX_KEY_LEN`] (and not empty): the rule of the
/// providers that have no rule of their own.
pub(crate) fn key_len_ok(key: &[u8]) -> bool {
    (1..=Limits::MAX_KEY_LEN).contains(&key.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_inclusive() {
        assert_eq!(check(&[0; 3], 3), Ok(()));
        assert_eq!(check(&[0; 4], 3), Err(Error::InvalidArgument));
        assert_eq!(check_all([(b"ab", 2), (b"", 0)]), Ok(()));
        assert_eq!(check_all([(b"ab", 2), (b"x", 0)]), Err(Error::InvalidArgument));
        assert!(!key_len_ok(b"") && key_len_ok(b"k") && key_len_ok(&[0; Limits::MAX_KEY_LEN]));
        assert!(!key_len_ok(&[0; Limits::MAX_KEY_LEN + 1]));
    }
}
