//! JSON-LD: tolerant parsing of `script[type=application/ld+json]` and the
//! fields of the schema.org object that describes the article.
//!
//! Real pages wrap the JSON in HTML comments or CDATA, leave trailing commas,
//! put raw newlines inside strings, or concatenate several objects. Each
//! script is parsed strictly first, then repaired, then read as a stream of
//! values; when nothing parses, a last-resort scan picks single string fields.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

/// What the JSON-LD blocks say about the page.
#[derive(Debug, Default, Clone)]
pub struct LdData {
    pub headline: Option<String>,
    /// `name` of the article object (used when there is no headline).
    pub name: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    /// Person authors of the article object.
    pub authors: Vec<String>,
    /// Authors that are organisations (used only when no person is named).
    pub org_authors: Vec<String>,
    pub publisher: Option<String>,
    /// `name` of a `WebSite` object.
    pub website: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// True when the main object is an article type (not a bare WebPage).
    pub is_article: bool,
    /// Every object's `@type`, lower-cased, without a schema prefix, each
    /// once (`product`, `offer`, `breadcrumblist`): what the page says it
    /// holds, read by the page-type classifier.
    pub types: Vec<String>,
}

/// Object types that carry an article.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "medicalscholarlyarticle",
    "report",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "satiricalarticle",
    "advertisertcontentarticle",
    "posting",
    "blog",
    "review",
    "recipe",
    "howto",
    "creativework",
    "videoobject",
    "podcastepisode",
];

const PAGE_TYPES: &[&str] = &[
    "webpage",
    "itempage",
    "aboutpage",
    "collectionpage",
    "profilepage",
    "qapage",
    "faqpage",
    "medicalwebpage",
];

static STRIP_WRAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<!--|-->|<!\[CDATA\[|\]\]>|^\s*//.*$").expect("valid regex"));
static TRAILING_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",(\s*[\]}])").expect("valid regex"));

/// Replace raw control characters inside JSON strings with spaces.
fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    let mut esc = false;
    for ch in s.chars() {
        if in_str {
            if esc {
                esc = false;
            } else if ch == '\\' {
                esc = true;
            } else if ch == '"' {
                in_str = false;
            } else if ch.is_control() {
                out.push(' ');
                continue;
            }
        } else if ch == '"' {
            in_str = true;
        }
        out.push(ch);
    }
    out
}

/// Parse one script's text into JSON values, as leniently as needed.
pub fn parse_script(raw: &str) -> Vec<Value> {
    if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
        return vec![v];
    }
    let cleaned = STRIP_WRAP.replace_all(raw, "");
    let cleaned = escape_controls(&cleaned);
    let cleaned = TRAILING_COMMA.replace_all(&cleaned, "$1");
    let trimmed = cleaned.trim().trim_end_matches(';');
    if let Ok(v) = serde_json::from_str::<Value>(trimmed) {
        return vec![v];
    }
    // Several values back to back (`{...}{...}` or `{...},{...}`).
    let mut out = Vec::new();
    let mut rest = trimmed;
    while !rest.is_empty() {
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                out.push(v);
                rest = rest[stream.byte_offset()..]
                    .trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
            }
            _ => break,
        }
    }
    out
}

fn lower_types(obj: &Map<String, Value>) -> Vec<String> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

fn strip_schema(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

fn has_type(obj: &Map<String, Value>, set: &[&str]) -> bool {
    lower_types(obj)
        .iter()
        .any(|t| set.contains(&strip_schema(t)))
}

/// Every object in the values, depth first, through `@graph`, arrays and
/// nested properties (a NewsArticle inside a WebPage's `mainEntity`).
fn flatten<'v>(v: &'v Value, out: &mut Vec<&'v Map<String, Value>>, depth: usize) {
    // Real JSON-LD nests a few levels; the cap bounds hostile input.
    if depth > 12 || out.len() > 500 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            for (k, x) in o {
                if matches!(x, Value::Object(_) | Value::Array(_))
                    && k != "author"
                    && k != "publisher"
                {
                    flatten(x, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A string field: a string, the first string of an array, or `@value`.
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        Value::Object(o) => return text(o.get("@value")),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = super::clean_text(&s);
    (!s.is_empty()).then_some(s)
}

/// A name: a string, or the `name` of an object (or of the first object in an array).
fn name_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(o) => text(o.get("name")),
        Value::Array(a) => a.iter().find_map(|x| name_of(Some(x))),
        other => text(Some(other)),
    }
}

fn image_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| image_of(Some(x))),
        Value::Object(o) => image_of(o.get("url")).or_else(|| image_of(o.get("contentUrl"))),
        _ => None,
    }
}

