//! UserSig and PrivateMapKey against a reference decoder (the base64 crate, miniz_oxide,
//! serde_json) and signer (the hmac crate): a token verifies only for its own sdkappid and
//! identifier, with the HMAC its fields call for, before its expiry; `inspect` shows exactly
//! the fields the reference decodes and `verify` checks; the raw-key, loaded-key and Rust
//! verifiers agree; generated tokens verify, and one changed character makes them fail; a
//! PrivateMapKey's userbuf parses back to its grant.

use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::status::livesign_status;
use livesign::ffi::trtc::{
    livesign_privmap_info, livesign_privmap_parse, livesign_usersig_info, livesign_usersig_inspect,
    livesign_usersig_verify, livesign_usersig_verify_keyed,
};
use livesign::trtc::{self, Room, UserSig, usersig_inspect};
use livesign::{Error, HmacKey};

use super::input::{Input, Writer};
use super::reference::{self, base64_decode, hmac_sha256, json_member, tencent_base64_decode};

/// What the reference decodes from a token.
#[derive(Debug, PartialEq)]
struct Claims {
    sdkappid: u64,
    time: u64,
    expire: u64,
    identifier: String,
    /// The userbuf's text as written (standard base64), when present.
    userbuf_text: Option<String>,
    sig: Vec<u8>,
}

/// The reference reading: Tencent base64, zlib (any conforming stream), a JSON object whose
/// members are read as the official verifiers read them (absent numbers and identifier are
/// 0 and "").
fn decode(token: &[u8]) -> Option<Claims> {
    let z = tencent_base64_decode(token)?;
    let doc = miniz_oxide::inflate::decompress_to_vec_zlib(&z).ok()?;
    let m = |n: &str| json_member(&doc, n);
    let num = |n: &str| m(n).map_or(Some(0), |v| v.as_u64());
    Some(Claims {
        sdkappid: num("TLS.sdkappid")?,
        time: num("TLS.time")?,
        expire: num("TLS.expire")?,
        identifier: m("TLS.identifier").map_or(Some(String::new()), |v| v.as_str().map(str::to_owned))?,
        userbuf_text: match m("TLS.userbuf") {
            Some(u) => Some(u.as_str()?.to_owned()),
            None => None,
        },
        sig: base64_decode(m("TLS.sig")?.as_str()?.as_bytes())?,
    })
}

/// The HMAC the claims call for under `key` (spec §1 / §2).
fn expected_sig(key: &[u8], c: &Claims) -> [u8; 32] {
    let mut content = format!(
        "TLS.identifier:{}\nTLS.sdkappid:{}\nTLS.time:{}\nTLS.expire:{}\n",
        c.identifier, c.sdkappid, c.time, c.expire
    );
    if let Some(u) = &c.userbuf_text {
        content.push_str(&format!("TLS.userbuf:{u}\n"));
    }
    hmac_sha256(key, content.as_bytes())
}

