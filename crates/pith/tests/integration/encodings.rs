//! One article, many byte layouts: every encoding (declared, undeclared,
//! with a byte-order mark), CRLF line endings and minified markup must give
//! the same Markdown and text as the plain UTF-8 page.

use encoding_rs::Encoding;
use pith::{Extraction, Options, RenderOptions};

use crate::util::{assert_has, excerpt, fixture_names, Fixture};

/// An article in one language, in text every target encoding can represent.
struct Article {
    lang: &'static str,
    title: &'static str,
    paragraphs: [&'static str; 4],
}

const FRENCH: Article = Article {
    lang: "fr",
    title: "Le marché couvert rouvre après deux ans de travaux",
    paragraphs: [
        "Après deux ans de travaux, le marché couvert de la place Saint-Éloi a rouvert ses portes samedi matin, sous une verrière entièrement restaurée.",
        "« On a retrouvé nos habitudes dès la première heure », raconte Hélène, fromagère depuis vingt-deux ans. Les étals ont été réorganisés pour laisser plus de place aux producteurs locaux – un choix qui tient à cœur au maire.",
        "Le chantier a coûté 4,6 millions d’euros, soit environ 600 000 € de plus que prévu, en raison de la découverte de fondations médiévales sous l’ancien sol.",
        "La mairie promet des nocturnes le jeudi dès le mois de juin, avec des concerts et une buvette tenue par les associations du quartier.",
    ],
};

const POLISH: Article = Article {
    lang: "pl",
    title: "Nowy most na Wiśle otwarty dla pieszych i rowerzystów",
    paragraphs: [
        "W sobotę rano otwarto nowy most pieszo-rowerowy łączący oba brzegi Wisły. Już w pierwszych godzinach przeszło po nim kilka tysięcy osób.",
        "Konstrukcja ma 452 metry długości i jest oświetlona nocą lampami, które zużywają o połowę mniej energii niż tradycyjne źródła światła.",
        "\"Czekaliśmy na ten most piętnaście lat\", powiedziała mieszkanka Żoliborza, która przyjechała na otwarcie z dwójką dzieci.",
        "Budowa kosztowała 127 milionów złotych i trwała niespełna trzy lata. Część środków pochodziła z funduszy unijnych.",
    ],
};

const JAPANESE: Article = Article {
    lang: "ja",
    title: "駅前の図書館が新しく開館、蔵書は二十万冊",
    paragraphs: [
        "市の中心部にある駅前広場に、新しい市立図書館が土曜日に開館した。初日には開館前から長い列ができ、約三千人が訪れた。",
        "新館は地上五階建てで、蔵書は約二十万冊。最上階には市街地を一望できる閲覧室が設けられている。",
        "館長は「本を借りるだけでなく、人が集まる場所にしたい」と話し、週末には子ども向けの読み聞かせなどの催しを開く予定だという。",
        "開館時間は午前九時から午後九時までで、毎週月曜日が休館日となる。駐輪場は百台分が用意された。",
    ],
};

const RUSSIAN: Article = Article {
    lang: "ru",
    title: "В парке у реки высадили триста лип",
    paragraphs: [
        "В субботу волонтёры высадили в парке на набережной триста молодых лип. Акцию организовали жители соседних домов вместе с городским управлением благоустройства.",
        "Саженцы привезли из питомника в соседней области, каждому дереву уже около восьми лет. По словам специалистов, через десять лет аллея даст хорошую тень.",
        "\"Мы хотели, чтобы у детей было место для прогулок летом\", - рассказала одна из организаторов, Ольга Петрова.",
        "Полив молодых деревьев в течение двух лет возьмут на себя коммунальные службы города.",
    ],
};

const URL: &str = "https://gazette.example/2021/05/article.html";

impl Article {
    /// The page, pretty-printed: whitespace between tags is only indentation.
    fn page(&self, decl: &str) -> String {
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n  {decl}\n  <title>{} | Gazette</title>\n</head>\n<body>\n  <header>\n    <nav>\n      <ul>\n        <li><a href=\"/\">Home</a></li>\n        <li><a href=\"/news\">News</a></li>\n        <li><a href=\"/sport\">Sport</a></li>\n      </ul>\n    </nav>\n  </header>\n  <main>\n    <article>\n      <h1>{}</h1>\n",
            self.lang, self.title, self.title
        );
        for p in self.paragraphs {
            s.push_str("      <p>");
            s.push_str(p);
            s.push_str("</p>\n");
        }
        s.push_str("    </article>\n  </main>\n  <footer>\n    <p>Gazette, 2021</p>\n  </footer>\n</body>\n</html>\n");
        s
    }
}

