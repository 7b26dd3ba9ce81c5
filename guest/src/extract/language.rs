//! Language of a text from its most frequent function words, for pages
//! whose markup does not say. Covers the languages with the most web
//! pages in Latin script; anything else stays unknown rather than guessed.

/// (language tag, function words). Words are chosen to be frequent in the
/// language and rare in the others of the list.
const PROFILES: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "is", "that", "with", "for", "this", "are", "was", "you", "have", "it"]),
    ("de", &["der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "auf", "für", "sich", "dem", "auch"]),
    ("fr", &["le", "les", "des", "est", "et", "une", "dans", "pour", "qui", "pas", "sur", "avec", "sont", "du"]),
    ("es", &["el", "los", "las", "del", "que", "por", "una", "con", "para", "es", "como", "más", "pero", "y"]),
    ("it", &["il", "della", "che", "di", "non", "per", "una", "sono", "con", "gli", "anche", "del", "è", "nel"]),
    ("pt", &["o", "os", "que", "não", "uma", "com", "para", "do", "da", "em", "são", "mais", "também", "as"]),
    ("nl", &["de", "het", "een", "van", "en", "niet", "dat", "is", "op", "zijn", "voor", "met", "ook", "wordt"]),
    ("sv", &["och", "att", "det", "som", "är", "för", "på", "inte", "med", "av", "har", "till", "den", "om"]),
    ("pl", &["i", "w", "nie", "się", "na", "jest", "to", "że", "z", "do", "jak", "ale", "co", "przez"]),
];

/// Words looked at; enough for a stable count, cheap on long pages.
const SAMPLE_WORDS: usize = 1500;
/// Fewer function-word hits than this is no evidence.
const MIN_HITS: usize = 8;
/// The winner must beat the runner-up by this factor.
const MIN_MARGIN: f32 = 1.5;

pub fn detect(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS).map(str::to_lowercase).collect();
    let mut scores: Vec<(usize, &str)> = PROFILES.iter().map(|(lang, stop)| (words.iter().filter(|w| stop.contains(&w.as_str())).count(), *lang)).collect();
    scores.sort_by_key(|&(hits, _)| std::cmp::Reverse(hits));
    let (best, lang) = scores[0];
    let runner_up = scores[1].0;
    (best >= MIN_HITS && best as f32 >= runner_up as f32 * MIN_MARGIN).then_some(lang)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn detects_common_languages() {
        assert_eq!(detect("The cat is on the mat and it was happy with that, because this is the best place for you to have a nap."), Some("en"));
        assert_eq!(
            detect("Der Hund ist nicht mit der Katze auf dem Sofa, und das ist auch gut so, denn die Katze hat eine eigene Decke für sich."),
            Some("de")
        );
        assert_eq!(detect("Le chat est dans la maison et les enfants sont sur le balcon avec une amie qui ne parle pas du tout pour le moment."), Some("fr"));
        assert_eq!(detect("El perro y los gatos de la casa que está en la calle son para una familia con niños, como siempre, pero más tarde."), Some("es"));
    }

    #[test]
    fn unknown_when_unsure() {
        assert_eq!(detect("Hello world"), None);
        assert_eq!(detect("東京は日本の首都です。"), None);
    }
}
