//! The REST request URL (seed 002):
//! `https://<host>/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`.
//!
//! Every part is checked before anything is written, so a URL is either right or refused:
//! the path parts are plain names (no `/`, `?`, `%` or dot segments that would change which
//! command runs), the identifier is percent-encoded (any UTF-8 travels intact), and the
//! UserSig must already be in Tencent's base64 alphabet, whose characters `A-Z a-z 0-9 * - _`
//! are all legal in a query as they are (RFC 3986: `-` and `_` are unreserved, `*` is a
//! sub-delim), so it goes in unchanged as every official SDK sends it.

use crate::limits::{self, Limits};
use crate::text::{self, Decimal, Out};
use crate::trtc::UserSig;
use crate::{Error, url};

/// The parts of one REST request URL. `random` is the caller's: livesign reads no random
/// source, and Tencent only asks for a 32-bit unsigned number per request.
#[derive(Clone, Copy)]
pub struct RequestUrl<'a> {
    /// `host[:port]` (dot-separated labels of ASCII letters, digits and `-`, 1 to 63 characters
    /// each and at most 253 in all, as DNS allows; the last not a number unless the name is a
    /// dotted-quad IPv4 address; a port of 1 to 65535 without a leading zero; no scheme, no
    /// path):
    /// [`RequestUrl::DEFAULT_HOST`] unless the app lives in another region.
    pub host: &'a str,
    /// The service name, e.g. `im_open_login_svc`: one or more of `A-Z a-z 0-9 _ -`.
    pub service: &'a str,
    /// The command, e.g. `account_import`: one or more of `A-Z a-z 0-9 _ -`.
    pub command: &'a str,
    /// The app's SDKAppID.
    pub sdkappid: u64,
    /// The App administrator account (any non-empty text; percent-encoded in the URL).
    pub identifier: &'a str,
    /// A UserSig already generated for `identifier`, in Tencent's base64 alphabet.
    pub usersig: &'a [u8],
    /// The request's random number, 0 to 4294967295.
    pub random: u32,
}

impl<'a> RequestUrl<'a> {
    /// The host seed 002 gives ("fixed as console.tim.qq.com").
    pub const DEFAULT_HOST: &'static str = "console.tim.qq.com";

    /// The longest URL [`RequestUrl::write`] writes (`LIVESIGN_TRTC_REST_URL_MAX_LEN` in C):
    /// host, service, command and identifier at [`crate::Limits::MAX_ID_LEN`] bytes, the
    /// identifier percent-encoded at 3 bytes per byte, a [`UserSig::MAX_LEN`] UserSig, a
    /// 20-digit sdkappid and a 10-digit random.
    pub const MAX_LEN: usize = b"https://".len()
        + b"/v4/".len()
        + b"/".len()
        + b"?sdkappid=".len()
        + b"&identifier=".len()
        + b"&usersig=".len()
        + b"&random=".len()
        + b"&contenttype=json".len()
        + 3 * Limits::MAX_ID_LEN
        + 3 * Limits::MAX_ID_LEN
        + UserSig::MAX_LEN
        + 20
        + 10;

    /// A request to [`RequestUrl::DEFAULT_HOST`].
    pub fn new(
        service: &'a str,
        command: &'a str,
        sdkappid: u64,
        identifier: &'a str,
        usersig: &'a [u8],
        random: u32,
    ) -> Self {
        Self { host: Self::DEFAULT_HOST, service, command, sdkappid, identifier, usersig, random }
    }

    /// The same request sent to another host (`host` or `host:port`).
    pub fn with_host(self, host: &'a str) -> Self {
        Self { host, ..self }
    }

    /// Writes the URL into `out` and returns its length.
    ///
    /// Errors, in this order: [`Error::InvalidArgument`] for a host breaking the `host[:port]`
    /// rule, a service or command outside the documented characters (or empty), an empty
    /// identifier, a host, service, command or identifier over [`crate::Limits::MAX_ID_LEN`]
    /// bytes, or a UserSig over
    /// [`crate::trtc::UserSig::MAX_LEN`];
    /// [`Error::Malformed`] for a UserSig that is not Tencent base64 text (empty, a
    /// character outside `A-Z a-z 0-9 * - _`, a length that is not a multiple of 4, or `_`
    /// padding anywhere but the last one or two places); [`Error::BufferTooSmall`] with
    /// the exact length needed (`out` untouched).
    pub fn write(&self, out: &mut [u8]) -> Result<usize, Error> {
        self.check()?;
        text::write_whole(out, Self::MAX_LEN, |out| self.write_unchecked(out))
    }

    fn write_unchecked(&self, out: &mut Out<'_>) {
        out.push(b"https://");
        out.push(self.host.as_bytes());
        out.push(b"/v4/");
        out.push(self.service.as_bytes());
        out.push(b"/");
        out.push(self.command.as_bytes());
        out.push(b"?sdkappid=");
        out.push(Decimal::new(self.sdkappid).as_bytes());
        out.push(b"&identifier=");
        url::encode_component(self.identifier.as_bytes(), out);
        out.push(b"&usersig=");
        out.push(self.usersig);
        out.push(b"&random=");
        out.push(Decimal::new(u64::from(self.random)).as_bytes());
        out.push(b"&contenttype=json");
    }

