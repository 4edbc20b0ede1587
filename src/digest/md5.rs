//! MD5 over a concatenation of byte strings, without building the concatenation.
//!
//! Every Tencent/Huawei/Alibaba MD5 scheme signs `secret + public parts`; hashing the parts in
//! sequence avoids a joined copy of the key, and the one stack block that did hold key bytes
//! is zeroised before return. A message of at most 55 bytes (key + 10 digits, the common
//! case) costs exactly one call of the compression function.

use md5::block_api::compress;
use zeroize::Zeroize;

const BLOCK: usize = 64;
const IV: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];

/// Length of an MD5 digest in bytes.
pub(crate) const LEN: usize = 16;

/// `MD5(parts[0] || parts[1] || ...)`.
pub(crate) fn md5(parts: &[&[u8]]) -> [u8; LEN] {
    let mut h = Md5::new();
    for part in parts {
        h.update(part);
    }
    h.finish()
}

struct Md5 {
    state: [u32; 4],
    block: [u8; BLOCK],
    used: usize,
    total: u64,
}

impl Md5 {
    fn new() -> Self {
        Self { state: IV, block: [0; BLOCK], used: 0, total: 0 }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.total = self.total.wrapping_add(data.len() as u64);
        if self.used > 0 {
            let take = data.len().min(BLOCK - self.used);
            self.block[self.used..self.used + take].copy_from_slice(&data[..take]);
            self.used += take;
            data = &data[take..];
            if self.used < BLOCK {
                return;
            }
            compress(&mut self.state, core::slice::from_ref(&self.block));
            self.used = 0;
        }
        let (blocks, rest) = data.as_chunks::<BLOCK>();
        if !blocks.is_empty() {
            compress(&mut self.state, blocks);
        }
        self.block[..rest.len()].copy_from_slice(rest);
        self.used = rest.len();
    }

    fn finish(mut self) -> [u8; LEN] {
        let bits = self.total.wrapping_mul(8);
        self.block[self.used] = 0x80;
        self.block[self.used + 1..].fill(0);
        if self.used >= BLOCK - 8 {
            compress(&mut self.state, core::slice::from_ref(&self.block));
            self.block.fill(0);
        }
        self.block[BLOCK - 8..].copy_from_slice(&bits.to_le_bytes());
        compress(&mut self.state, core::slice::from_ref(&self.block));
        let mut out = [0u8; LEN];
        for (o, w) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

impl Drop for Md5 {
    fn drop(&mut self) {
        self.block.zeroize();
        self.state.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::md5;
    use md5::Digest;

    fn reference(data: &[u8]) -> [u8; 16] {
        md5::Md5::digest(data).into()
    }

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
            let want = reference(msg);
            for cut in [0, 1, len / 3, len / 2, len.saturating_sub(1), len] {
                let (a, b) = msg.split_at(cut.min(len));
                let (b1, b2) = b.split_at(b.len() / 2);
                assert_eq!(md5(&[a, b1, b2]), want, "len {len} cut {cut}");
            }
        }
    }
}
