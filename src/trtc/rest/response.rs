//! The envelope of every REST response (seed 002): `ActionStatus`, `ErrorInfo`, `ErrorCode`
//! and `RequestId`, read strictly and without copying.
//!
//! `ActionStatus`, `ErrorInfo` and `ErrorCode` are required: a body without one of them, with
//! one of the wrong JSON type, or with one of them twice is `Malformed` (two JSON parsers must
//! never disagree on which `ErrorCode` a response carried). `RequestId` is read when present
//! (a string, at most once) and empty when absent: seed 002 (the Live room API) says every
//! response carries it, but Tencent's Chat REST docs show responses without it, e.g.
//! `account_import`'s `{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}`, and a reader for
//! every service on the same host must not refuse them. The command's own fields are read
//! raw with [`field`] / [`Response::field`].

use crate::Error;
use crate::json::{self, Kind, Object, Str, Value};
use crate::limits::{self, Limits};

/// `ActionStatus`: `"OK"` or `"FAIL"` (case-sensitive, as Tencent writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    /// The request was processed.
    Ok,
    /// The request failed; `ErrorCode` and `ErrorInfo` say why.
    Fail,
}

/// A parsed response envelope: views into the caller's body.
#[derive(Debug, Clone, Copy)]
pub struct Response<'a> {
    action_status: ActionStatus,
    error_code: i64,
    error_info: Str<'a>,
    request_id: Str<'a>,
    object: Object<'a>,
}

impl<'a> Response<'a> {
    /// Parses a response body (one strict RFC 8259 JSON object, UTF-8).
    ///
    /// Errors: [`Error::InvalidArgument`] for a body over [`crate::Limits::MAX_RESPONSE_LEN`];
    /// [`Error::Malformed`] when the body is not a JSON object, when `ActionStatus` (a
    /// string, `"OK"` or `"FAIL"`), `ErrorCode` (an integer: no fraction or exponent, within
    /// `i64`) or `ErrorInfo` (a string) is missing, of another type, or present twice, or when
    /// `RequestId` is not a string or present twice (absent, it reads as empty: Tencent's Chat
    /// docs show responses without it). Other members may be anything.
    ///
    /// The two status fields are reported as sent, even when they disagree (`"OK"` with a
    /// non-zero code): use [`Response::is_success`], which wants both.
    pub fn parse(body: &'a [u8]) -> Result<Self, Error> {
        limits::check(body, Limits::MAX_RESPONSE_LEN)?;
        let (object, [status, code, info, id]) =
            json::parse_object_lookup(body, [b"ActionStatus", b"ErrorCode", b"ErrorInfo", b"RequestId"])?;
        let status = string(status)?;
        let action_status = if status.eq(b"OK") {
            ActionStatus::Ok
        } else if status.eq(b"FAIL") {
            ActionStatus::Fail
        } else {
            return Err(Error::Malformed);
        };
        let error_code = integer(code.ok_or(Error::Malformed)?)?;
        let request_id = match id {
            Some(_) => string(id)?,
            None => Str::EMPTY,
        };
        Ok(Self { action_status, error_code, error_info: string(info)?, request_id, object })
    }

    /// `ActionStatus`.
    pub fn action_status(&self) -> ActionStatus {
        self.action_status
    }

    /// `ErrorCode`: 0 on success; see [`super::lookup`] for the common codes.
    pub fn error_code(&self) -> i64 {
        self.error_code
    }

    /// `true` only for `ActionStatus` `"OK"` together with `ErrorCode` 0.
    pub fn is_success(&self) -> bool {
        self.action_status == ActionStatus::Ok && self.error_code == 0
    }

