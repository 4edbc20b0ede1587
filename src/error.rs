//! The one error type of the safe API, and its one-to-one mapping onto `livesign_status`.

use crate::ffi::status::livesign_status;

/// Why an operation failed. Each variant maps to exactly one C status (see [`Error::code`]);
/// the C-only `LIVESIGN_INTERNAL` (a caught panic) has no variant because the safe API never
/// reports it. The messages are the clouds' own words where they have them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A NULL pointer with a non-zero length, text that is not UTF-8, or a value out of range.
    #[error("invalid argument")]
    InvalidArgument,
    /// The output buffer is too short; `needed` bytes would fit.
    #[error("buffer too small")]
    BufferTooSmall {
        /// The size that is needed.
        needed: usize,
    },
    /// The signature does not match: Tencent's "sign invalid".
    #[error("sign invalid")]
    SignatureMismatch,
    /// The signature is right but its validity has ended: Tencent's "time expired".
    #[error("time expired")]
    Expired,
    /// The input cannot be parsed (hex, base64, zlib, JSON, a missing or mistyped field).
    #[error("malformed input")]
    Malformed,
    /// The key is empty or outside the provider's allowed length.
    #[error("invalid key")]
    InvalidKey,
    /// A valid token issued for another application or identifier: its signature checks out
    /// under the key given (one that also fails that is [`Error::SignatureMismatch`]).
    #[error("identity mismatch")]
    IdentityMismatch,
}

impl Error {
    /// The numeric `livesign_status` of this error, as the C API returns it.
    pub const fn code(self) -> u32 {
        livesign_status::from_error(self) as u32
    }
}

impl From<Error> for livesign_status {
    fn from(e: Error) -> Self {
        livesign_status::from_error(e)
    }
}

#[cfg(test)]
mod tests {
    use super::Error;
    use crate::ffi::status::livesign_status;

    const ALL: [Error; 7] = [
        Error::InvalidArgument,
        Error::BufferTooSmall { needed: 7 },
        Error::SignatureMismatch,
        Error::Expired,
        Error::Malformed,
        Error::InvalidKey,
        Error::IdentityMismatch,
    ];

    #[test]
    fn display_matches_the_c_status_text() {
        for e in ALL {
            let c = livesign_status::from(e).message().to_str().unwrap();
            assert_eq!(e.to_string(), c, "{e:?}");
        }
    }

    #[test]
    fn codes_are_the_documented_numbers_and_distinct() {
        let codes: Vec<u32> = ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5, 6, 7]);
    }
}
