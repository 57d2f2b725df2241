//! Opening articles: the bundled sample (open + extract), and a 1 MB saved web page.
//! Run with `cargo bench --bench open`.

use claimdesk::{article, extract};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SAMPLE: &[u8] = include_bytes!("../assets/samples/poutine-kim-limousine.fr.txt");

/// A saved news page of about 1 MB: navigation, an article of many paragraphs with figures, a
/// comment form and a footer.
fn big_page() -> String {
    let mut body = String::new();
    let para = "<p>Le dirigeant russe a atterri en Corée du Nord tôt mercredi matin, heure locale, \
                exactement 24 ans jour pour jour après sa dernière visite à Pyongyang, selon l’agence \
                KCNA, qui a publié <a href=\"/x\">des images</a> de la cérémonie d’accueil.</p>\n";
    let mut i = 0;
    while body.len() < 1_000_000 {
        body.push_str(para);
        if i % 20 == 0 {
            body.push_str(&format!(
                "<h2>Partie {i}</h2><figure><img src=\"/i{i}.jpg\"><figcaption>Photo {i} (KCNA/AP)</figcaption></figure>\n"
            ));
        }
        i += 1;
    }
    format!(
        "<!doctype html><html lang=\"fr\"><head><title>Visite à Pyongyang</title>\
         <meta property=\"og:site_name\" content=\"Le Quotidien\"></head><body>\
         <nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>\
         <article><h1>Visite à Pyongyang</h1>{body}</article>\
         <section class=\"comments\"><h3>Laisser un commentaire</h3><form></form></section>\
         <footer>Tous droits réservés</footer></body></html>"
    )
}

fn bench_open(c: &mut Criterion) {
    c.bench_function("open + extract the French sample", |b| {
        b.iter(|| {
            let a = article::from_bytes(black_box(SAMPLE), "sample.fr.txt").unwrap();
            extract::claims(&a, extract::DEFAULT_THRESHOLD)
        })
    });
    let page = big_page();
    let mut group = c.benchmark_group("1 MB web page");
    group.sample_size(10);
    group.bench_function("open (main text, blocks, cleaning)", |b| {
        b.iter(|| article::from_bytes(black_box(page.as_bytes()), "page.html").unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_open);
criterion_main!(benches);
