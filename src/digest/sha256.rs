//! SHA-256 through sha2's compression function (SHA-NI when the CPU has it, chosen at run
//! time by sha2 itself).

use super::stream::{BLOCK, Compression, Stream};

/// Length of a SHA-256 digest in bytes.
pub(crate) const LEN: usize = 32;

pub(crate) const IV: [u32; 8] =
    [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

pub(crate) struct Sha256;

impl Compression for Sha256 {
    type State = [u32; 8];
    type Digest = [u8; LEN];

    #[inline(always)]
    fn compress(state: &mut [u32; 8], blocks: &[[u8; BLOCK]]) {
        sha2::block_api::compress256(state, blocks);
    }

    fn length_bytes(bits: u64) -> [u8; 8] {
        bits.to_be_bytes()
    }

    fn digest(state: &[u32; 8]) -> [u8; LEN] {
        let mut out = [0u8; LEN];
        for (o, w) in out.chunks_exact_mut(4).zip(state) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        out
    }
}

/// `SHA-256(parts[0] || parts[1] || ...)`.
pub(crate) fn sha256(parts: &[&[u8]]) -> [u8; LEN] {
    let mut h = Stream::<Sha256>::resume(IV, 0);
    for part in parts {
        h.update(part);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::sha256;
    use sha2::Digest;

    #[test]
    fn matches_sha2_for_every_length_and_split() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 13 + 1) as u8).collect();
        for len in 0..data.len() {
            let msg = &data[..len];
            let want: [u8; 32] = sha2::Sha256::digest(msg).into();
            let (a, b) = msg.split_at(len / 3);
            assert_eq!(sha256(&[a, b]), want, "len {len}");
            assert_eq!(sha256(&[msg]), want, "len {len}");
        }
    }
}