/// Input layout: `mode`, `sdkappid`, `now`, `expire`, `time` (u64), `leeway`, `room` (u32),
/// `key`, `identifier`, `userbuf` (fields), `token` (rest). `mode & 3`: 0 verify `token`;
/// 1 generate a UserSig from the fields (issued at `time`) and verify it; 2 the same with
/// one character changed (position and replacement from `mode >> 2` and `room`); 3 a
/// PrivateMapKey for a numeric room (`mode & 4`) or the string room `userbuf`, whose userbuf
/// must parse back to the grant.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, sdkappid, now, expire, time) = (input.byte(), input.u64(), input.u64(), input.u64(), input.u64());
    let (leeway, room) = (input.u32(), input.u32());
    let (key, identifier, userbuf, given) = (input.field(), input.field(), input.field(), input.rest());
    let id_text = std::str::from_utf8(identifier).ok();
    let loaded = HmacKey::new(key).ok();
    let token: Vec<u8> = match (mode & 3, id_text, &loaded) {
        (0, _, _) | (_, None, _) | (_, _, None) => given.to_vec(),
        (1 | 2, Some(id), Some(k)) => {
            let Ok(t) = UserSig::new(k, sdkappid, id, expire, time, userbuf) else {
                // The official verifiers read TLS.time and TLS.expire as int64, their sum too.
                let too_late = u128::from(time) + u128::from(expire) > i64::MAX as u128;
                assert!(id.len() > 256 || userbuf.len() > 1024 || too_late, "a generation refused valid inputs");
                return;
            };
            let t = t.as_bytes().to_vec();
            if mode & 3 == 1 {
                let want = if reference::fresh(time.saturating_add(expire), now, leeway) {
                    Ok(())
                } else {
                    Err(Error::Expired)
                };
                assert_eq!(trtc::usersig_verify(k, sdkappid, id, &t, now, leeway).map(drop), want, "a genuine token");
                t
            } else {
                let mut bad = t.clone();
                let i = usize::from(mode >> 2) * 37 % bad.len();
                const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_";
                bad[i] = ALPHABET[room as usize % ALPHABET.len()];
                if bad[i] == t[i] {
                    bad[i] = ALPHABET[(room as usize + 1) % ALPHABET.len()];
                }
                assert!(trtc::usersig_verify(k, sdkappid, id, &bad, now, leeway).is_err(), "a changed token verified");
                bad
            }
        }
        (_, Some(id), Some(k)) => {
            let r = if mode & 4 != 0 { Room::Id(room) } else { Room::Name(userbuf) };
            match UserSig::private_map_key(k, sdkappid, id, expire, time, r, room) {
                Ok(t) => {
                    let info =
                        trtc::usersig_verify(k, sdkappid, id, t.as_bytes(), time, 0).expect("a fresh PrivateMapKey");
                    let p = trtc::privmap_parse(info.userbuf().expect("a userbuf")).expect("its own grant");
                    assert_eq!(
                        (p.identifier, u64::from(p.sdkappid), p.privileges, p.account_type),
                        (identifier, sdkappid, room, 0)
                    );
                    assert_eq!(u64::from(p.expires_at), time + expire);
                    match r {
                        Room::Id(n) => assert_eq!((p.room_id, p.room_name), (n, None)),
                        Room::Name(s) => assert_eq!((p.room_id, p.room_name), (0, Some(s))),
                    }
                    t.as_bytes().to_vec()
                }
                Err(e) => {
                    assert_eq!(e, Error::InvalidArgument);
                    let name_ok = matches!(r, Room::Id(_)) || (!userbuf.is_empty() && userbuf.is_ascii());
                    let fits = 23 + id.len() + if matches!(r, Room::Name(_)) { 2 + userbuf.len() } else { 0 } <= 1024;
                    let exp_ok = time.checked_add(expire).is_some_and(|e| e <= u64::from(u32::MAX));
                    assert!(
                        !(sdkappid <= u64::from(u32::MAX)
                            && id.is_ascii()
                            && id.len() <= 256
                            && name_ok
                            && fits
                            && exp_ok)
                    );
                    return;
                }
            }
        }
    };
    verify_agrees(key, sdkappid, identifier, &token, now, leeway);
    privmap_agrees(userbuf);
}

