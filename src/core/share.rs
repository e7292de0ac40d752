//! A small deck carried in a link's fragment (`#deck=`), as `scripts/share-link.mjs` writes it and
//! `embed.js` unpacks it: the deck file compressed with raw deflate, in base64url without padding.

/// Links longer than this are not offered for sharing: chat apps, mail and some browsers cut
/// them. (The same limit as `scripts/share-link.mjs`.)
pub const LINK_LIMIT: usize = 8000;

/// The fragment for `text`, starting `#deck=`.
pub fn fragment(text: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    format!("#deck={}", base64url(&packed))
}

/// Base64url (RFC 4648 §5) without `=` padding.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}
