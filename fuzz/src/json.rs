//! The JSON reader against `serde_json`: whatever livesign accepts, serde_json accepts as an
//! object with the same members and values; whatever serde_json accepts as an object, livesign
//! accepts unless it nests deeper than livesign's limit. Duplicated names are where the two
//! differ by design: serde_json keeps the last value, livesign's lookup refuses the name.

use livesign::Error;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::status::livesign_status;
use livesign::fuzz_api::json::{self, Kind, Object, Value};
use serde_json::Value as Ref;

use super::reference::json_depth;

/// The invariants on one document, and on the same bytes as the text of a JSON string.
pub fn check(data: &[u8]) {
    unescape_agrees(data);
    let ours = json::parse_object(data);
    let theirs = serde_json::from_slice::<Ref>(data);
    match (ours, theirs) {
        (Ok(object), Ok(Ref::Object(map))) => agree(object, &map),
        (Ok(_), Ok(other)) => panic!("livesign accepted a non-object: {other}"),
        (Ok(_), Err(e)) => assert!(
            // serde_json turns numbers into f64 and refuses 1e400; livesign checks the grammar
            // and converts only the integers a caller asks for (`as_u64`).
            e.to_string().starts_with("number out of range"),
            "livesign accepted what serde_json rejects: {e}"
        ),
        (Err(e), Ok(Ref::Object(map))) => {
            assert_eq!(e, Error::Malformed);
            let depth = json_depth(&Ref::Object(map));
            assert!(depth > json::max_depth(), "serde_json accepted an object of depth {depth} that livesign rejects");
        }
        (Err(e), _) => assert_eq!(e, Error::Malformed),
    }
}

/// Both accepted `object`: the same names and, for every name that occurs once, the same
/// value; lookup refuses exactly the duplicated names.
pub fn agree(object: Object<'_>, map: &serde_json::Map<String, Ref>) {
    let mut names: Vec<Vec<u8>> = Vec::new();
    for (name, value) in object.members() {
        let unescaped: Vec<u8> = name.bytes().collect();
        assert!(name.eq(&unescaped));
        if let Some(plain) = name.plain() {
            assert_eq!(plain, &unescaped[..]);
        }
        let text = std::str::from_utf8(&unescaped).expect("member names unescape to UTF-8");
        let reference = map.get(text).expect("serde_json has every member livesign reads");
        if names.iter().all(|n| *n != unescaped) && object.get(&unescaped).is_ok() {
            value_agrees(value, reference);
        }
        names.push(unescaped);
    }
    let mut distinct = names.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), map.len(), "member names differ from serde_json's");

    let count = |n: &[u8]| names.iter().filter(|m| m.as_slice() == n).count();
    for name in &distinct {
        let got = object.get(name);
        if count(name) > 1 {
            assert_eq!(got.map(|_| ()), Err(Error::Malformed), "a duplicated name must be refused");
        } else {
            assert!(got.expect("a unique name is found").is_some());
        }
    }
    // One pass for several names, one of them absent.
    let pick = |i: usize| distinct.get(i).map_or(&b"\0absent"[..], |n| n.as_slice());
    let wanted = [pick(0), pick(distinct.len() / 2), pick(distinct.len().saturating_sub(1)), b"\0absent"];
    match object.lookup(wanted) {
        Ok(found) => {
            for (slot, name) in found.iter().zip(wanted) {
                assert_eq!(count(name), usize::from(slot.is_some()));
            }
        }
        Err(e) => {
            assert_eq!(e, Error::Malformed);
            assert!(wanted.iter().any(|n| count(n) > 1), "lookup refused names that occur once");
        }
    }
}