    /// The exact length [`RequestUrl::write`] needs, after the same checks.
    pub fn required_len(&self) -> Result<usize, Error> {
        match self.write(&mut []) {
            Ok(n) | Err(Error::BufferTooSmall { needed: n }) => Ok(n),
            Err(e) => Err(e),
        }
    }

    fn check(&self) -> Result<(), Error> {
        let id = Limits::MAX_ID_LEN;
        limits::check_all([
            (self.host.as_bytes(), id),
            (self.service.as_bytes(), id),
            (self.command.as_bytes(), id),
            (self.identifier.as_bytes(), id),
            (self.usersig, UserSig::MAX_LEN),
        ])?;
        if !crate::host::is_name_port(self.host.as_bytes())
            || !valid_name(self.service.as_bytes())
            || !valid_name(self.command.as_bytes())
            || self.identifier.is_empty()
        {
            return Err(Error::InvalidArgument);
        }
        if !tencent_base64_text(self.usersig) {
            return Err(Error::Malformed);
        }
        Ok(())
    }
}

impl core::fmt::Debug for RequestUrl<'_> {
    // The UserSig is the administrator's password (seed 002): never print it.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RequestUrl")
            .field("host", &self.host)
            .field("service", &self.service)
            .field("command", &self.command)
            .field("sdkappid", &self.sdkappid)
            .field("identifier", &self.identifier)
            .field("usersig", &format_args!("<{} bytes>", self.usersig.len()))
            .field("random", &self.random)
            .finish()
    }
}

/// A service or command name: non-empty `A-Z a-z 0-9 _ -` (every name in Tencent's REST API
/// list). No `.`, so no dot segment can re-route the path.
fn valid_name(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

/// Tencent's base64 text (`+ / =` replaced by `* - _`): what every UserSig generator emits.
fn tencent_base64_text(s: &[u8]) -> bool {
    let padding = s.iter().rev().take_while(|&&c| c == b'_').count();
    let body = &s[..s.len() - padding];
    !s.is_empty()
        && s.len().is_multiple_of(4)
        && padding <= 2
        && body.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'*' || c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG: &[u8] = b"eJwtzM0KgkAUBeB3udtC7h1n-AJaV7J-hC3-Ukg*VXI_";

    fn url(r: &RequestUrl<'_>) -> Result<String, Error> {
        let mut buf = [0u8; 512];
        let n = r.write(&mut buf)?;
        Ok(String::from_utf8(buf[..n].to_vec()).unwrap())
    }

    #[test]
    fn seed_002_shape() {
        let r = RequestUrl::new("im_open_login_svc", "account_import", 1400000000, "administrator", SIG, 99999999);
        assert_eq!(
            url(&r).unwrap(),
            format!(
                "https://console.tim.qq.com/v4/im_open_login_svc/account_import?sdkappid=1400000000\
                 &identifier=administrator&usersig={}&random=99999999&contenttype=json",
                core::str::from_utf8(SIG).unwrap()
            )
        );
        assert_eq!(r.required_len(), Ok(url(&r).unwrap().len()));
    }

    #[test]
    fn the_longest_url_is_max_len() {
        let name = "n".repeat(Limits::MAX_ID_LEN);
        // DNS allows no longer label than 63 nor name than 253: these labels and a port fill
        // the 256 bytes.
        let host = format!("{0}.{0}.{0}.{1}:80", "h".repeat(63), "h".repeat(61));
        assert_eq!(host.len(), Limits::MAX_ID_LEN);
        let id = " ".repeat(Limits::MAX_ID_LEN);
        let sig = [b'A'; UserSig::MAX_LEN];
        let r = RequestUrl::new(&name, &name, u64::MAX, &id, &sig, u32::MAX).with_host(&host);
        assert_eq!(r.required_len(), Ok(RequestUrl::MAX_LEN));
        let mut buf = [0u8; RequestUrl::MAX_LEN];
        assert_eq!(r.write(&mut buf), Ok(RequestUrl::MAX_LEN));
    }

    #[test]
    fn identifier_is_percent_encoded() {
        let r = RequestUrl::new("s", "c", 1, "a b&c=d/é~._-", b"AAAA", 0);
        let u = url(&r).unwrap();
        assert!(u.contains("&identifier=a%20b%26c%3Dd%2F%C3%A9~._-&usersig=AAAA&random=0&"), "{u}");
    }

    #[test]
    fn usersig_text() {
        for ok in [&b"AAAA"[..], b"AA__", b"AAA_", b"*-Az09__", SIG] {
            assert!(tencent_base64_text(ok), "{ok:?}");
        }
        for bad in [&b""[..], b"AAA", b"A___", b"AA_A", b"AA==", b"AA+/", b"AA A", b"____", b"AAAA\n"] {
            assert!(!tencent_base64_text(bad), "{bad:?}");
        }
    }
}
