//! Page types: each page under `tests/page_types/` is one kind of page, and
//! its main content is what a reader takes from a page of that kind (every
//! band of a service page, every item of a listing), not one block of it.

use pith::{Options, PageType};

fn extract(name: &str, url: &str) -> pith::Extraction {
    let path = format!(
        "{}/tests/page_types/{name}.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let opts = Options {
        url: Some(url.to_string()),
        ..Options::default()
    };
    pith::extract(&html, &opts).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn service_page_keeps_every_band_from_hero_to_faq() {
    let ex = extract("service-faq", "https://ledgerly.example/");
    assert_eq!(ex.page_type, PageType::Service);
    let text = ex.to_text();
    for part in [
        "Send invoices, track expenses and run payroll",
        "Branded invoices with payment links",
        "Pay salaried and hourly staff",
        "$39 a month",
        "Is there a contract?",
        "Plans run month to month",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
    for chrome in ["Log in", "Privacy", "© 2026"] {
        assert!(!text.contains(chrome), "{chrome:?} kept:\n{text}");
    }
}

#[test]
fn front_page_listing_keeps_every_item() {
    let ex = extract("listing-front", "https://gazette.example/");
    assert_eq!(ex.page_type, PageType::Listing);
    let text = ex.to_text();
    for item in [
        "New ferry timetable adds a late crossing",
        "Market hall reopens",
        "Regatta crews train",
        "Lighthouse keeper's cottage",
        "School roof fixed",
        "Fish prices fall as the fleet returns",
        "Auction prices dropped by a fifth",
    ] {
        assert!(text.contains(item), "{item:?} missing:\n{text}");
    }
    assert!(!text.contains("Contact"), "{text}");
}

#[test]
fn product_page_is_typed_by_its_json_ld_and_keeps_its_description() {
    let ex = extract("product-jsonld", "https://outdoor.example/item/trailhead-2");
    assert_eq!(ex.page_type, PageType::Product);
    assert!(ex.page_type_confidence >= 0.8);
    let text = ex.to_text();
    assert!(text.contains("pitches in three minutes"), "{text}");
}

#[test]
fn unclosed_aside_around_main_does_not_hide_the_page() {
    // An announcement banner's `<aside>` left open wraps the whole page;
    // furniture that holds the page's `<main>` is not furniture.
    let ex = extract("unclosed-aside", "https://acme.example/blog/lessons");
    let text = ex.to_text();
    for part in [
        "I started five companies",
        "the market decides, not the founder",
        "hiring is the job",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
}

#[test]
fn page_type_is_in_the_json_output() {
    let ex = extract("listing-front", "https://gazette.example/");
    let json = ex.to_json(&pith::RenderOptions::default());
    assert_eq!(json["page_type"], "listing");
    assert_eq!(json["page_type_confidence"], 0.6);
}