/// `inspect`, `verify` (Rust, C raw key, C loaded key) and the reference agree.
pub fn verify_agrees(key: &[u8], sdkappid: u64, identifier: &[u8], token: &[u8], now: u64, leeway: u32) {
    let claims = decode(token);
    let inspected = usersig_inspect(token);
    let mut c_info = Box::new(zeroed_info());
    // SAFETY: token is valid for its length; c_info is writable.
    let c = unsafe { livesign_usersig_inspect(token.as_ptr(), token.len(), &mut *c_info) };
    assert_eq!(c as u32, inspected.as_ref().map_or_else(|e| e.code(), |_| 0));
    match &inspected {
        Ok(info) => {
            assert!(token.len() <= UserSig::MAX_LEN);
            let c = claims.as_ref().expect("the reference decodes what inspect decodes");
            assert_eq!((info.sdkappid(), info.time(), info.expire()), (c.sdkappid, c.time, c.expire));
            assert_eq!(info.identifier(), c.identifier);
            let userbuf = c.userbuf_text.as_ref().map(|t| base64_decode(t.as_bytes()).expect("canonical base64"));
            assert_eq!(info.userbuf(), userbuf.as_deref());
            assert_eq!(c.sig.len(), 32);
            assert_eq!(c_info.identifier_len, c.identifier.len());
            assert_eq!((c_info.sdkappid, c_info.expires_at), (c.sdkappid, c.time.saturating_add(c.expire)));
        }
        Err(Error::InvalidArgument) => assert!(token.len() > UserSig::MAX_LEN),
        Err(e) => {
            assert_eq!(*e, Error::Malformed);
            assert_eq!(c_info.sdkappid, 0);
        }
    }

    let Ok(id) = std::str::from_utf8(identifier) else { return };
    let Ok(k) = HmacKey::new(key) else {
        // SAFETY: every input is valid for its length; the info pointer may be NULL.
        let raw = unsafe {
            livesign_usersig_verify(
                sdkappid,
                key.as_ptr(),
                key.len(),
                id.as_ptr(),
                id.len(),
                token.as_ptr(),
                token.len(),
                now,
                leeway,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(raw as u32, Error::InvalidKey.code());
        return;
    };
    let ours = trtc::usersig_verify(&k, sdkappid, id, token, now, leeway);
    // SAFETY: every input is valid for its length; c_info is writable.
    let raw = unsafe {
        livesign_usersig_verify(
            sdkappid,
            key.as_ptr(),
            key.len(),
            id.as_ptr(),
            id.len(),
            token.as_ptr(),
            token.len(),
            now,
            leeway,
            &mut *c_info,
        )
    };
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable; key is valid for its length.
    let init = unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) };
    assert_eq!(init, livesign_status::LIVESIGN_OK);
    // SAFETY: ctx was initialised; every input is valid; the info pointer may be NULL.
    let keyed = unsafe {
        livesign_usersig_verify_keyed(
            sdkappid,
            ctx.as_ptr(),
            id.as_ptr(),
            id.len(),
            token.as_ptr(),
            token.len(),
            now,
            leeway,
            core::ptr::null_mut(),
        )
    };
    let code = ours.as_ref().map_or_else(|e| e.code(), |_| 0);
    assert_eq!((raw as u32, keyed as u32), (code, code));
    match &ours {
        Ok(info) => {
            let c = claims.expect("verified tokens decode");
            assert_eq!((c.sdkappid, c.identifier.as_str()), (sdkappid, id));
            assert_eq!(c.sig, expected_sig(key, &c), "verified with a wrong signature");
            assert!(reference::fresh(c.time.saturating_add(c.expire), now, leeway));
            let i = inspected.as_ref().unwrap();
            assert_eq!((info.time(), info.expire(), info.userbuf()), (i.time(), i.expire(), i.userbuf()));
            assert_eq!((c_info.time, c_info.identifier_len), (c.time, id.len()));
        }
        Err(e) => {
            assert_eq!(c_info.sdkappid, 0, "zero-filled on failure");
            match e {
                Error::InvalidArgument => assert!(id.len() > 256 || token.len() > UserSig::MAX_LEN),
                Error::Malformed => assert_eq!(inspected.as_ref().map(drop), Err(&Error::Malformed)),
                Error::IdentityMismatch => {
                    let i = inspected.as_ref().expect("a mismatch is reported for a decodable token");
                    assert!(i.sdkappid() != sdkappid || i.identifier() != id);
                    let c = claims.expect("a decodable token");
                    assert_eq!(c.sig, expected_sig(key, &c), "only a genuine token is another identity's");
                }
                Error::SignatureMismatch => {
                    // Checked against the token's own identity, whether or not it is ours.
                    let c = claims.expect("a decodable token");
                    assert_ne!(c.sig, expected_sig(key, &c));
                }
                Error::Expired => {
                    let c = claims.expect("a decodable token");
                    assert_eq!(c.sig, expected_sig(key, &c));
                    assert!(!reference::fresh(c.time.saturating_add(c.expire), now, leeway));
                }
                other => panic!("undocumented error {other:?}"),
            }
        }
    }
}

/// A userbuf as the reference reads it: version, identifier, the five words, the room name.
type Userbuf<'a> = (u8, &'a [u8], [u32; 5], Option<&'a [u8]>);

/// The PrivateMapKey userbuf layout, read independently.
fn parse_userbuf(b: &[u8]) -> Option<Userbuf<'_>> {
    let version = *b.first()?;
    let id_len = usize::from(u16::from_be_bytes(b.get(1..3)?.try_into().ok()?));
    let identifier = b.get(3..3 + id_len)?;
    let mut at = 3 + id_len;
    let mut words = [0u32; 5];
    for w in &mut words {
        *w = u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?);
        at += 4;
    }
    let name = match version {
        0 => None,
        1 => {
            let n = usize::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?));
            at += 2;
            let name = b.get(at..at + n)?;
            at += n;
            Some(name)
        }
        _ => return None,
    };
    (at == b.len()).then_some((version, identifier, words, name))
}

