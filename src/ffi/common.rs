//! Version and status functions shared by every provider.

use core::ffi::{CStr, c_char};

use super::buffer::OutBuf;
use super::status::{UNKNOWN, livesign_status};
use super::{boundary, input};
use crate::JsonStr;

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

/// Unescapes the text of a JSON string as livesign hands it back (the raw bytes between the
/// quotes, e.g. a `livesign_tencent_event` field): `\n`, `\"`, `\u00e9`, surrogate pairs and
/// the other RFC 8259 escapes become UTF-8. The result is never longer than `src`, so
/// `out_cap = src_len` always fits.
///
/// - `out`, `out_cap`, `out_len`: the output buffer; `*out_len` receives the length written,
///   the length needed (with `LIVESIGN_BUFFER_TOO_SMALL`), or 0 on other failures. `out` NULL
///   with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out_len` is NULL, or `src` or
/// `out` is NULL with a non-zero length; `LIVESIGN_MALFORMED` when `src` is not the inside of a
/// valid JSON string (invalid UTF-8, an unescaped `"` or control character, a bad escape, a
/// lone surrogate); `LIVESIGN_BUFFER_TOO_SMALL`. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_json_unescape(
    src: *const u8,
    src_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: out holds out_cap writable bytes not overlapping src, and
        // out_len is writable.
        let mut out = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let result = (|| {
            // SAFETY: the C contract: a non-NULL src points to src_len readable bytes.
            let src = unsafe { input(src, src_len) }?;
            Ok(JsonStr::from_raw(src)?.unescape_into(out.buf())?.len())
        })();
        out.report(result)
    })
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
