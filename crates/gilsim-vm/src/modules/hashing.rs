//! The digests behind the library's `hashlib` (library/hashlib.py keeps each hash object's
//! data; this computes a digest of it): MD5, SHA-1 and the SHA-2 family, bit for bit as
//! CPython's OpenSSL-backed `_hashlib` computes them (RustCrypto's implementations).

use crate::builtins::arity;
use crate::native::{native, NativeFn};
use crate::value::Value;
use crate::Exc;
use md5::Digest;

pub const NATIVES: [&NativeFn; 1] = [&HASH_DIGEST];

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
