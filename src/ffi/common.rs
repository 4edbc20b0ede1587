//! Version and status functions shared by every provider.

use core::ffi::{CStr, c_char};

use super::status::{UNKNOWN, livesign_status};

/// The ABI version of this header and library. It grows by one with every change that can
/// break a program compiled against an earlier header; compare it with
/// `livesign_abi_version()` at start-up to detect a mismatched library.
pub const LIVESIGN_ABI_VERSION: u32 = 1;

const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(v) => v,
    Err(_) => panic!("the crate version contains a NUL byte"),
};

/// Returns `LIVESIGN_ABI_VERSION` as compiled into the library. Never fails, never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_abi_version() -> u32 {
    LIVESIGN_ABI_VERSION
}

/// Returns the library version ("MAJOR.MINOR.PATCH") as a static NUL-terminated string.
/// Never NULL; do not free it. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Returns a static NUL-terminated English message for a `livesign_status` value, using
/// Tencent's words where it has them ("sign invalid", "time expired"). Unknown values give
/// "unknown status". Never NULL; do not free it. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_status_str(status: u32) -> *const c_char {
    livesign_status::from_code(status).map_or(UNKNOWN, livesign_status::message).as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(p: *const c_char) -> &'static str {
        assert!(!p.is_null());
        // SAFETY: every pointer these functions return is a 'static NUL-terminated CStr.
        #[allow(unsafe_code)]
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(text(livesign_version()), env!("CARGO_PKG_VERSION"));
        assert_eq!(livesign_abi_version(), LIVESIGN_ABI_VERSION);
    }

    #[test]
    fn status_str_is_never_null() {
        assert_eq!(text(livesign_status_str(3)), "sign invalid");
        assert_eq!(text(livesign_status_str(4)), "time expired");
        for code in [8, 9, 100, 254, 256, u32::MAX] {
            assert_eq!(text(livesign_status_str(code)), "unknown status");
        }
    }
}
