//! PrivateMapKey (spec §3): a UserSig whose userbuf grants one user named privileges in one
//! room until an absolute time. The userbuf layout, all integers big-endian:
//!
//! ```text
//! 1 cVer (0 numeric room, 1 string room) | 2 identifier length | identifier
//! | 4 sdkappid | 4 room id (0 for a string room) | 4 expiry (now + expire, absolute)
//! | 4 privilege bits | 4 account type (0) | [2 room name length | room name]
//! ```
//!
//! Identifiers and room names must be ASCII. The official SDKs disagree on anything else:
//! C++, Go and PHP write UTF-8 bytes with a byte length, Node and Java the low byte of each
//! UTF-16 unit with a unit length, and Python refuses characters above U+00FF. A non-ASCII
//! PrivateMapKey would mean different things to different servers, so livesign refuses to make
//! one (`InvalidArgument`); Tencent's documented user id charset is `[A-Za-z0-9_-]` anyway.

use super::usersig::{MAX_IDENTIFIER_LEN, MAX_USERBUF_LEN, usersig_gen};
use crate::{Error, HmacKey, limits};

/// The privilege bits of a PrivateMapKey (spec §3). Combine them with `|`.
#[derive(Debug, Clone, Copy)]
pub struct Privilege;

// The C header has its own `LIVESIGN_PRIVMAP_*` twins of these constants.
/// cbindgen:ignore
impl Privilege {
    /// Create the room.
    pub const CREATE: u32 = 1;
    /// Enter the room.
    pub const ENTER: u32 = 2;
    /// Send audio.
    pub const SEND_AUDIO: u32 = 4;
    /// Receive audio.
    pub const RECV_AUDIO: u32 = 8;
    /// Send video.
    pub const SEND_VIDEO: u32 = 16;
    /// Receive video.
    pub const RECV_VIDEO: u32 = 32;
    /// Send the substream (screen sharing).
    pub const SEND_SUBSTREAM: u32 = 64;
    /// Receive the substream (screen sharing).
    pub const RECV_SUBSTREAM: u32 = 128;
    /// Every privilege above (255).
    pub const ALL: u32 = 255;
}

/// The room a PrivateMapKey is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room<'a> {
    /// A numeric room id (`cVer` 0).
    Id(u32),
    /// A string room id (`cVer` 1): non-empty ASCII.
    Name(&'a [u8]),
}

/// A PrivateMapKey userbuf, parsed: views into the bytes given to [`privmap_parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivateMap<'a> {
    /// The identifier bytes as written (ASCII when livesign or a compliant SDK wrote them).
    pub identifier: &'a [u8],
    /// `dwSdkAppid`.
    pub sdkappid: u32,
    /// `dwAuthID`: the numeric room (0 for a string room).
    pub room_id: u32,
    /// The string room, when `cVer` is 1.
    pub room_name: Option<&'a [u8]>,
    /// `dwExpTime`: when the grant ends, absolute Unix seconds (modulo 2^32).
    pub expires_at: u32,
    /// `dwPrivilegeMap`: [`Privilege`] bits.
    pub privileges: u32,
    /// `dwAccountType` (0 in every official SDK).
    pub account_type: u32,
}

/// Writes the userbuf into `out` and returns its length (23 + identifier, or 25 +
/// identifier + room name). Errors: [`Error::InvalidArgument`] for an sdkappid over
/// 2^32 - 1, a non-ASCII or over-long identifier, an empty, non-ASCII or over-long room name,
/// or `now + expire_s` past 2^32 - 1 (the field is 32 bits; the official SDKs would wrap it
/// into the past).
pub(crate) fn userbuf(
    sdkappid: u64,
    identifier: &str,
    room: Room<'_>,
    expire_s: u64,
    now: u64,
    privileges: u32,
    out: &mut [u8; MAX_USERBUF_LEN],
) -> Result<usize, Error> {
    let sdkappid = u32::try_from(sdkappid).map_err(|_| Error::InvalidArgument)?;
    let expires_at = now.checked_add(expire_s).and_then(|t| u32::try_from(t).ok()).ok_or(Error::InvalidArgument)?;
    let id = identifier.as_bytes();
    if !id.is_ascii() || id.len() > MAX_IDENTIFIER_LEN {
        return Err(Error::InvalidArgument);
    }
    let (version, room_id, name) = match room {
        Room::Id(n) => (0u8, n, None),
        Room::Name(s) if !s.is_empty() && s.is_ascii() => (1, 0, Some(s)),
        Room::Name(_) => return Err(Error::InvalidArgument),
    };
    let len = 23 + id.len() + name.map_or(0, |s| 2 + s.len());
    let buf = out.get_mut(..len).ok_or(Error::InvalidArgument)?;
    let mut w = Writer { buf, at: 0 };
    w.put(&[version]);
    w.put(&(id.len() as u16).to_be_bytes());
    w.put(id);
    for v in [sdkappid, room_id, expires_at, privileges, 0] {
        w.put(&v.to_be_bytes());
    }
    if let Some(s) = name {
        // len <= MAX_USERBUF_LEN, so the name's length fits in 16 bits.
        w.put(&(s.len() as u16).to_be_bytes());
        w.put(s);
    }
    Ok(len)
}

