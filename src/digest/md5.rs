//! MD5 over a concatenation of byte strings. Every Tencent/Huawei/Alibaba MD5 scheme signs
//! `secret + public parts`; a message of at most 55 bytes (a 32-byte key and 10 digits, the
//! common case) costs exactly one call of md-5's compression function.

use super::stream::{BLOCK, Compression, Stream, short};

/// Length of an MD5 digest in bytes.
pub(crate) const LEN: usize = 16;

const IV: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];

pub(crate) struct Md5;

impl Compression for Md5 {
    type State = [u32; 4];
    type Digest = [u8; LEN];

    #[inline(always)]
    fn compress(state: &mut [u32; 4], blocks: &[[u8; BLOCK]]) {
        md5::block_api::compress(state, blocks);
    }

    fn length_bytes(bits: u64) -> [u8; 8] {
        bits.to_le_bytes()
    }

    fn digest(state: &[u32; 4]) -> [u8; LEN] {
        let mut out = [0u8; LEN];
        for (o, w) in out.chunks_exact_mut(4).zip(state) {
            o.copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

/// `MD5(parts[0] || parts[1] || ...)`.
pub(crate) fn md5(parts: &[&[u8]]) -> [u8; LEN] {
    let total = parts.iter().fold(0usize, |n, p| n.saturating_add(p.len()));
    if total < BLOCK - 8 {
        // The common case (`key + t`, `key + stream + txTime`): one compression.
        return short::<Md5, 1>(IV, 0, parts, total);
    }
    let mut h = Stream::<Md5>::resume(IV, 0);
    for part in parts {
        h.update(part);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::md5;
    use md5::Digest;

    #[test]
    fn rfc1321_suite() {
        let cases: [(&[u8], &str); 4] = [
            (b"", "d41d8cd98f00b204e9800998ecf8427e"),
            (b"a", "0cc175b9c0f1b6a831c399e269772661"),
            (b"message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            (
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a",
            ),
        ];
        for (msg, hex) in cases {
            let d = md5(&[msg]);
            let mut s = [0u8; 32];
            crate::text::hex_lower(&d, &mut s);
            assert_eq!(std::str::from_utf8(&s).unwrap(), hex);
        }
    }

    #[test]
    fn every_length_and_split_matches_the_streaming_hasher() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for len in 0..data.len() {
            let msg = &data[..len];
            let want: [u8; 16] = md5::Md5::digest(msg).into();
            for cut in [0, 1, len / 3, len / 2, len.saturating_sub(1), len] {
                let (a, b) = msg.split_at(cut.min(len));
                let (b1, b2) = b.split_at(b.len() / 2);
                assert_eq!(md5(&[a, b1, b2]), want, "len {len} cut {cut}");
            }
        }
    }
}
