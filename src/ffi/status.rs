//! `livesign_status`: the numbers every C function returns, and their static messages.

use core::ffi::CStr;

use crate::Error;

/// The result of every livesign call that can fail. The values are a public contract and are
/// never reused; the type is a `uint32_t` in C.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[must_use]
pub enum livesign_status {
    /// Success.
    LIVESIGN_OK = 0,
    /// A NULL pointer with a non-zero length or a NULL output pointer, text that is not UTF-8,
    /// or a value out of range.
    LIVESIGN_INVALID_ARGUMENT = 1,
    /// The output buffer is too short; `*out_len` holds the size needed.
    LIVESIGN_BUFFER_TOO_SMALL = 2,
    /// The signature does not match (Tencent's "sign invalid").
    LIVESIGN_SIGNATURE_MISMATCH = 3,
    /// Outside the validity window (Tencent's "time expired"): a correct signature whose time
    /// has passed, or, where a provider bounds a send time both ways (Alibaba callbacks,
    /// SparkRTC), one too far from `now`. Verifications check the signature first;
    /// `livesign_trtc_callback_check_time` checks only the time.
    LIVESIGN_EXPIRED = 4,
    /// The input cannot be parsed: hex, base64, zlib, JSON, a missing or mistyped field.
    LIVESIGN_MALFORMED = 5,
    /// The key is empty or breaks the provider's rule: its length, and for some providers its
    /// characters (a TRTC callback key of letters and digits, a Huawei URL key of both).
    LIVESIGN_INVALID_KEY = 6,
    /// A valid UserSig issued for another sdkappid or identifier: its signature checks out
    /// under the key given (a token that also fails that is `LIVESIGN_SIGNATURE_MISMATCH`).
    LIVESIGN_IDENTITY_MISMATCH = 7,
    /// A bug in livesign (a caught panic). Outputs are unspecified; please report it.
    LIVESIGN_INTERNAL = 255,
}

use livesign_status::*;

impl livesign_status {
    const ALL: [livesign_status; 9] = [
        LIVESIGN_OK,
        LIVESIGN_INVALID_ARGUMENT,
        LIVESIGN_BUFFER_TOO_SMALL,
        LIVESIGN_SIGNATURE_MISMATCH,
        LIVESIGN_EXPIRED,
        LIVESIGN_MALFORMED,
        LIVESIGN_INVALID_KEY,
        LIVESIGN_IDENTITY_MISMATCH,
        LIVESIGN_INTERNAL,
    ];

    pub(crate) const fn from_error(e: Error) -> Self {
        match e {
            Error::InvalidArgument => LIVESIGN_INVALID_ARGUMENT,
            Error::BufferTooSmall { .. } => LIVESIGN_BUFFER_TOO_SMALL,
            Error::SignatureMismatch => LIVESIGN_SIGNATURE_MISMATCH,
            Error::Expired => LIVESIGN_EXPIRED,
            Error::Malformed => LIVESIGN_MALFORMED,
            Error::InvalidKey => LIVESIGN_INVALID_KEY,
            Error::IdentityMismatch => LIVESIGN_IDENTITY_MISMATCH,
        }
    }

    /// The status with this number, if there is one.
    pub const fn from_code(code: u32) -> Option<Self> {
        let mut i = 0;
        while i < Self::ALL.len() {
            if Self::ALL[i] as u32 == code {
                return Some(Self::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// A static English message; Tencent's own words for the two statuses it names.
    pub const fn message(self) -> &'static CStr {
        match self {
            LIVESIGN_OK => c"ok",
            LIVESIGN_INVALID_ARGUMENT => c"invalid argument",
            LIVESIGN_BUFFER_TOO_SMALL => c"buffer too small",
            LIVESIGN_SIGNATURE_MISMATCH => c"sign invalid",
            LIVESIGN_EXPIRED => c"time expired",
            LIVESIGN_MALFORMED => c"malformed input",
            LIVESIGN_INVALID_KEY => c"invalid key",
            LIVESIGN_IDENTITY_MISMATCH => c"identity mismatch",
            LIVESIGN_INTERNAL => c"internal error",
        }
    }
}

/// The message for a number that is not a status.
pub(crate) const UNKNOWN: &CStr = c"unknown status";