/// `s` encoded in `enc`, asserting that every character was representable.
fn encode(s: &str, enc: &'static Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = enc.encode(s);
    assert_eq!(used, enc, "encoder for {}", enc.name());
    assert!(!unmappable, "text not representable in {}", enc.name());
    bytes.into_owned()
}

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    b
}

fn extract(bytes: &[u8]) -> Extraction {
    let o = Options {
        url: Some(URL.to_owned()),
        ..Options::default()
    };
    pith::extract(bytes, &o).expect("extract")
}

fn md(ex: &Extraction) -> String {
    ex.to_markdown(&RenderOptions::default())
}

/// A page in some byte layout and the encoding pith should report for it.
struct Case {
    label: &'static str,
    article: &'static Article,
    bytes: Vec<u8>,
    encoding: &'static str,
}

fn cases() -> Vec<Case> {
    use encoding_rs::{ISO_8859_2, KOI8_R, SHIFT_JIS, WINDOWS_1252};
    let meta = |label: &str| format!("<meta charset=\"{label}\">");
    let http_equiv = |label: &str| {
        format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">")
    };
    vec![
        Case {
            label: "utf-8 declared",
            article: &FRENCH,
            bytes: FRENCH.page(&meta("utf-8")).into_bytes(),
            encoding: "UTF-8",
        },
        Case {
            label: "utf-8 undeclared",
            article: &FRENCH,
            bytes: FRENCH.page("").into_bytes(),
            encoding: "UTF-8",
        },
        Case {
            label: "utf-8 with bom",
            article: &FRENCH,
            bytes: [&b"\xEF\xBB\xBF"[..], FRENCH.page("").as_bytes()].concat(),
            encoding: "UTF-8",
        },
        Case {
            label: "windows-1252 meta charset",
            article: &FRENCH,
            bytes: encode(&FRENCH.page(&meta("windows-1252")), WINDOWS_1252),
            encoding: "windows-1252",
        },
        Case {
            label: "iso-8859-1 label means windows-1252",
            article: &FRENCH,
            bytes: encode(&FRENCH.page(&http_equiv("ISO-8859-1")), WINDOWS_1252),
            encoding: "windows-1252",
        },
        Case {
            label: "utf-16le with bom",
            article: &FRENCH,
            bytes: utf16le_with_bom(&FRENCH.page("")),
            encoding: "UTF-16LE",
        },
        Case {
            label: "iso-8859-2 http-equiv",
            article: &POLISH,
            bytes: encode(&POLISH.page(&http_equiv("iso-8859-2")), ISO_8859_2),
            encoding: "ISO-8859-2",
        },
        Case {
            label: "iso-8859-2 as utf-8",
            article: &POLISH,
            bytes: POLISH.page(&meta("utf-8")).into_bytes(),
            encoding: "UTF-8",
        },
        Case {
            label: "shift_jis meta charset",
            article: &JAPANESE,
            bytes: encode(&JAPANESE.page(&meta("Shift_JIS")), SHIFT_JIS),
            encoding: "Shift_JIS",
        },
        Case {
            label: "shift_jis as utf-8",
            article: &JAPANESE,
            bytes: JAPANESE.page(&meta("utf-8")).into_bytes(),
            encoding: "UTF-8",
        },
        Case {
            label: "koi8-r http-equiv",
            article: &RUSSIAN,
            bytes: encode(&RUSSIAN.page(&http_equiv("koi8-r")), KOI8_R),
            encoding: "KOI8-R",
        },
        Case {
            label: "koi8-r as utf-8",
            article: &RUSSIAN,
            bytes: RUSSIAN.page(&meta("utf-8")).into_bytes(),
            encoding: "UTF-8",
        },
    ]
}

#[test]
fn encoding_field_is_right() {
    for c in cases() {
        assert_eq!(extract(&c.bytes).encoding, c.encoding, "{}", c.label);
    }
}

#[test]
fn same_text_in_every_encoding() {
    for c in cases() {
        let reference = extract(c.article.page("<meta charset=\"utf-8\">").as_bytes());
        let ex = extract(&c.bytes);
        assert_eq!(md(&ex), md(&reference), "{}: Markdown differs", c.label);
        assert_eq!(
            ex.to_text(),
            reference.to_text(),
            "{}: text differs",
            c.label
        );
        assert_eq!(ex.metadata.title, reference.metadata.title, "{}", c.label);
    }
}

