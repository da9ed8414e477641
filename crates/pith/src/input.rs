//! Bytes to text: find the encoding as a browser does, then decode.
//!
//! Order (after the HTML standard's sniffing algorithm): byte-order mark, the
//! caller's label (an HTTP header or `--charset`), a `<meta charset>` or
//! `http-equiv` declaration (or an XML declaration) in the first 1024 bytes,
//! and only then a statistical guess with chardetng. One departure from
//! browsers, for archived pages: a declared legacy encoding loses to UTF-8
//! when the bytes are valid UTF-8 with multi-byte sequences, because servers
//! and CMSs that re-encode pages often leave the old declaration behind
//! (`gb2312` on a UTF-8 page), while legacy text that happens to be valid
//! UTF-8 is vanishingly rare beyond a few words.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::{Error, ErrorKind};

/// How the encoding was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    Bom,
    Caller,
    Meta,
    /// Valid UTF-8 that overrode a legacy declaration, or had none.
    Utf8Valid,
    Detected,
}

/// Decoded text and where its encoding came from.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Bytes that were invalid in the chosen encoding (replaced with U+FFFD).
    pub had_errors: bool,
}

/// Decode `bytes` using `caller_label` (an encoding label such as `"latin1"`)
/// when no byte-order mark says otherwise.
pub fn decode<'a>(bytes: &'a [u8], caller_label: Option<&str>) -> Result<Decoded<'a>, Error> {
    let caller = match caller_label {
        Some(label) => Some(Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownEncoding,
                format!("unknown encoding label {label:?}"),
            )
        })?),
        None => None,
    };
    let (encoding, source) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, EncodingSource::Bom)
    } else if let Some(enc) = caller {
        (enc, EncodingSource::Caller)
    } else if let Some(enc) = prescan(&bytes[..bytes.len().min(1024)]) {
        if enc != UTF_8 && has_multibyte_utf8(bytes) {
            (UTF_8, EncodingSource::Utf8Valid)
        } else {
            (enc, EncodingSource::Meta)
        }
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, EncodingSource::Utf8Valid)
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(
            &bytes[..bytes.len().min(64 * 1024)],
            bytes.len() <= 64 * 1024,
        );
        (det.guess(None, true), EncodingSource::Detected)
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    Ok(Decoded {
        text,
        encoding: used,
        source,
        had_errors,
    })
}

/// Bytes that are plainly not a text document: a binary file signature
/// (gzip, PNG, PDF, zip, images), or control bytes in more than 5% of the
/// first 4 KiB (real HTML has almost none; random bytes have about 11%).
/// UTF-16 with a byte-order mark is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    const MAGIC: &[&[u8]] = &[
        b"\x1f\x8b",
        b"\x89PNG",
        b"%PDF-",
        b"PK\x03\x04",
        b"GIF87a",
        b"GIF89a",
        b"\xff\xd8\xff",
        b"\xfd7zXZ",
        b"7z\xbc\xaf",
        b"\x28\xb5\x2f\xfd",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    control * 20 > head.len()
}

/// Valid UTF-8 that contains at least one multi-byte sequence.
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b >= 0x80) && std::str::from_utf8(bytes).is_ok()
}

/// The standard's "prescan a byte stream to determine its encoding", reduced
/// to what real pages use: `<meta charset=…>`, `<meta http-equiv=content-type
/// content="…charset=…">` and `<?xml … encoding="…"?>`.
pub fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    if head.starts_with(b"<?xml") {
        if let Some(end) = memchr::memchr(b'>', head) {
            if let Some(enc) = attr_value(&head[..end], b"encoding").and_then(label) {
                return Some(fix_meta(enc));
            }
        }
    }
    while let Some(pos) = memchr::memchr(b'<', &head[i..]) {
        let start = i + pos;
        let rest = &head[start..];
        if rest.starts_with(b"<!--") {
            i = match memchr::memmem::find(&rest[4..], b"-->") {
                Some(e) => start + 4 + e + 3,
                None => return None,
            };
            continue;
        }
        let end = match memchr::memchr(b'>', rest) {
            Some(e) => start + e,
            None => return None,
        };
        let tag = &head[start + 1..end];
        if tag.len() > 4 && tag[..4].eq_ignore_ascii_case(b"meta") && is_space_or_slash(tag[4]) {
            if let Some(enc) = attr_value(tag, b"charset").and_then(label) {
                return Some(fix_meta(enc));
            }
            let is_ct = attr_value(tag, b"http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case(b"content-type"));
            if is_ct {
                if let Some(content) = attr_value(tag, b"content") {
                    if let Some(enc) = charset_in_content(content).and_then(label) {
                        return Some(fix_meta(enc));
                    }
                }
            }
        }
        i = end + 1;
    }
    None
}

fn is_space_or_slash(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'/'
}

fn label(v: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label(trim(v))
}

