//! HMAC-SHA256 with the key's inner and outer states computed once ([`HmacKey`]), so every
//! later MAC costs only the message blocks plus one outer block (RFC 2104).

use zeroize::Zeroize;

use super::sha256::{self, IV, Sha256};
use super::stream::{BLOCK, Compression, Stream, short};
use crate::Error;

/// Length of an HMAC-SHA256 tag in bytes.
pub(crate) const LEN: usize = sha256::LEN;

/// An HMAC-SHA256 key, loaded once: the SHA-256 states after the `ipad` and `opad` blocks,
/// and the key's length (providers restrict it). Cloning copies the states; every copy is
/// zeroised when dropped, and `Debug` never shows key material.
#[derive(Clone)]
pub struct HmacKey {
    inner: [u32; 8],
    outer: [u32; 8],
    key_len: usize,
}

impl HmacKey {
    /// Loads `key` (any length; keys over 64 bytes are hashed first, as RFC 2104 says).
    ///
    /// Errors: [`Error::InvalidKey`] for an empty key (no provider accepts one) or one longer
    /// than [`crate::Limits::MAX_KEY_LEN`].
    pub fn new(key: &[u8]) -> Result<Self, Error> {
        if !crate::limits::key_len_ok(key) {
            return Err(Error::InvalidKey);
        }
        let mut block = [0u8; BLOCK];
        if key.len() > BLOCK {
            // The hashed key stands for the key: wipe this copy too.
            let mut hashed = sha256::sha256(&[key]);
            block[..LEN].copy_from_slice(&hashed);
            hashed.as_mut_slice().zeroize();
        } else {
            block[..key.len()].copy_from_slice(key);
        }
        let mut inner = IV;
        let mut outer = IV;
        block.iter_mut().for_each(|b| *b ^= 0x36);
        Sha256::compress(&mut inner, core::slice::from_ref(&block));
        block.iter_mut().for_each(|b| *b ^= 0x36 ^ 0x5c);
        Sha256::compress(&mut outer, core::slice::from_ref(&block));
        block.as_mut_slice().zeroize();
        Ok(Self { inner, outer, key_len: key.len() })
    }

    /// Length in bytes of the key this was loaded from.
    pub fn key_len(&self) -> usize {
        self.key_len
    }

    /// `HMAC-SHA256(key, parts[0] || parts[1] || ...)`.
    pub(crate) fn mac(&self, parts: &[&[u8]]) -> [u8; LEN] {
        Sha256::digest(&self.mac_words(parts))
    }

    /// [`HmacKey::mac`] as the SHA-256 state words it is read from (big-endian), for an
    /// encoder that builds its text from them in registers rather than from stored bytes.
    pub(crate) fn mac_words(&self, parts: &[&[u8]]) -> [u32; 8] {
        let total = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
        if total < BLOCK - 8 {
            // A short message (Huawei's event + domain + app + stream + time): one inner block.
            return self.outer_hash(short::<Sha256, 1>(self.inner, BLOCK as u64, parts, total));
        }
        if total < 2 * BLOCK - 8 {
            // A UserSig's content string: two inner blocks.
            return self.outer_hash(short::<Sha256, 2>(self.inner, BLOCK as u64, parts, total));
        }
        let mut h = self.start();
        for part in parts {
            h.update(part);
        }
        h.finish_words()
    }

    /// The outer hash over an inner digest: it always covers 64 + 32 bytes, so its one padded
    /// block is built in place and compressed once, without a second stream.
    fn outer_hash(&self, inner_digest: [u8; LEN]) -> [u32; 8] {
        let mut block = [0u8; BLOCK];
        block[..LEN].copy_from_slice(&inner_digest);
        block[LEN] = 0x80;
        block[BLOCK - 8..].copy_from_slice(&Sha256::length_bytes(((BLOCK + LEN) * 8) as u64));
        let mut state = self.outer;
        Sha256::compress(&mut state, core::slice::from_ref(&block));
        // The inner digest is key-derived: wipe it.
        block[..LEN].zeroize();
        state
    }

    /// An HMAC over a message fed piece by piece (for messages that are not at hand as
    /// slices, e.g. JSON strings unescaped on the fly).
    pub(crate) fn start(&self) -> HmacStream<'_> {
        HmacStream { key: self, inner: Stream::resume(self.inner, BLOCK as u64) }
    }

    /// The raw states, for the C context (`livesign_hmac_key`).
    pub(crate) fn to_parts(&self) -> ([u32; 8], [u32; 8], usize) {
        (self.inner, self.outer, self.key_len)
    }

    /// Rebuilds a key from [`HmacKey::to_parts`].
    pub(crate) fn from_parts(inner: [u32; 8], outer: [u32; 8], key_len: usize) -> Self {
        Self { inner, outer, key_len }
    }
}

/// An HMAC-SHA256 in progress ([`HmacKey::start`]).
pub(crate) struct HmacStream<'k> {
    key: &'k HmacKey,
    inner: Stream<Sha256>,
}

impl HmacStream<'_> {
    pub(crate) fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    pub(crate) fn finish(self) -> [u8; LEN] {
        Sha256::digest(&self.finish_words())
    }

    fn finish_words(self) -> [u32; 8] {
        self.key.outer_hash(self.inner.finish())
    }
}

impl Drop for HmacKey {
    fn drop(&mut self) {
        // Slices: one fill + barrier instead of one volatile write per element.
        self.inner.as_mut_slice().zeroize();
        self.outer.as_mut_slice().zeroize();
    }
}

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HmacKey {{ key_len: {}, .. }}", self.key_len)
    }
}

#[cfg(test)]
mod tests {
    use super::HmacKey;
    use hmac::{KeyInit, Mac};

    fn reference(key: &[u8], msg: &[u8]) -> [u8; 32] {
        let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
        m.update(msg);
        m.finalize().into_bytes().into()
    }

    #[test]
    fn rfc4231_case_2() {
        let tag = HmacKey::new(b"Jefe").unwrap().mac(&[b"what do ya want ", b"for nothing?"]);
        let mut hex = [0u8; 64];
        crate::text::hex_lower(&tag, &mut hex);
        assert_eq!(&hex[..], b"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn matches_the_hmac_crate_for_key_and_message_lengths() {
        let data: Vec<u8> = (0..200u32).map(|i| (i * 31 + 7) as u8).collect();
        for key_len in [1, 31, 32, 63, 64, 65, 128, 129, 200] {
            let key = HmacKey::new(&data[..key_len]).unwrap();
            assert_eq!(key.key_len(), key_len);
            // Every length through the one- and two-block paths and past them.
            for msg_len in (0..=130).chain([200]) {
                let msg = &data[..msg_len];
                let (a, b) = msg.split_at(msg_len / 2);
                assert_eq!(key.mac(&[a, b]), reference(&data[..key_len], msg), "key {key_len} msg {msg_len}");
                let mut h = key.start();
                msg.iter().for_each(|b| h.update(core::slice::from_ref(b)));
                assert_eq!(h.finish(), reference(&data[..key_len], msg), "bytewise: key {key_len} msg {msg_len}");
            }
        }
    }

    #[test]
    fn empty_key_is_refused_and_debug_is_redacted() {
        assert!(HmacKey::new(b"").is_err());
        let k = HmacKey::new(b"super-secret-key-material-0123456789").unwrap();
        let shown = format!("{k:?}");
        assert!(!shown.contains("secret") && shown.contains("key_len: 36"), "{shown}");
    }
}
