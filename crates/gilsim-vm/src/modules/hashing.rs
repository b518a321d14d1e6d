//! The digests behind the library's `hashlib` (library/hashlib.py keeps each hash object's
//! data; this computes a digest of it): MD5, SHA-1 and the SHA-2 family, bit for bit as
//! CPython's OpenSSL-backed `_hashlib` computes them (RustCrypto's implementations); and
//! `binascii.crc32`'s CRC (library/binascii.py), zlib's CRC-32 (ISO 3309, reflected
//! polynomial 0xEDB88320) continued from a given value.

use crate::builtins::arity;
use crate::native::{native, NativeFn};
use crate::value::Value;
use crate::Exc;
use md5::Digest;

pub const NATIVES: [&NativeFn; 2] = [&HASH_DIGEST, &CRC32];

native!(HASH_DIGEST, "_gilsim.hash_digest", |vm, _th, args| {
    arity(vm, "hash_digest", args, 2, 2)?;
    let (Value::Str(name), Value::Bytes(data)) = (&args.pos[0], &args.pos[1]) else {
        return Err(vm.raise_msg(Exc::TypeError, "hash_digest(name, data) takes a str and bytes"));
    };
    let digest: Vec<u8> = match &**name {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        other => return Err(vm.raise_msg(Exc::ValueError, format!("unsupported hash type {other}"))),
    };
    Ok(Value::Bytes(digest.into()))
});

native!(CRC32, "_gilsim.crc32", |vm, _th, args| {
    arity(vm, "crc32", args, 2, 2)?;
    // The library passes the low 32 bits of the starting value, as CPython keeps them.
    let (Value::Bytes(data), Value::Int(start)) = (&args.pos[0], &args.pos[1]) else {
        return Err(vm.raise_msg(Exc::TypeError, "crc32(data, value) takes bytes and an int"));
    };
    let Ok(start) = u32::try_from(*start) else {
        return Err(vm.raise_msg(Exc::ValueError, "crc32's value must be in 0..2**32"));
    };
    Ok(Value::Int(i64::from(crc32(data, start))))
});

/// zlib's `crc32(start, data)`: the running CRC is kept inverted between calls.
fn crc32(data: &[u8], start: u32) -> u32 {
    const TABLE: [u32; 256] = crc32_table();
    let mut crc = !start;
    for &byte in data {
        crc = TABLE[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

const fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}