/// `privmap_parse` and its C twin against the independent reading.
pub fn privmap_agrees(userbuf: &[u8]) {
    let ours = trtc::privmap_parse(userbuf);
    let mut info = core::mem::MaybeUninit::<livesign_privmap_info>::uninit();
    // SAFETY: userbuf is valid for its length; info is writable.
    let c = unsafe { livesign_privmap_parse(userbuf.as_ptr(), userbuf.len(), info.as_mut_ptr()) };
    // SAFETY: the function writes the struct whatever the outcome.
    let info = unsafe { info.assume_init() };
    assert_eq!(c as u32, ours.map_or_else(Error::code, |_| 0));
    match (ours, parse_userbuf(userbuf)) {
        (Ok(p), Some((_, identifier, [app, room, exp, privileges, account], name))) => {
            assert_eq!((p.identifier, p.sdkappid, p.room_id, p.expires_at), (identifier, app, room, exp));
            assert_eq!((p.privileges, p.account_type, p.room_name), (privileges, account, name));
            assert_eq!((info.sdkappid, info.has_roomstr), (app, u32::from(name.is_some())));
        }
        (Err(Error::InvalidArgument), _) => assert!(userbuf.len() > 1024),
        (Err(e), theirs) => {
            assert_eq!((e, theirs.is_none()), (Error::Malformed, true));
            assert_eq!((info.sdkappid, info.identifier.len), (0, 0));
        }
        (Ok(_), None) => panic!("parsed what the reference refuses"),
    }
}

fn zeroed_info() -> livesign_usersig_info {
    // SAFETY: the info struct is plain integers and byte arrays: all zeros is a valid value.
    unsafe { core::mem::zeroed() }
}

/// A seed.
#[allow(clippy::too_many_arguments)]
pub fn seed(
    mode: u8,
    nums: [u64; 4],
    leeway: u32,
    room: u32,
    key: &[u8],
    identifier: &[u8],
    userbuf: &[u8],
    token: &[u8],
) -> Vec<u8> {
    let w = Writer::new().byte(mode).u64(nums[0]).u64(nums[1]).u64(nums[2]).u64(nums[3]).u32(leeway).u32(room);
    w.field(key).field(identifier).field(userbuf).rest(token)
}

/// Seeds: every token of usersig.json (with its own key, sdkappid and identifier, at its
/// issue time and after its expiry), and generation from its inputs.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for v in super::seeds::vectors_of(vectors, "usersig") {
        let b = |n: &str| super::seeds::bytes(v, &[n]);
        let (key, id, token) = (b("key"), b("identifier"), b("usersig"));
        let (app, time, expire) =
            (v["sdkappid"].as_u64().unwrap_or(0), v["time"].as_u64().unwrap_or(0), v["expire"].as_u64().unwrap_or(0));
        let userbuf = v["userbuf_hex"].as_str().map(super::reference::unhex).unwrap_or_default();
        let name = format!("usersig-{}", v["case"].as_str().unwrap_or("?"));
        let ub: &[u8] = if userbuf.len() <= 255 { &userbuf } else { &[] };
        out.push((name.clone(), seed(0, [app, time, expire, time], 0, 0, &key, &id, ub, &token)));
        out.push((name.clone(), seed(0, [app, time + expire + 1, expire, time], 0, 0, &key, &id, ub, &token)));
        out.push((name.clone(), seed(0, [app + 1, time, expire, time], 0, 0, &key, &id, ub, &token)));
        out.push((name.clone(), seed(1, [app, time, expire, time], 0, 0, &key, &id, ub, b"")));
        out.push((name.clone(), seed(2 | 0x14, [app, time, expire, time], 0, 9, &key, &id, ub, b"")));
        out.push((name.clone(), seed(3 | 4, [app, time, 300, time], 0, 255, &key, &id, b"room-1", b"")));
        out.push((name, seed(3, [app, time, 300, time], 0, 42, &key, &id, b"room-1", b"")));
    }
    out
}
