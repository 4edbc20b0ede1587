//! UserSig verification (spec §2), in the order DESIGN.md fixes: the token must decode
//! (`Malformed`), carry the HMAC its own fields call for (`SignatureMismatch`, constant-time),
//! be for this sdkappid and identifier (`IdentityMismatch`: so that status says the token is
//! genuine, only issued for someone else), and not have expired (`Expired`). The signature is
//! rebuilt from the decoded fields (the identifier unescaped, the numbers re-written in
//! decimal, the userbuf's canonical base64), never from the JSON text as a whole, so every
//! official layout verifies.

use super::usersig::check_identifier;
use super::usersig_info::{Fields, UserSigInfo, with_decoded};
use crate::text::ct_eq_wipe;
use crate::{Error, HmacKey, expiry};

/// Verifies `usersig` for `sdkappid` and `identifier` at `now` (Unix seconds), tolerating
/// `leeway_s` seconds of clock skew on the expiry, and returns the verified fields.
///
/// Errors, first failure wins: [`Error::InvalidArgument`] (identifier over 256 bytes: no
/// token can carry it; a token over [`super::UserSig::MAX_LEN`] bytes), [`Error::Malformed`] (see [`super::usersig_inspect`]),
/// [`Error::SignatureMismatch`] (wrong key or altered fields, checked against the token's own
/// `TLS.sdkappid` and `TLS.identifier`), [`Error::IdentityMismatch`] (a valid token whose
/// `TLS.sdkappid` or `TLS.identifier` differ from the expected ones), [`Error::Expired`]
/// (`now > time + expire + leeway_s`, saturating; a token is still valid at exactly
/// `time + expire`, as in the official Go and PHP verifiers).
///
/// A `TLS.time` in the future is accepted, as the official verifiers accept it: only the key
/// holder can issue one. The userbuf is returned, not compared: compare
/// [`UserSigInfo::userbuf`] with what you expect (it is public data, so a plain comparison
/// is fine), or parse a PrivateMapKey with [`super::privmap_parse`].
pub fn usersig_verify(
    key: &HmacKey,
    sdkappid: u64,
    identifier: &str,
    usersig: &[u8],
    now: u64,
    leeway_s: u32,
) -> Result<UserSigInfo, Error> {
    verify_with(key, sdkappid, identifier, usersig, now, leeway_s, |r| r.map(|f| UserSigInfo::from_fields(&f)))
}

/// [`usersig_verify`] without the copy: the verified fields, or the error, go to `f` while
/// the document they borrow from is alive (see [`with_decoded`]).
pub(crate) fn verify_with<R>(
    key: &HmacKey,
    sdkappid: u64,
    identifier: &str,
    usersig: &[u8],
    now: u64,
    leeway_s: u32,
    f: impl FnOnce(Result<Fields<'_>, Error>) -> R,
) -> R {
    if let Err(e) = check_identifier(identifier) {
        return f(Err(e));
    }
    with_decoded(usersig, |fields| {
        f(fields.and_then(|fields| {
            let ours = fields.sdkappid == sdkappid && fields.identifier_is(identifier.as_bytes());
            let mut mac = if ours { fields.expected_mac(key, identifier.as_bytes()) } else { fields.own_mac(key) };
            if !ct_eq_wipe(&mut mac, &fields.sig) {
                return Err(Error::SignatureMismatch);
            }
            if !ours {
                return Err(Error::IdentityMismatch);
            }
            expiry::check(fields.expires_at(), now, leeway_s)?;
            Ok(fields)
        }))
    })
}