    /// `ErrorInfo` exactly as written between its quotes (JSON escapes, rare here, are not
    /// undone; [`Response::error_info_unescaped`] does that).
    pub fn error_info(&self) -> &'a str {
        raw_str(self.error_info)
    }

    /// `ErrorInfo` with its JSON escapes undone, written into `buf`
    /// ([`Error::BufferTooSmall`] with the length needed when it does not fit).
    pub fn error_info_unescaped<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        self.error_info.unescape_into(buf)
    }

    /// `RequestId` exactly as written between its quotes (the id to quote to Tencent support);
    /// empty when the response has none.
    pub fn request_id(&self) -> &'a str {
        raw_str(self.request_id)
    }

    /// The raw JSON text of another top-level member (strings keep their quotes), `None`
    /// when absent, [`Error::InvalidArgument`] for a name over [`crate::Limits::MAX_ID_LEN`],
    /// [`Error::Malformed`] when it occurs twice.
    pub fn field(&self, name: &str) -> Result<Option<&'a [u8]>, Error> {
        limits::check(name.as_bytes(), Limits::MAX_ID_LEN)?;
        Ok(self.object.get(name.as_bytes())?.map(|v| v.raw()))
    }
}

/// The raw JSON text of one top-level member of any JSON object body, without requiring the
/// envelope: `None` when absent; [`Error::InvalidArgument`] for a body over
/// [`crate::Limits::MAX_RESPONSE_LEN`] or a name over [`crate::Limits::MAX_ID_LEN`];
/// [`Error::Malformed`] when the body is not a JSON object or the name occurs twice (escaped
/// spellings of the name count as the name).
pub fn field<'a>(body: &'a [u8], name: &str) -> Result<Option<&'a [u8]>, Error> {
    limits::check_all([(body, Limits::MAX_RESPONSE_LEN), (name.as_bytes(), Limits::MAX_ID_LEN)])?;
    Ok(json::parse_lookup(body, [name.as_bytes()])?[0].map(|v| v.raw()))
}

fn string(v: Option<Value<'_>>) -> Result<Str<'_>, Error> {
    v.and_then(|v| v.as_str()).ok_or(Error::Malformed)
}

/// A JSON integer within `i64`: `-?(0|[1-9][0-9]*)`.
fn integer(v: Value<'_>) -> Result<i64, Error> {
    if v.kind() != Kind::Number {
        return Err(Error::Malformed);
    }
    let (negative, digits) = match v.raw().split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, v.raw()),
    };
    let magnitude = json::parse_u64(digits).ok_or(Error::Malformed)?;
    let value = if negative { 0i64.checked_sub_unsigned(magnitude) } else { i64::try_from(magnitude).ok() };
    value.ok_or(Error::Malformed)
}

fn raw_str(s: Str<'_>) -> &str {
    // The body was validated as UTF-8 and a string's text lies between two ASCII quotes,
    // so this never fails.
    core::str::from_utf8(s.raw()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &[u8] = br#"{
"ActionStatus": "OK",
"ErrorInfo": "",
"ErrorCode": 0,
"RequestId": "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504"
}"#;

    #[test]
    fn seed_002_example() {
        let r = Response::parse(SEED).unwrap();
        assert_eq!(r.action_status(), ActionStatus::Ok);
        assert_eq!(r.error_code(), 0);
        assert!(r.is_success());
        assert_eq!(r.error_info(), "");
        assert_eq!(r.request_id(), "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504");
        assert_eq!(r.field("Other"), Ok(None));
    }

    #[test]
    fn integers() {
        let code = |s: &str| {
            let body = format!(r#"{{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":{s},"RequestId":""}}"#);
            Response::parse(body.as_bytes()).map(|r| r.error_code())
        };
        assert_eq!(code("60003"), Ok(60003));
        assert_eq!(code("-1"), Ok(-1));
        assert_eq!(code("-0"), Ok(0));
        assert_eq!(code("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(code("-9223372036854775808"), Ok(i64::MIN));
        for bad in ["9223372036854775808", "-9223372036854775809", "1.0", "1e3", "\"60003\"", "null", "true", "[1]"] {
            assert_eq!(code(bad), Err(Error::Malformed), "{bad}");
        }
    }
}
