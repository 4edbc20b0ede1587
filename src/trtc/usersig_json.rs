//! The UserSig JSON document exactly as the official Go SDK writes it (`encoding/json`
//! `Encoder.Encode` of its struct): members in the order ver, identifier, sdkappid, expire,
//! time, userbuf, sig; `omitempty` drops an empty identifier and a zero sdkappid, expire or
//! time; no spaces; a trailing newline; strings escaped the way Go escapes them (HTML-safe).
//!
//! Matching Go byte for byte makes livesign's tokens identical to the Go SDK's for the same
//! inputs and clock, which the shared vectors check.

use super::usersig::{Claims, SIG_B64_LEN};

const VER: &[u8] = b"{\"TLS.ver\":\"2.0\"";
const IDENTIFIER: &[u8] = b",\"TLS.identifier\":\"";
const SDKAPPID: &[u8] = b",\"TLS.sdkappid\":";
const EXPIRE: &[u8] = b",\"TLS.expire\":";
const TIME: &[u8] = b",\"TLS.time\":";
const USERBUF: &[u8] = b",\"TLS.userbuf\":\"";
const SIG: &[u8] = b",\"TLS.sig\":\"";
const END: &[u8] = b"\"}\n";

/// Writes the document for `c` with `sig_b64` (the standard base64 `TLS.sig`, as
/// [`crate::base64::encode_sha256_words`] gives it) as pieces.
pub(crate) fn write_go_doc(c: &Claims<'_>, sig_b64: &[u8; SIG_B64_LEN], emit: &mut impl FnMut(&[u8])) {
    emit(VER);
    if !c.identifier.is_empty() {
        emit(IDENTIFIER);
        escape(c.identifier, emit);
        emit(b"\"");
    }
    if c.sdkappid != 0 {
        emit(SDKAPPID);
        emit(c.sdkappid_dec.as_bytes());
    }
    if c.expire != 0 {
        emit(EXPIRE);
        emit(c.expire_dec.as_bytes());
    }
    if c.time != 0 {
        emit(TIME);
        emit(c.time_dec.as_bytes());
    }
    if let Some(userbuf) = c.userbuf_b64 {
        emit(USERBUF);
        emit(userbuf);
        emit(b"\"");
    }
    emit(SIG);
    // Eight bytes at a time, as the encoder stored them: a wider copy would load across its
    // stores, just made, and wait for them to reach the cache.
    for chunk in sig_b64.chunks(8) {
        emit(chunk);
    }
    emit(END);
}

/// Length of the document [`write_go_doc`] writes, from the lengths of its parts: the
/// escaped identifier (0 = empty, omitted), the digits of sdkappid, expire and time (0 = the
/// value is 0, omitted) and the userbuf's base64 (`None` = no userbuf). `TLS.sig` is always
/// 44 characters.
pub(crate) const fn go_doc_len(
    escaped_identifier: usize,
    sdkappid_digits: usize,
    expire_digits: usize,
    time_digits: usize,
    userbuf_b64: Option<usize>,
) -> usize {
    let mut n = VER.len() + SIG.len() + super::usersig::SIG_B64_LEN + END.len();
    if escaped_identifier > 0 {
        n += IDENTIFIER.len() + escaped_identifier + 1;
    }
    if sdkappid_digits > 0 {
        n += SDKAPPID.len() + sdkappid_digits;
    }
    if expire_digits > 0 {
        n += EXPIRE.len() + expire_digits;
    }
    if time_digits > 0 {
        n += TIME.len() + time_digits;
    }
    if let Some(u) = userbuf_b64 {
        n += USERBUF.len() + u + 1;
    }
    n
}

/// How Go escapes one byte of a valid UTF-8 string, or `None` when it copies it as is.
/// U+2028 and U+2029 are handled separately (they are three bytes).
fn escape_of(b: u8) -> Option<&'static [u8]> {
    Some(match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        // Go 1.22 and later; earlier releases wrote \u0008 and \u000c (both parse the same).
        0x08 => b"\\b",
        0x0c => b"\\f",
        0x00..=0x1f => &CONTROL[b as usize],
        b'<' => b"\\u003c",
        b'>' => b"\\u003e",
        b'&' => b"\\u0026",
        _ => return None,
    })
}

