//! SHA-512 (FIPS 180-4), for `random.seed` of a str, bytes or bytearray (CPython's
//! version-2 seeding appends the seed's SHA-512 digest). Written here rather than
//! taken from a crate: it is one function, and its round constants are computed from
//! their definition (the fractional parts of the square and cube roots of the first
//! primes, with num-bigint's integer roots) instead of being typed in.

use std::sync::OnceLock;

use num_bigint::BigUint;

/// The first `n` primes.
fn primes(n: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(n);
    let mut k = 2u32;
    while out.len() < n {
        if out
            .iter()
            .take_while(|p| *p * *p <= k)
            .all(|p| !k.is_multiple_of(*p))
        {
            out.push(k);
        }
        k += 1;
    }
    out
}

/// The first 64 bits of the fractional part of the `root`-th root of `p`.
fn frac_root_bits(p: u32, root: u32) -> u64 {
    let scaled = BigUint::from(p) << (64 * root as usize);
    let r = scaled.nth_root(root);
    let low = r.iter_u64_digits().next().unwrap_or(0);
    low
}

struct Constants {
    k: [u64; 80],
    h0: [u64; 8],
}

fn constants() -> &'static Constants {
    static C: OnceLock<Constants> = OnceLock::new();
    C.get_or_init(|| {
        let ps = primes(80);
        let mut k = [0u64; 80];
        for (i, p) in ps.iter().enumerate() {
            k[i] = frac_root_bits(*p, 3);
        }
        let mut h0 = [0u64; 8];
        for (i, p) in ps.iter().take(8).enumerate() {
            h0[i] = frac_root_bits(*p, 2);
        }
        Constants { k, h0 }
    })
}

/// The SHA-512 digest of `data`.
pub fn digest(data: &[u8]) -> [u8; 64] {
    let c = constants();
    let mut h = c.h0;
    let mut msg = data.to_vec();
    let bits = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (t, word) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(word);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = s1
                .wrapping_add(w[t - 7])
                .wrapping_add(s0)
                .wrapping_add(w[t - 16]);
        }
        let [mut a, mut b, mut cc, mut d, mut e, mut f, mut g, mut hh] = h;
        for (t, wt) in w.iter().enumerate() {
            let big_s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(big_s1)
                .wrapping_add(ch)
                .wrapping_add(c.k[t])
                .wrapping_add(*wt);
            let big_s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & cc) ^ (b & cc);
            let t2 = big_s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = cc;
            cc = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, v) in h.iter_mut().zip([a, b, cc, d, e, f, g, hh]) {
            *x = x.wrapping_add(v);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(
            hex(&digest(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(&hex(&digest(b""))[..16], "cf83e1357eefb8bd");
        assert_eq!(constants().k[0], 0x428a2f98d728ae22);
        assert_eq!(constants().h0[0], 0x6a09e667f3bcc908);
    }
}