#[test]
fn every_encoding_yields_the_article() {
    for c in cases() {
        let ex = extract(&c.bytes);
        let m = md(&ex);
        assert!(ex.article.is_some(), "{}: no article", c.label);
        assert_has(&m, &[&format!("# {}", c.article.title)]);
        assert_has(&m, &c.article.paragraphs);
        assert!(
            !m.contains('\u{FFFD}'),
            "{}: replacement characters",
            c.label
        );
        assert!(!m.contains("Gazette, 2021"), "{}: footer kept", c.label);
    }
}

#[test]
fn undeclared_legacy_encodings_are_detected() {
    use encoding_rs::{KOI8_R, SHIFT_JIS, WINDOWS_1252};
    for (article, enc) in [
        (&FRENCH, WINDOWS_1252),
        (&JAPANESE, SHIFT_JIS),
        (&RUSSIAN, KOI8_R),
    ] {
        let bytes = encode(&article.page(""), enc);
        let ex = extract(&bytes);
        // chardetng names KOI8 text KOI8-U, a superset of KOI8-R that decodes
        // Russian identically; the text comparison below is what counts.
        let same = ex.encoding == enc.name() || (enc == KOI8_R && ex.encoding == "KOI8-U");
        assert!(
            same,
            "{} undeclared detected as {}",
            enc.name(),
            ex.encoding
        );
        let reference = extract(article.page("").as_bytes());
        assert_eq!(md(&ex), md(&reference), "{} undeclared", enc.name());
    }
}

#[test]
fn caller_charset_beats_a_wrong_meta() {
    let bytes = encode(
        &FRENCH.page("<meta charset=\"iso-8859-2\">"),
        encoding_rs::WINDOWS_1252,
    );
    let o = Options {
        url: Some(URL.to_owned()),
        charset: Some("windows-1252".to_owned()),
        ..Options::default()
    };
    let ex = pith::extract(&bytes, &o).expect("extract");
    assert_eq!(ex.encoding, "windows-1252");
    let reference = extract(FRENCH.page("").as_bytes());
    assert_eq!(md(&ex), md(&reference));
}

/// Whitespace between tags removed, as minifiers do (only where it is
/// indentation: this page has no inline whitespace between tags).
fn minify(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut pending = String::new();
    for ch in page.chars() {
        if ch.is_whitespace() && out.ends_with('>') {
            pending.push(ch);
            continue;
        }
        if ch != '<' {
            out.push_str(&pending);
        }
        pending.clear();
        out.push(ch);
    }
    out
}

#[test]
fn whitespace_between_tags_changes_nothing() {
    for a in [&FRENCH, &POLISH, &JAPANESE, &RUSSIAN] {
        let pretty = a.page("<meta charset=\"utf-8\">");
        let tight = minify(&pretty);
        assert!(!tight.contains(">\n"), "minified:\n{}", excerpt(&tight));
        let (p, t) = (extract(pretty.as_bytes()), extract(tight.as_bytes()));
        assert_eq!(md(&t), md(&p), "{}: minified page differs", a.lang);
        assert_eq!(t.to_text(), p.to_text(), "{}", a.lang);
        // And indentation with tabs and blank lines is as good as none.
        let loose = pretty.replace("\n", "\n\t\n  \t");
        assert_eq!(md(&extract(loose.as_bytes())), md(&p), "{}: loose", a.lang);
    }
}

#[test]
fn crlf_line_endings_change_nothing() {
    for name in fixture_names() {
        let fx = Fixture::load(&name);
        let lf = fx.page.clone();
        // Normalise to LF first, so a fixture saved with CRLF is covered too.
        let lf: Vec<u8> = lf.into_iter().filter(|&b| b != b'\r').collect();
        let mut crlf = Vec::with_capacity(lf.len() * 2);
        for &b in &lf {
            if b == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(b);
        }
        let a = pith::extract(&lf, &fx.options).expect("extract");
        let b = pith::extract(&crlf, &fx.options).expect("extract");
        assert_eq!(
            b.to_markdown(&fx.render),
            a.to_markdown(&fx.render),
            "{name}: CRLF changes the Markdown"
        );
        assert_eq!(b.to_text(), a.to_text(), "{name}: CRLF changes the text");
        assert_eq!(b.metadata, a.metadata, "{name}: CRLF changes the metadata");
    }
}