/// One value read by livesign against serde_json's reading of the same member.
pub fn value_agrees(value: Value<'_>, reference: &Ref) {
    let kind = match reference {
        Ref::Null => Kind::Null,
        Ref::Bool(_) => Kind::Bool,
        Ref::Number(_) => Kind::Number,
        Ref::String(_) => Kind::String,
        Ref::Array(_) => Kind::Array,
        Ref::Object(_) => Kind::Object,
    };
    assert_eq!(value.kind(), kind);
    let raw: Ref = serde_json::from_slice(value.raw()).expect("a value's raw text is JSON on its own");
    assert_eq!(&raw, reference, "raw text of a value");
    assert_eq!(value.as_u64(), reference.as_u64(), "integer value");
    match (value.as_str(), reference.as_str()) {
        (Some(s), Some(text)) => {
            let unescaped: Vec<u8> = s.bytes().collect();
            assert_eq!(unescaped, text.as_bytes());
            assert!(s.eq(text.as_bytes()));
            let mut buf = vec![0u8; text.len()];
            assert_eq!(s.unescape_into(&mut buf), Ok(text.as_bytes()));
            if !text.is_empty() {
                let mut short = vec![0u8; text.len() - 1];
                assert_eq!(s.unescape_into(&mut short), Err(Error::BufferTooSmall { needed: text.len() }));
            }
            escape_round_trips(text.as_bytes());
        }
        (None, None) => {}
        (ours, theirs) => panic!("string disagreement: {ours:?} / {theirs:?}"),
    }
}

/// Escaping `text` and reading it back gives `text`, and serde_json reads the same.
pub fn escape_round_trips(text: &[u8]) {
    let mut buf = vec![0u8; text.len() * 6 + 16];
    let n = json::escape(text, &mut buf).expect("six bytes per input byte always fit");
    let doc = [&b"{\"k\":\""[..], &buf[..n], b"\"}"].concat();
    let value = json::parse_object(&doc).expect("escaped text is a valid string").get(b"k").unwrap().unwrap();
    assert!(value.as_str().unwrap().eq(text));
    let reference: Ref = serde_json::from_slice(&doc).unwrap();
    assert_eq!(reference["k"].as_str().map(str::as_bytes), Some(text));
    if n > 0 {
        let mut short = vec![0u8; n - 1];
        assert_eq!(json::escape(text, &mut short), Err(Error::BufferTooSmall { needed: n }));
    }
}

/// `livesign_json_unescape` (and `JsonStr::from_raw`) on `raw` as the text between a JSON
/// string's quotes, against serde_json's reading of `"raw"`: the same value or both refuse
/// (a raw `"` ends serde_json's string early, so it refuses the trailing bytes too); the
/// value is never longer than the text; a short buffer gets the exact size.
pub fn unescape_agrees(raw: &[u8]) {
    let quoted = [&b"\""[..], raw, b"\""].concat();
    let theirs = serde_json::from_slice::<Ref>(&quoted).ok().and_then(|v| v.as_str().map(str::to_owned));
    let mut out = vec![0xa5u8; raw.len() + 8];
    let mut len = usize::MAX;
    // SAFETY: raw is valid for its length; out holds raw.len() bytes before its canaries.
    let status = unsafe { livesign_json_unescape(raw.as_ptr(), raw.len(), out.as_mut_ptr(), raw.len(), &mut len) };
    assert!(out[raw.len()..].iter().all(|&b| b == 0xa5), "written past out_cap");
    assert_eq!(livesign::JsonStr::from_raw(raw).is_ok(), theirs.is_some());
    match theirs {
        Some(text) => {
            assert_eq!((status, len), (livesign_status::LIVESIGN_OK, text.len()));
            assert_eq!(&out[..len], text.as_bytes());
            if !text.is_empty() {
                // SAFETY: as above, with a capacity one byte short.
                let s = unsafe {
                    livesign_json_unescape(raw.as_ptr(), raw.len(), out.as_mut_ptr(), text.len() - 1, &mut len)
                };
                assert_eq!((s, len), (livesign_status::LIVESIGN_BUFFER_TOO_SMALL, text.len()));
            }
        }
        None => assert_eq!((status, len), (livesign_status::LIVESIGN_MALFORMED, 0)),
    }
}
