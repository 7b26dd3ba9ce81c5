//! Language of a text, for pages whose markup does not say: from its
//! script when the script names one language (kana, Hangul, Greek, Thai...)
//! or tells a few apart by their own letters (Russian and Ukrainian, Arabic,
//! Persian and Urdu); from its most frequent function words for the
//! languages with the most web pages in Latin script. Anything else stays
//! unknown rather than guessed.

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
    match by_script(text) {
        Script::Latin => by_function_words(text),
        Script::Other(language) => language,
    }
}

fn by_function_words(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS).map(str::to_lowercase).collect();
    let mut scores: Vec<(usize, &str)> = PROFILES.iter().map(|(lang, stop)| (words.iter().filter(|w| stop.contains(&w.as_str())).count(), *lang)).collect();
    scores.sort_by_key(|&(hits, _)| std::cmp::Reverse(hits));
    let (best, lang) = scores[0];
    let runner_up = scores[1].0;
    (best >= MIN_HITS && best as f32 >= runner_up as f32 * MIN_MARGIN).then_some(lang)
}

/// Letters looked at for the script; enough for a stable share.
const SAMPLE_LETTERS: usize = 3000;

/// What the letters of a text say.
enum Script {
    /// Mostly Latin letters (or none): the function words decide.
    Latin,
    /// Mostly another script, and the language it names, if it names one.
    Other(Option<&'static str>),
}

/// Letter counts per script of the first `SAMPLE_LETTERS` letters, and of
/// the letters that single out one language among those sharing a script.
#[derive(Default)]
struct Letters {
    latin: usize,
    kana: usize,
    han: usize,
    hangul: usize,
    greek: usize,
    cyrillic: usize,
    hebrew: usize,
    arabic: usize,
    thai: usize,
    other: usize,
    /// і ї є ґ: Ukrainian, not Russian.
    ukrainian: usize,
    /// ы э: Russian (and Belarusian), not Ukrainian.
    russian: usize,
    /// پ چ ژ گ ی ک: Persian (and Urdu), not Arabic.
    persian: usize,
    /// ٹ ڈ ڑ ں ے: Urdu only.
    urdu: usize,
}

impl Letters {
    fn count(text: &str) -> Letters {
        let mut n = Letters::default();
        for c in text.chars().filter(|c| c.is_alphabetic()).take(SAMPLE_LETTERS) {
            let slot = match c as u32 {
                0x0041..=0x024F | 0x1E00..=0x1EFF => &mut n.latin,
                0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => &mut n.kana,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => &mut n.han,
                0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => &mut n.hangul,
                0x0370..=0x03FF | 0x1F00..=0x1FFF => &mut n.greek,
                0x0400..=0x04FF => &mut n.cyrillic,
                0x0590..=0x05FF => &mut n.hebrew,
                0x0600..=0x06FF | 0x0750..=0x077F => &mut n.arabic,
                0x0E00..=0x0E7F => &mut n.thai,
                _ => &mut n.other,
            };
            *slot += 1;
            match c {
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => n.ukrainian += 1,
                'ы' | 'э' | 'Ы' | 'Э' => n.russian += 1,
                'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => n.persian += 1,
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' => n.urdu += 1,
                _ => {}
            }
        }
        n
    }
}

/// Japanese mixes kana into its kanji on every line; a Chinese text has
/// none, bar a quoted name: kana must be at least this share of the two.
const JAPANESE_MIN_KANA_SHARE: f32 = 0.05;
/// Letters that single out one language of a shared script must be at
/// least this share of the script's letters, and the other side's must not
/// (a Russian page quoting a Ukrainian name stays Russian; Belarusian, with
/// both, stays unknown).
const DISTINCT_LETTERS_MIN_SHARE: f32 = 0.01;

fn by_script(text: &str) -> Script {
    let n = Letters::count(text);
    let non_latin = n.kana + n.han + n.hangul + n.greek + n.cyrillic + n.hebrew + n.arabic + n.thai + n.other;
    if non_latin <= n.latin {
        return Script::Latin;
    }
    let share = |part: usize, of: usize| part as f32 >= of as f32 * DISTINCT_LETTERS_MIN_SHARE;
    let cjk = n.kana + n.han;
    let largest = [cjk, n.hangul, n.greek, n.cyrillic, n.hebrew, n.arabic, n.thai, n.other].into_iter().max().unwrap_or(0);
    let language = if largest == n.other {
        None
    } else if largest == cjk {
        Some(if n.kana as f32 >= cjk as f32 * JAPANESE_MIN_KANA_SHARE { "ja" } else { "zh" })
    } else if largest == n.hangul {
        Some("ko")
    } else if largest == n.greek {
        Some("el")
    } else if largest == n.hebrew {
        Some("he")
    } else if largest == n.thai {
        Some("th")
    } else if largest == n.cyrillic {
        // Bulgarian, Serbian and the rest have neither set: unknown.
        match (share(n.ukrainian, n.cyrillic), share(n.russian, n.cyrillic)) {
            (true, false) => Some("uk"),
            (false, true) => Some("ru"),
            _ => None,
        }
    } else if share(n.urdu, n.arabic) {
        Some("ur")
    } else if share(n.persian, n.arabic) {
        Some("fa")
    } else {
        Some("ar")
    };
    Script::Other(language)
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
        // Too few words, and a script shared by many languages.
        assert_eq!(detect("Добре дошли в нашия магазин за книги и музика"), None);
        assert_eq!(detect("मुंबई भारत का सबसे बड़ा शहर है"), None);
    }

    #[test]
    fn a_script_that_names_its_language() {
        assert_eq!(detect("東京は日本の首都です。多くの人が住んでいます。"), Some("ja"));
        assert_eq!(detect("北京是中华人民共和国的首都，也是全国的政治中心。"), Some("zh"));
        assert_eq!(detect("서울은 대한민국의 수도입니다."), Some("ko"));
        assert_eq!(detect("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας."), Some("el"));
        assert_eq!(detect("ירושלים היא עיר עתיקה."), Some("he"));
        assert_eq!(detect("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย"), Some("th"));
        // A few Latin letters (a brand, a unit) do not outvote the script.
        assert_eq!(detect("iPhone 15 の新しいカメラは、暗い場所でもきれいに撮れます。"), Some("ja"));
    }

    #[test]
    fn letters_of_their_own_tell_languages_of_one_script_apart() {
        assert_eq!(detect("Москва является столицей России, и это крупнейший город страны."), Some("ru"));
        assert_eq!(detect("Київ є столицею України, і це найбільше місто країни."), Some("uk"));
        let russian = "Москва является столицей России, и это крупнейший город страны. ".repeat(4);
        assert_eq!(detect(&format!("{russian}Он читал стихи Івана Франка.")), Some("ru"));
        assert_eq!(detect("القاهرة هي عاصمة مصر وأكبر مدنها."), Some("ar"));
        assert_eq!(detect("تهران پایتخت ایران و بزرگ‌ترین شهر کشور است."), Some("fa"));
        assert_eq!(detect("کراچی پاکستان کا سب سے بڑا شہر ہے۔"), Some("ur"));
    }
}
