//! JSON helpers for fields handed back as views into the caller's input.

use super::buffer::OutBuf;
use super::status::livesign_status;
use super::{boundary, input};
use crate::JsonStr;

/// Unescapes JSON string text: `raw` is the text between a JSON string's quotes, as
/// livesign hands back fields whose `escaped` bit is set (e.g. `livesign_huawei_event`), and
/// `out` receives the string's value (UTF-8, no NUL). The value is never longer than `raw`,
/// so `out_cap = raw_len` always fits.
///
/// Returns `LIVESIGN_OK` (`*out_len` = length written); `LIVESIGN_INVALID_ARGUMENT` when
/// `out_len` is NULL, `out` is NULL with `out_cap > 0` or `raw` is NULL with a length;
/// `LIVESIGN_MALFORMED` when `raw` is not JSON string text (invalid UTF-8, a raw `"` or
/// control character, a bad escape, a lone surrogate); `LIVESIGN_BUFFER_TOO_SMALL`
/// (`*out_len` = size needed, the content of `out` unspecified). `*out_len` is 0 on other
/// failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_json_unescape(
    raw: *const u8,
    raw_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for (out, out_cap, out_len).
        let mut buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        // SAFETY: the C contract: a non-NULL raw points to raw_len bytes not aliased by out.
        let result = unsafe { input(raw, raw_len) }
            .and_then(JsonStr::from_raw)
            .and_then(|s| s.unescape_into(buf.buf()).map(<[u8]>::len));
        buf.report(result)
    })
}