/// `\u00XX` (lowercase hex, as Go writes it) for every control character.
static CONTROL: [[u8; 6]; 32] = {
    let hex = b"0123456789abcdef";
    let mut t = [[0u8; 6]; 32];
    let mut i = 0;
    while i < 32 {
        t[i] = [b'\\', b'u', b'0', b'0', hex[i >> 4], hex[i & 15]];
        i += 1;
    }
    t
};

/// Go escapes the line and paragraph separators for JavaScript's sake.
fn separator_escape(s: &[u8]) -> Option<&'static [u8]> {
    match s {
        [0xe2, 0x80, 0xa8, ..] => Some(b"\\u2028"),
        [0xe2, 0x80, 0xa9, ..] => Some(b"\\u2029"),
        _ => None,
    }
}

/// Bytes that are always copied as they are: one lookup per byte on the common path, where
/// an identifier has nothing to escape.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x20;
    while b < 256 {
        t[b] = !matches!(b as u8, b'"' | b'\\' | b'<' | b'>' | b'&' | 0xe2);
        b += 1;
    }
    t
};

/// Writes `s` (valid UTF-8) escaped as Go's `encoding/json` does with HTML escaping on.
fn escape(s: &[u8], emit: &mut impl FnMut(&[u8])) {
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if PLAIN[usize::from(b)] {
            i += 1;
            continue;
        }
        // Not plain: a byte Go escapes, or 0xe2, the lead byte of U+2028 and U+2029 (and of
        // other characters, copied as they are).
        let found = match escape_of(b) {
            Some(e) => Some((e, 1)),
            None => s.get(i..).and_then(separator_escape).map(|e| (e, 3)),
        };
        let Some((esc, width)) = found else {
            i += 1;
            continue;
        };
        emit(s.get(start..i).unwrap_or_default());
        emit(esc);
        i += width;
        start = i;
    }
    emit(s.get(start..).unwrap_or_default());
}

/// Writes `s` escaped (for `livesign::fuzz_api`, which checks the escaper the UserSig writer
/// uses against serde_json).
#[cfg(feature = "fuzzing")]
pub(crate) fn escape_into(s: &[u8], out: &mut crate::text::Out<'_>) {
    escape(s, &mut |piece: &[u8]| out.push(piece));
}

/// Length of `s` once escaped.
pub(crate) fn escaped_len(s: &[u8]) -> usize {
    let mut n = 0;
    escape(s, &mut |piece: &[u8]| n += piece.len());
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut v = Vec::new();
        escape(s.as_bytes(), &mut |p: &[u8]| v.extend_from_slice(p));
        assert_eq!(escaped_len(s.as_bytes()), v.len());
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn escapes_like_go() {
        assert_eq!(escaped("xiaojun"), "xiaojun");
        assert_eq!(escaped("a\"b\\c/d<e>&f"), "a\\\"b\\\\c/d\\u003ce\\u003e\\u0026f");
        assert_eq!(escaped("用户_Zoë😀"), "用户_Zoë😀");
        assert_eq!(escaped("\u{0}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}"), "\\u0000\\b\\t\\n\\f\\r\\u001f\u{7f}");
        assert_eq!(escaped("a\u{2028}b\u{2029}c\u{2027}"), "a\\u2028b\\u2029c\u{2027}");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn the_plain_table_is_the_escaper_less_the_separator_lead_byte() {
        for b in 0..=255u8 {
            assert_eq!(PLAIN[usize::from(b)], escape_of(b).is_none() && b != 0xe2, "{b:#04x}");
        }
    }

    #[test]
    fn escaped_text_parses_back() {
        let s = "q\"<>&\\\u{1}\u{2028}é😀/";
        let doc = format!("{{\"k\":\"{}\"}}", escaped(s));
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["k"], s);
    }
}