fn list_of(v: Option<&Value>, out: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => out.extend(
            s.split([',', ';'])
                .map(super::clean_text)
                .filter(|x| !x.is_empty()),
        ),
        Some(Value::Array(a)) => a.iter().for_each(|x| list_of(Some(x), out)),
        Some(Value::Object(o)) => list_of(o.get("name"), out),
        _ => {}
    }
}

/// Objects by `@id`, to follow references such as `"author": {"@id": "#author"}`.
type Ids<'v> = [(&'v str, &'v Map<String, Value>)];

fn authors_of(v: Option<&Value>, ids: &Ids<'_>, persons: &mut Vec<String>, orgs: &mut Vec<String>) {
    match v {
        Some(Value::String(s)) => {
            let s = super::clean_text(s);
            if !s.is_empty() && !s.starts_with("http") {
                persons.push(s);
            }
        }
        Some(Value::Array(a)) => a
            .iter()
            .for_each(|x| authors_of(Some(x), ids, persons, orgs)),
        Some(Value::Object(o)) => {
            let o = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                (None, Some(id)) => ids.iter().find(|(k, _)| *k == id).map_or(o, |(_, x)| *x),
                _ => o,
            };
            let Some(name) = text(o.get("name")).or_else(|| {
                // Some pages give the parts of the name only.
                let g = text(o.get("givenName"))?;
                Some(match text(o.get("familyName")) {
                    Some(f) => format!("{g} {f}"),
                    None => g,
                })
            }) else {
                return;
            };
            let types = lower_types(o);
            if types
                .iter()
                .any(|t| t.contains("organization") || t.contains("organisation"))
            {
                orgs.push(name);
            } else {
                persons.push(name);
            }
        }
        _ => {}
    }
}

static FIELD_SCAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#""(headline|datePublished|dateModified|dateCreated)"\s*:\s*"((?:[^"\\]|\\.){1,400})""#,
    )
    .expect("valid regex")
});

