//! A stable id per notification, for idempotent handling (a receiver that stores the ids it
//! has processed can drop redelivered notifications):
//!
//! ```text
//! {domain}/{app}/{stream}/{publish_timestamp}/{event}
//! ```
//!
//! Each field is its unescaped JSON value with every `%` written `%25`, every `/` written
//! `%2F`, and every byte outside printable ASCII (controls, DEL, the bytes of non-ASCII
//! characters) written `%XX` (uppercase hex), so the four `/` separators are the only `/` in an
//! id: splitting on `/` and percent-decoding gives back the five values, hence two
//! notifications that differ in any of them never share an id (`a/b` + `c` is `a%2Fb/c`, `a` +
//! `b/c` is `a/b%2Fc`). The id is printable ASCII, so every store and language compares it byte
//! for byte: `caf\u00e9` (`caf%C3%A9`) and `cafe\u0301` (`cafe%CC%81`), two streams to Huawei,
//! never share an id, though Swift's `String ==` and Unicode-normalising databases would merge
//! their UTF-8 texts. Two JSON spellings of one value (`"a\/b"`, `"a/b"`) give the same id.
//! The id covers no time other than `publish_timestamp`: the session's `PUBLISH` and
//! `PUBLISH_DONE` have different ids, and a redelivery has the same id as the original. So
//! does a re-push within the same second as the previous session (`publish_timestamp` has
//! one-second resolution). And `publish_timestamp` is not signed: a captured notification
//! resent with another `publish_timestamp` verifies and has another id.
//!
//! Hence a second id, the replay id, made the same way of the fields `auth_sign` covers:
//!
//! ```text
//! {domain}/{app}/{stream}/{auth_timestamp}/{event}
//! ```
//!
//! (`auth_timestamp` in decimal). A notification resent by whoever captured it, whatever its
//! unsigned fields, has the original's replay id, and one Huawei signed anew has another. Keep
//! the replay ids of the notifications accepted until their `auth_timestamp` + leeway has
//! passed (the verifier refuses them after that) and drop a notification whose replay id is
//! known: it is a redelivery or a replay. Then use the event id and the ordering state.

use super::Notification;
use crate::Error;
use crate::json::Str;
use crate::text::{self, Decimal, Out};
use crate::url;

/// Writes the id of the notification with these fields.
fn write(fields: [Str<'_>; 5], out: &mut Out<'_>) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b"/");
        }
        for b in field.bytes() {
            match b {
                b'%' | b'/' | ..=0x1F | 0x7F.. => url::push_percent(b, out),
                _ => out.push(&[b]),
            }
        }
    }
}

/// Writes the id into `out` and returns its length, or [`Error::BufferTooSmall`] with the
/// length needed and `out` untouched: a caller reusing a buffer never finds half an id in it.
pub(crate) fn write_into(fields: [Str<'_>; 5], out: &mut [u8]) -> Result<usize, Error> {
    text::write_whole(out, usize::MAX, |o| write(fields, o))
}

impl Notification<'_> {
    /// Writes this notification's id (module `event_id`) into `out` and returns its length;
    /// [`Error::BufferTooSmall`] carries the length needed (and nothing is written then).
    pub fn event_id(&self, out: &mut [u8]) -> Result<usize, Error> {
        write_into(self.id_fields(), out)
    }

    /// Writes this notification's replay id (module `event_id`) into `out` and returns its
    /// length, as [`Notification::event_id`] does.
    pub fn replay_id(&self, out: &mut [u8]) -> Result<usize, Error> {
        let auth_timestamp = Decimal::new(self.auth_timestamp);
        write_into(replay_fields(self.domain, self.app, self.stream, &auth_timestamp, self.event), out)
    }

    fn id_fields(&self) -> [Str<'_>; 5] {
        [self.domain, self.app, self.stream, self.publish_timestamp, self.event]
    }
}

/// The fields of a replay id, in order.
pub(crate) fn replay_fields<'a>(
    domain: Str<'a>,
    app: Str<'a>,
    stream: Str<'a>,
    auth_timestamp: &'a Decimal,
    event: Str<'a>,
) -> [Str<'a>; 5] {
    [domain, app, stream, Str::plain_text(auth_timestamp.as_bytes()), event]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JsonStr;

    fn id(fields: [&str; 5]) -> String {
        let f = fields.map(|s| JsonStr::from_raw(s.as_bytes()).unwrap());
        let mut buf = [0u8; 256];
        let mut o = Out::new(&mut buf);
        write(f, &mut o);
        let n = o.finish().unwrap();
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn format_and_escaping() {
        assert_eq!(
            id(["push.example.com", "live", "example_stream", "1587954134", "PUBLISH"]),
            "push.example.com/live/example_stream/1587954134/PUBLISH"
        );
        assert_eq!(id(["a/b", "c", "d", "1", "E"]), "a%2Fb/c/d/1/E");
        assert_eq!(id(["a", "b/c", "d", "1", "E"]), "a/b%2Fc/d/1/E");
        assert_eq!(id(["a%2Fb", "c", "d", "1", "E"]), "a%252Fb/c/d/1/E");
        assert_eq!(id(["a\\/b", "c", "d", "1,", "E"]), "a%2Fb/c/d/1,/E");
        // Printable ASCII only: non-ASCII bytes, controls and DEL are percent-encoded.
        assert_eq!(id(["\\u00e9", "", "", "", ""]), "%C3%A9////");
        assert_eq!(
            id(["cafe\\u0301", "caf\\u00e9", "a b~", "\\u0001\\u007f", "!"]),
            "cafe%CC%81/caf%C3%A9/a b~/%01%7F/!"
        );
    }

    #[test]
    fn ids_of_different_fields_differ() {
        let samples = ["", "a", "/", "%", "a/b", "%2F", "%252F", "b/", "/a", "\\u00e9", "%C3%A9", "e\\u0301"];
        let mut seen = std::collections::HashMap::new();
        for a in samples {
            for b in samples {
                for c in samples {
                    let fields = [a, b, c, "1", "PUBLISH"];
                    if let Some(prev) = seen.insert(id(fields), fields) {
                        panic!("{prev:?} and {fields:?} share an id");
                    }
                }
            }
        }
    }
}