/// A meta declaration of UTF-16 means UTF-8 (the bytes were already read as
/// ASCII-compatible); x-user-defined means windows-1252.
fn fix_meta(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    }
}

fn trim(v: &[u8]) -> &[u8] {
    let s = v
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(v.len());
    let e = v
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(s, |p| p + 1);
    &v[s..e]
}

/// The value of attribute `name` inside a tag's bytes (case-insensitive name).
fn attr_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut i = 0;
    while i + name.len() < tag.len() {
        let at = i;
        i += 1;
        if !tag[at..].starts_with_ignore_case(name) {
            continue;
        }
        // The name must start a word and be followed by `=`.
        if at > 0
            && !(tag[at - 1].is_ascii_whitespace()
                || tag[at - 1] == b'"'
                || tag[at - 1] == b'\''
                || tag[at - 1] == b'/')
        {
            continue;
        }
        let mut j = at + name.len();
        while j < tag.len() && tag[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= tag.len() || tag[j] != b'=' {
            continue;
        }
        j += 1;
        while j < tag.len() && tag[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= tag.len() {
            return None;
        }
        let q = tag[j];
        if q == b'"' || q == b'\'' {
            let rest = &tag[j + 1..];
            let e = memchr::memchr(q, rest).unwrap_or(rest.len());
            return Some(&rest[..e]);
        }
        let rest = &tag[j..];
        let e = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b';')
            .unwrap_or(rest.len());
        return Some(&rest[..e]);
    }
    None
}

/// `text/html; charset=utf-8` -> `utf-8`.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let lower: Vec<u8> = content.to_ascii_lowercase();
    let pos = memchr::memmem::find(&lower, b"charset")?;
    let mut j = pos + 7;
    while j < content.len() && content[j].is_ascii_whitespace() {
        j += 1;
    }
    if j >= content.len() || content[j] != b'=' {
        return None;
    }
    j += 1;
    while j < content.len() && content[j].is_ascii_whitespace() {
        j += 1;
    }
    let rest = &content[j..];
    let (rest, quote) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => (&rest[1..], Some(q)),
        _ => (rest, None),
    };
    let e = rest
        .iter()
        .position(|&b| Some(b) == quote || b == b';' || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..e])
}

trait StartsWithIgnoreCase {
    fn starts_with_ignore_case(&self, prefix: &[u8]) -> bool;
}

impl StartsWithIgnoreCase for [u8] {
    fn starts_with_ignore_case(&self, prefix: &[u8]) -> bool {
        self.len() >= prefix.len() && self[..prefix.len()].eq_ignore_ascii_case(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8], caller: Option<&str>) -> &'static str {
        decode(bytes, caller).expect("decode").encoding.name()
    }

    #[test]
    fn bom_wins_over_everything() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(b"<meta charset=latin1>caf\xC3\xA9");
        assert_eq!(enc(&b, Some("shift_jis")), "UTF-8");
    }

    #[test]
    fn caller_label_beats_meta() {
        assert_eq!(
            enc(b"<meta charset=utf-8>caf\xE9", Some("latin1")),
            "windows-1252"
        );
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(enc(b"<meta charset=\"koi8-r\">\xF0", None), "KOI8-R");
        assert_eq!(
            enc(
                b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>\x82\xA0",
                None
            ),
            "Shift_JIS"
        );
        assert_eq!(
            enc(
                b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><p>\xB1",
                None
            ),
            "ISO-8859-2"
        );
    }

    #[test]
    fn meta_inside_comment_is_ignored() {
        assert_eq!(
            enc(b"<!-- <meta charset=koi8-r> --><p>plain", None),
            "UTF-8"
        );
    }

    #[test]
    fn valid_utf8_overrides_a_stale_latin1_declaration() {
        let d = decode("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None).expect("decode");
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let text = "<p>Der Bürgermeister öffnete die Tür für die Bäckerin und grüßte höflich.</p>";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let d = decode(&bytes, None).expect("decode");
        assert!(d.text.contains("Bürgermeister"), "{}", d.text);
        assert_eq!(d.source, EncodingSource::Detected);
    }

    #[test]
    fn binary_files_are_recognised() {
        assert!(looks_binary(b"\x1f\x8b\x08\x00rest"));
        assert!(looks_binary(b"%PDF-1.7\n..."));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(looks_binary(&noise));
        assert!(!looks_binary(b"<!doctype html><p>caf\xc3\xa9</p>"));
        assert!(!looks_binary(b"\xff\xfe<\x00p\x00>\x00"));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn unknown_label_is_an_error() {
        let e = decode(b"x", Some("no-such-charset")).expect_err("error");
        assert_eq!(e.kind(), ErrorKind::UnknownEncoding);
    }

    #[test]
    fn invalid_bytes_are_replaced_not_fatal() {
        let d = decode(b"<meta charset=utf-8><p>\xFF\xFEok", None).expect("decode");
        assert!(d.had_errors);
        assert!(d.text.contains("ok"));
    }
}