struct Writer<'a> {
    buf: &'a mut [u8],
    at: usize,
}

impl Writer<'_> {
    /// Callers size `buf` exactly, so every piece fits; a piece that did not would be dropped
    /// rather than panic.
    fn put(&mut self, bytes: &[u8]) {
        if let Some(dst) = self.buf.get_mut(self.at..self.at + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
        self.at += bytes.len();
    }
}

/// Generates a PrivateMapKey into `out` and returns its length: the userbuf above, signed
/// into a UserSig for the same sdkappid, identifier, expiry and clock (one `now` for both,
/// where the official SDKs read the clock twice and may differ by a second).
///
/// Errors, in order: [`Error::InvalidArgument`] (see the module docs and `userbuf`'s
/// rules), [`Error::BufferTooSmall`] with the exact size needed.
#[allow(clippy::too_many_arguments)] // mirrors the C signature
pub fn privmap_gen(
    key: &HmacKey,
    sdkappid: u64,
    identifier: &str,
    expire_s: u64,
    now: u64,
    room: Room<'_>,
    privileges: u32,
    out: &mut [u8],
) -> Result<usize, Error> {
    let mut buf = [0u8; MAX_USERBUF_LEN];
    let n = userbuf(sdkappid, identifier, room, expire_s, now, privileges, &mut buf)?;
    usersig_gen(key, sdkappid, identifier, expire_s, now, buf.get(..n).unwrap_or_default(), out)
}

