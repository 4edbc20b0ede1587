//! Adler-32 (RFC 1950 §8.2), the checksum that closes every zlib stream.

/// The largest prime below 2^16.
const MOD: u32 = 65521;
/// The most bytes that can be summed before `b` may overflow a `u32` (zlib's NMAX).
const NMAX: usize = 5552;

/// A running Adler-32, fed in pieces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Adler32 {
    a: u32,
    b: u32,
}

impl Adler32 {
    pub(crate) const fn new() -> Self {
        Self { a: 1, b: 0 }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        for chunk in data.chunks(NMAX) {
            let (mut a, mut b) = (self.a, self.b);
            let (words, tail) = chunk.as_chunks::<8>();
            for block in words.chunks(BLOCK_WORDS) {
                let s = BlockSums::of(block);
                b += 8 * block.len() as u32 * a + s.weighted;
                a += s.sum;
            }
            for &byte in tail {
                a += u32::from(byte);
                b += a;
            }
            self.a = a % MOD;
            self.b = b % MOD;
        }
    }

    pub(crate) const fn finish(&self) -> u32 {
        (self.b << 16) | self.a
    }
}

/// Words of 8 bytes summed per [`BlockSums`]: the most for which no 16-bit lane overflows.
const BLOCK_WORDS: usize = 12;
/// The bytes of a word in 16-bit lanes: the even ones, or (shifted down 8) the odd ones.
const LANES: u64 = 0x00ff_00ff_00ff_00ff;

/// What `m` words (`m` ≤ [`BLOCK_WORDS`]) add to a running Adler-32 `(a, b)`: `a` gains
/// `sum`, the sum of their bytes x_0 … x_{8m-1}; `b` gains `8m·a + weighted`, where
/// `weighted` = Σ (8m − i)·x_i. The sums are the ones the byte loop would reach, so NMAX
/// still bounds them.
///
/// Per word only lane-wise additions: the byte loop's chain from byte to byte is gone, and
/// the weights are applied once per block. In word j (bytes x_{8j} … x_{8j+7}) byte k has
/// weight 8(m−1−j) + 8 − k: 8 for every later word, which the running sums of the earlier
/// words' lanes give, plus its weight within the word, which one multiplication per lane set
/// applies (it sums the lanes, weighted, into the top lane).
struct BlockSums {
    sum: u32,
    weighted: u32,
}

impl BlockSums {
    #[inline(always)]
    fn of(block: &[[u8; 8]]) -> Self {
        // Lane bounds for m ≤ 12: sums ≤ 255·12, running sums ≤ 255·66; every multiplied
        // top lane below stays under 2^16 (checked by the tests with 0xff bytes).
        let (mut even, mut odd, mut even_before, mut odd_before) = (0u64, 0u64, 0u64, 0u64);
        for w in block {
            let w = u64::from_le_bytes(*w);
            even_before += even;
            odd_before += odd;
            even += w & LANES;
            odd += (w >> 8) & LANES;
        }
        let sum = (even + odd).wrapping_mul(0x0001_0001_0001_0001) >> 48;
        let within = (even.wrapping_mul(0x0008_0006_0004_0002) >> 48) + (odd.wrapping_mul(0x0007_0005_0003_0001) >> 48);
        // The running sums exceed 16 bits once added up: sum them in 32-bit lanes.
        let before = even_before + odd_before;
        let before = (before & 0x0000_ffff_0000_ffff) + ((before >> 16) & 0x0000_ffff_0000_ffff);
        let before = (before & 0xffff_ffff) + (before >> 32);
        Self { sum: sum as u32, weighted: (8 * before + within) as u32 }
    }
}

/// Adler-32 of one byte string.
pub(crate) fn adler32(data: &[u8]) -> u32 {
    let mut h = Adler32::new();
    h.update(data);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"a"), 0x0062_0062);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        // Long runs of 0xff stress the deferred modulo (zlib's NMAX bound).
        let ff = vec![0xffu8; 100_000];
        let mut slow = (1u32, 0u32);
        for &x in &ff {
            slow.0 = (slow.0 + u32::from(x)) % MOD;
            slow.1 = (slow.1 + slow.0) % MOD;
        }
        assert_eq!(adler32(&ff), (slow.1 << 16) | slow.0);
    }

    /// The byte-at-a-time definition.
    fn reference(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in data {
            a = (a + u32::from(x)) % MOD;
            b = (b + a) % MOD;
        }
        (b << 16) | a
    }

    #[test]
    fn every_length_and_byte_value() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let data: Vec<u8> = (0..3000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        for len in 0..=data.len() {
            assert_eq!(adler32(&data[..len]), reference(&data[..len]), "{len}");
        }
        for byte in 0..=255u8 {
            for len in [1, 7, 8, 9, 16, 17, NMAX - 1, NMAX, NMAX + 1, 3 * NMAX + 5] {
                let run = vec![byte; len];
                assert_eq!(adler32(&run), reference(&run), "{byte:02x} x {len}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_definition(data in proptest::collection::vec(proptest::num::u8::ANY, 0..12_000)) {
            proptest::prop_assert_eq!(adler32(&data), reference(&data));
        }
    }

    #[test]
    fn pieces_equal_the_whole() {
        let data: Vec<u8> = (0..20_000u32).map(|i| (i * 7 + 3) as u8).collect();
        for split in [0, 1, 5551, 5552, 5553, 12_345, 20_000] {
            let mut h = Adler32::new();
            h.update(&data[..split]);
            h.update(&data[split..]);
            assert_eq!(h.finish(), adler32(&data), "split {split}");
        }
    }
}
