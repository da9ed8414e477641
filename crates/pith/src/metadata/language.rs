//! The language of an article that declares none, detected from its text.
//!
//! Declarations come first (`<html lang>`, `Content-Language`, `og:locale`,
//! JSON-LD `inLanguage`: see the module above); about one page in ten has
//! none. Then the article's own text is read with whatlang's trigram and
//! script models (70 languages, no C, no model files), and a language is
//! given only when the detector calls its answer reliable: a short or mixed
//! text gives none rather than a guess.

use crate::ir::{inlines_text_into, Article, Block};

/// Bytes of text read: a few paragraphs settle the language, and the
/// detector's cost grows with its input.
const SAMPLE_LEN: usize = 2_000;

/// The primary language subtag (`de`, `pt`) of the article's text, when the
/// detector is confident.
pub fn detect_article(title: Option<&str>, article: &Article) -> Option<String> {
    let mut text = String::with_capacity(SAMPLE_LEN + 200);
    if let Some(t) = title {
        text.push_str(t);
        text.push('\n');
    }
    sample(&article.blocks, &mut text);
    detect(&text)
}

/// Prose of `blocks` into `out` until it holds [`SAMPLE_LEN`] bytes; code,
/// tables and figures say little about the language of the prose.
fn sample(blocks: &[Block], out: &mut String) {
    for b in blocks {
        if out.len() >= SAMPLE_LEN {
            return;
        }
        match b {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                inlines_text_into(c, out);
                out.push('\n');
            }
            Block::Quote(inner) => sample(inner, out),
            Block::List(l) => {
                for item in &l.items {
                    sample(item, out);
                }
            }
            Block::Code { .. } | Block::Table(_) | Block::Figure(_) | Block::Rule => {}
        }
    }
}

/// The primary language subtag of `text`, when the detector is confident.
pub fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// ISO 639-1 for the ISO 639-3 codes whatlang knows; `cmn` (Mandarin) is
/// written `zh` and `pes` (Iranian Persian) `fa`, as pages declare them.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages() {
        let de = "Der Gemeinderat hat am Dienstag beschlossen, die Brücke über den Fluss \
                  im kommenden Jahr zu erneuern. Die Arbeiten sollen im Frühjahr beginnen.";
        let fr = "Le conseil municipal a décidé mardi de rénover le pont sur la rivière \
                  l'année prochaine. Les travaux devraient commencer au printemps.";
        let en = "The city council decided on Tuesday to renew the bridge over the river \
                  next year. The work is expected to begin in the spring.";
        let ru = "Городской совет во вторник решил обновить мост через реку в следующем \
                  году. Работы должны начаться весной.";
        assert_eq!(detect(de).as_deref(), Some("de"));
        assert_eq!(detect(fr).as_deref(), Some("fr"));
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect(ru).as_deref(), Some("ru"));
    }

    #[test]
    fn too_little_text_gives_none() {
        assert_eq!(detect("OK"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn every_code_maps_to_two_letters() {
        for code in ["eng", "cmn", "pes", "nob", "zul"] {
            assert_eq!(iso639_1(code).map(str::len), Some(2));
        }
        assert_eq!(iso639_1("xyz"), None);
    }
}