/// Read every script and pick the article's fields.
pub fn extract(scripts: &[String]) -> LdData {
    let mut values = Vec::new();
    let mut broken = Vec::new();
    for s in scripts {
        let v = parse_script(s);
        if v.is_empty() {
            broken.push(s.as_str());
        }
        values.extend(v);
    }
    let mut objs = Vec::new();
    for v in &values {
        flatten(v, &mut objs, 0);
    }
    let ids: Vec<(&str, &Map<String, Value>)> = objs
        .iter()
        .filter(|o| o.contains_key("name"))
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .collect();
    let main = objs
        .iter()
        .find(|o| {
            has_type(o, ARTICLE_TYPES)
                && (o.contains_key("headline") || o.contains_key("datePublished"))
        })
        .or_else(|| objs.iter().find(|o| has_type(o, ARTICLE_TYPES)))
        .map(|o| (o, true))
        .or_else(|| {
            objs.iter()
                .find(|o| has_type(o, PAGE_TYPES))
                .map(|o| (o, false))
        });
    let mut d = LdData::default();
    for o in &objs {
        for t in lower_types(o) {
            let t = strip_schema(&t);
            // A real page declares a handful of types; the cap bounds a
            // hostile one.
            if d.types.len() < 32 && !d.types.iter().any(|x| x == t) {
                d.types.push(t.to_string());
            }
        }
    }
    if let Some((o, is_article)) = main {
        d.is_article = is_article;
        d.headline = text(o.get("headline"));
        d.name = text(o.get("name"));
        d.date_published = text(o.get("datePublished"))
            .or_else(|| text(o.get("dateCreated")))
            .or_else(|| text(o.get("uploadDate")));
        d.date_modified = text(o.get("dateModified"));
        authors_of(o.get("author"), &ids, &mut d.authors, &mut d.org_authors);
        if d.authors.is_empty() && d.org_authors.is_empty() {
            authors_of(o.get("creator"), &ids, &mut d.authors, &mut d.org_authors);
        }
        d.publisher = name_of(o.get("publisher")).or_else(|| name_of(o.get("sourceOrganization")));
        d.description = text(o.get("description"));
        d.image = image_of(o.get("image")).or_else(|| image_of(o.get("thumbnailUrl")));
        list_of(o.get("keywords"), &mut d.keywords);
        list_of(o.get("articleSection"), &mut d.sections);
        d.language = text(o.get("inLanguage"));
        d.url = text(o.get("url"));
    }
    // Fields the main object lacks, from the other objects of matching kinds.
    for o in &objs {
        if has_type(o, PAGE_TYPES) || has_type(o, ARTICLE_TYPES) {
            if d.date_published.is_none() {
                d.date_published = text(o.get("datePublished"));
            }
            if d.date_modified.is_none() {
                d.date_modified = text(o.get("dateModified"));
            }
            if d.authors.is_empty() && d.org_authors.is_empty() {
                authors_of(o.get("author"), &ids, &mut d.authors, &mut d.org_authors);
            }
            if d.publisher.is_none() {
                d.publisher = name_of(o.get("publisher"));
            }
            if d.language.is_none() {
                d.language = text(o.get("inLanguage"));
            }
        }
        if d.website.is_none() && has_type(o, &["website"]) {
            d.website = text(o.get("name"));
        }
        if d.publisher.is_none() && has_type(o, &["newsmediaorganization", "organization"]) {
            d.publisher = text(o.get("name"));
        }
    }
    // Nothing parsed: pick single fields out of the raw text.
    if main.is_none() {
        for raw in broken {
            for c in FIELD_SCAN.captures_iter(raw) {
                let val = serde_json::from_str::<String>(&format!("\"{}\"", &c[2]))
                    .unwrap_or_else(|_| c[2].to_string());
                let slot = match &c[1] {
                    "headline" => &mut d.headline,
                    "datePublished" | "dateCreated" => &mut d.date_published,
                    _ => &mut d.date_modified,
                };
                if slot.is_none() {
                    *slot = Some(super::clean_text(&val));
                }
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_nested_authors() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"The Site"},
            {"@type":"WebPage","name":"Page"},
            {"@type":["NewsArticle"],"headline":"Big News","datePublished":"2022-02-28T09:30:00+03:00",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
             "publisher":{"@type":"Organization","name":"Daily"},"keywords":"a, b"}]}"#;
        let d = extract(&[s.to_string()]);
        assert_eq!(d.headline.as_deref(), Some("Big News"));
        assert_eq!(d.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(d.publisher.as_deref(), Some("Daily"));
        assert_eq!(d.website.as_deref(), Some("The Site"));
        assert_eq!(d.keywords, ["a", "b"]);
        assert!(d.is_article);
    }

    #[test]
    fn malformed_json_is_tolerated() {
        let s = "<!--\n{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"author\":\"Jane Doe\",}\n-->";
        let d = extract(&[s.to_string()]);
        assert_eq!(d.headline.as_deref(), Some("Line break"));
        assert_eq!(d.authors, ["Jane Doe"]);
        let two = r#"{"@type":"WebSite","name":"S"}{"@type":"BlogPosting","headline":"H"}"#;
        let d = extract(&[two.to_string()]);
        assert_eq!(d.headline.as_deref(), Some("H"));
        let broken =
            r#"{"@type":"NewsArticle","headline":"Broken", "datePublished":"2021-01-02" "x": }"#;
        let d = extract(&[broken.to_string()]);
        assert_eq!(d.headline.as_deref(), Some("Broken"));
        assert_eq!(d.date_published.as_deref(), Some("2021-01-02"));
    }

    #[test]
    fn organisation_author_is_kept_apart() {
        let s =
            r#"{"@type":"Article","headline":"H","author":{"@type":"Organization","name":"Org"}}"#;
        let d = extract(&[s.to_string()]);
        assert!(d.authors.is_empty());
        assert_eq!(d.org_authors, ["Org"]);
    }
}