/// Parses a PrivateMapKey userbuf (as [`super::UserSigInfo::userbuf`] returns it). Errors:
/// [`Error::InvalidArgument`] for more than [`super::UserSig::MAX_USERBUF_LEN`] bytes (no
/// token carries a longer userbuf); [`Error::Malformed`] when the bytes are not exactly one
/// userbuf of this layout (`cVer` 0 or 1, lengths consistent, nothing after).
pub fn privmap_parse(userbuf: &[u8]) -> Result<PrivateMap<'_>, Error> {
    limits::check(userbuf, MAX_USERBUF_LEN)?;
    let mut r = Reader { rest: userbuf };
    let version = r.take::<1>()?[0];
    let id_len = u16::from_be_bytes(r.take::<2>()?);
    let identifier = r.bytes(id_len.into())?;
    let [sdkappid, room_id, expires_at, privileges, account_type] =
        [(); 5].map(|()| r.take::<4>().map(u32::from_be_bytes));
    let room_name = match version {
        0 => None,
        1 => {
            let n = u16::from_be_bytes(r.take::<2>()?);
            Some(r.bytes(n.into())?)
        }
        _ => return Err(Error::Malformed),
    };
    if !r.rest.is_empty() {
        return Err(Error::Malformed);
    }
    Ok(PrivateMap {
        identifier,
        sdkappid: sdkappid?,
        room_id: room_id?,
        room_name,
        expires_at: expires_at?,
        privileges: privileges?,
        account_type: account_type?,
    })
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let (head, rest) = self.rest.split_first_chunk::<N>().ok_or(Error::Malformed)?;
        self.rest = rest;
        Ok(*head)
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let (head, rest) = self.rest.split_at_checked(n).ok_or(Error::Malformed)?;
        self.rest = rest;
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn build(sdkappid: u64, id: &str, room: Room<'_>, expire: u64, now: u64, priv_: u32) -> Result<Vec<u8>, Error> {
        let mut out = [0u8; MAX_USERBUF_LEN];
        let n = userbuf(sdkappid, id, room, expire, now, priv_, &mut out)?;
        Ok(out[..n].to_vec())
    }

    #[test]
    fn spec_worked_examples() {
        // c8 and c9 of spec §3 (also in usersig.json).
        let c8 = build(1400000000, "xiaojun", Room::Id(10000), 300, 1700000000, 255).unwrap();
        assert_eq!(hex(&c8), "0000077869616f6a756e53724e00000027106553f22c000000ff00000000");
        let c9 = build(1400123456, "user_01", Room::Name(b"room-42_abc"), 15552000, 1710000000, 42).unwrap();
        assert_eq!(hex(&c9), "010007757365725f3031537430400000000066d9d5800000002a00000000000b726f6f6d2d34325f616263");
        // c10 of spec §4: u32 edges.
        let c10 = build(3000000000, "u", Room::Id(u32::MAX), 0, 1700000000, 0xab).unwrap();
        assert_eq!(
            hex(&c10),
            "000001".to_owned() + "75" + "b2d05e00" + "ffffffff" + "6553f100" + "000000ab" + "00000000"
        );
    }

    #[test]
    fn parse_inverts_build() {
        let c9 = build(1400123456, "user_01", Room::Name(b"room-42_abc"), 15552000, 1710000000, 42).unwrap();
        let p = privmap_parse(&c9).unwrap();
        assert_eq!(p.identifier, b"user_01");
        assert_eq!(
            (p.sdkappid, p.room_id, p.expires_at, p.privileges, p.account_type),
            (1400123456, 0, 1725552000, 42, 0)
        );
        assert_eq!(p.room_name, Some(&b"room-42_abc"[..]));
        let c8 = build(1400000000, "xiaojun", Room::Id(10000), 300, 1700000000, Privilege::ALL).unwrap();
        let p = privmap_parse(&c8).unwrap();
        assert_eq!((p.room_id, p.room_name, p.privileges), (10000, None, 255));
        for cut in 0..c9.len() {
            assert_eq!(privmap_parse(&c9[..cut]), Err(Error::Malformed), "cut {cut}");
        }
        let mut longer = c8.clone();
        longer.push(0);
        assert_eq!(privmap_parse(&longer), Err(Error::Malformed));
        let mut v2 = c8;
        v2[0] = 2;
        assert_eq!(privmap_parse(&v2), Err(Error::Malformed));
    }

    #[test]
    fn refusals() {
        let ok = |r: Result<Vec<u8>, Error>| r.map(|_| ());
        assert_eq!(ok(build(1, "Zoë", Room::Id(1), 1, 1, 1)), Err(Error::InvalidArgument), "non-ASCII identifier");
        assert_eq!(ok(build(1, "a", Room::Name("房间".as_bytes()), 1, 1, 1)), Err(Error::InvalidArgument));
        assert_eq!(ok(build(1, "a", Room::Name(b""), 1, 1, 1)), Err(Error::InvalidArgument), "empty room name");
        assert_eq!(ok(build(1 << 32, "a", Room::Id(1), 1, 1, 1)), Err(Error::InvalidArgument), "sdkappid over u32");
        assert_eq!(ok(build(u32::MAX.into(), "a", Room::Id(1), 1, u64::from(u32::MAX) - 1, 1)), Ok(()));
        assert_eq!(ok(build(1, "a", Room::Id(1), 2, u64::from(u32::MAX) - 1, 1)), Err(Error::InvalidArgument));
        assert_eq!(ok(build(1, "a", Room::Id(1), u64::MAX, 1, 1)), Err(Error::InvalidArgument));
        let id = "a".repeat(MAX_IDENTIFIER_LEN);
        let name = vec![b'r'; MAX_USERBUF_LEN - 25 - MAX_IDENTIFIER_LEN];
        assert_eq!(build(1, &id, Room::Name(&name), 1, 1, 1).map(|v| v.len()), Ok(MAX_USERBUF_LEN));
        let name = vec![b'r'; MAX_USERBUF_LEN - 24 - MAX_IDENTIFIER_LEN];
        assert_eq!(ok(build(1, &id, Room::Name(&name), 1, 1, 1)), Err(Error::InvalidArgument), "userbuf over 1024");
        assert_eq!(
            ok(build(1, &"a".repeat(MAX_IDENTIFIER_LEN + 1), Room::Id(1), 1, 1, 1)),
            Err(Error::InvalidArgument)
        );
    }
}
