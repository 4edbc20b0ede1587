//! One Merkle–Damgård streaming engine for the two 64-byte-block hashes we use (MD5 and
//! SHA-256), fed part by part so that `secret + public` messages are never joined into a copy.
//! The block buffer and the chaining state are zeroised on drop: both can hold key material.

use zeroize::Zeroize;

pub(crate) const BLOCK: usize = 64;

/// A compression function with its padding conventions.
pub(crate) trait Compression {
    /// The chaining state (`[u32; 4]` for MD5, `[u32; 8]` for SHA-256).
    type State: Copy + AsMut<[u32]>;
    /// The digest (`[u8; 16]` / `[u8; 32]`).
    type Digest;
    fn compress(state: &mut Self::State, blocks: &[[u8; BLOCK]]);
    /// The 64-bit message length in bits as the padding writes it (LE for MD5, BE for SHA-2).
    fn length_bytes(bits: u64) -> [u8; 8];
    fn digest(state: &Self::State) -> Self::Digest;
}

pub(crate) struct Stream<C: Compression> {
    state: C::State,
    block: [u8; BLOCK],
    used: usize,
    total: u64,
}

impl<C: Compression> Stream<C> {
    /// Starts from `state` with `total` bytes already absorbed (a multiple of 64: HMAC resumes
    /// after its one-block key pad).
    pub(crate) fn resume(state: C::State, total: u64) -> Self {
        debug_assert_eq!(total % BLOCK as u64, 0);
        Self { state, block: [0; BLOCK], used: 0, total }
    }

    pub(crate) fn update(&mut self, mut data: &[u8]) {
        self.total = self.total.wrapping_add(data.len() as u64);
        if self.used > 0 {
            let take = data.len().min(BLOCK - self.used);
            self.block[self.used..self.used + take].copy_from_slice(&data[..take]);
            self.used += take;
            data = &data[take..];
            if self.used < BLOCK {
                return;
            }
            C::compress(&mut self.state, core::slice::from_ref(&self.block));
            self.used = 0;
        }
        let (blocks, rest) = data.as_chunks::<BLOCK>();
        if !blocks.is_empty() {
            C::compress(&mut self.state, blocks);
        }
        self.block[..rest.len()].copy_from_slice(rest);
        self.used = rest.len();
    }

    pub(crate) fn finish(mut self) -> C::Digest {
        let length = C::length_bytes(self.total.wrapping_mul(8));
        self.block[self.used] = 0x80;
        self.block[self.used + 1..].fill(0);
        if self.used >= BLOCK - 8 {
            C::compress(&mut self.state, core::slice::from_ref(&self.block));
            self.block.fill(0);
        }
        self.block[BLOCK - 8..].copy_from_slice(&length);
        C::compress(&mut self.state, core::slice::from_ref(&self.block));
        C::digest(&self.state)
    }
}

impl<C: Compression> Drop for Stream<C> {
    fn drop(&mut self) {
        // Slices, not arrays: zeroize wipes a slice with one fill plus an optimisation barrier,
        // but an array element by element with volatile writes (several times slower).
        self.block.as_mut_slice().zeroize();
        self.state.as_mut().zeroize();
    }
}

/// The whole of a short message (`total <= N * 64 - 9` bytes, its parts concatenated) after
/// `absorbed` bytes already hashed into `state`: the message and its padding fit `N` blocks,
/// built in place and compressed in one call, then wiped (the message may hold key material).
pub(crate) fn short<C: Compression, const N: usize>(
    mut state: C::State,
    absorbed: u64,
    parts: &[&[u8]],
    total: usize,
) -> C::Digest {
    debug_assert!(total < N * BLOCK - 8);
    let mut blocks = [[0u8; BLOCK]; N];
    let flat = blocks.as_flattened_mut();
    let mut pos = 0;
    for part in parts {
        if let Some(dst) = flat.get_mut(pos..pos + part.len()) {
            crate::bytes::copy_short(dst, part);
        }
        pos += part.len();
    }
    // Padding: 0x80, zeros, the length in the last 8 bytes of the last block needed.
    let used = (total + 8) / BLOCK + 1;
    if let Some(b) = flat.get_mut(total) {
        *b = 0x80;
    }
    if let Some(len) = flat.get_mut(used * BLOCK - 8..used * BLOCK) {
        len.copy_from_slice(&C::length_bytes((absorbed + total as u64) * 8));
    }
    C::compress(&mut state, blocks.get(..used).unwrap_or_default());
    // The whole of it, not just the message: a fixed-size fill is a few stores, a
    // variable-length one a call into libc.
    blocks.as_flattened_mut().zeroize();
    C::digest(&state)
}
