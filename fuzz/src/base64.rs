//! Base64 in both alphabets against the `base64` crate's strict engine: the same encodings,
//! and the same decodings of any text (livesign accepts exactly the canonical padded form, as
//! the strict engine does), plus the round trips both ways.

use livesign::Error;
use livesign::fuzz_api::base64::{self, Alphabet};

use super::reference::{base64_decode, base64_encode, swap_alphabet};

/// The invariants on one input, read both as bytes to encode and as text to decode.
pub fn check(data: &[u8]) {
    for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
        encoding(alphabet, data);
        decoding(alphabet, data);
    }
}

/// Standard text from text in `alphabet`.
fn to_standard(alphabet: Alphabet, text: &[u8]) -> Vec<u8> {
    match alphabet {
        Alphabet::Standard => text.to_vec(),
        Alphabet::Tencent => swap_alphabet(text),
    }
}

/// `decode(encode(x)) == x`, the reference and the in-place encoder write the same text,
/// and a short buffer gets the exact size.
pub fn encoding(alphabet: Alphabet, bytes: &[u8]) {
    let len = base64::encoded_len(bytes.len());
    let mut text = vec![0u8; len];
    assert_eq!(base64::encode(alphabet, bytes, &mut text), Ok(len));
    assert_eq!(to_standard(alphabet, &text), base64_encode(bytes).as_bytes());
    let mut in_place = vec![0u8; len];
    assert_eq!(base64::encode_in_place(alphabet, bytes, &mut in_place), Ok(len));
    assert_eq!(in_place, text, "in place");
    if len > 0 {
        let mut short = vec![0u8; len - 1];
        assert_eq!(base64::encode(alphabet, bytes, &mut short), Err(Error::BufferTooSmall { needed: len }));
    }
    let mut back = vec![0u8; base64::decoded_max_len(len)];
    assert_eq!(base64::decode(alphabet, &text, &mut back), Ok(bytes));
}

/// Livesign decodes `text` exactly when the strict reference does, to the same bytes; what
/// decodes re-encodes to `text` itself (canonical); a short buffer gets the exact size.
pub fn decoding(alphabet: Alphabet, text: &[u8]) {
    let mut buf = vec![0u8; base64::decoded_max_len(text.len())];
    let ours = base64::decode(alphabet, text, &mut buf).map(<[u8]>::to_vec);
    let theirs = base64_decode(&to_standard(alphabet, text));
    match (&ours, &theirs) {
        (Ok(a), Some(b)) => assert_eq!(a, b),
        (Err(Error::Malformed), None) => {}
        _ => panic!("{alphabet:?} decoding of {text:?}: livesign {ours:?}, reference {theirs:?}"),
    }
    if let Ok(bytes) = ours {
        let mut again = vec![0u8; text.len()];
        assert_eq!(base64::encode(alphabet, &bytes, &mut again), Ok(text.len()));
        assert_eq!(again, text, "only the canonical encoding decodes");
        if !bytes.is_empty() {
            let mut short = vec![0u8; bytes.len() - 1];
            assert_eq!(base64::decode(alphabet, text, &mut short), Err(Error::BufferTooSmall { needed: bytes.len() }));
        }
    }
}
