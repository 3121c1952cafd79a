"""Language names of the archive's "Original Language" field to BCP 47 codes."""

from __future__ import annotations

_CODES = {
    "albanian": "sq", "arabic": "ar", "bulgarian": "bg", "chinese": "zh", "croatian": "hr",
    "czech": "cs", "danish": "da", "dutch": "nl", "english": "en", "finnish": "fi",
    "french": "fr", "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi",
    "hungarian": "hu", "italian": "it", "japanese": "ja", "korean": "ko", "mongolian": "mn",
    "norwegian": "no", "persian": "fa", "polish": "pl", "portuguese": "pt", "romanian": "ro",
    "russian": "ru", "serbian": "sr", "serbo-croatian": "sh", "slovak": "sk",
    "slovenian": "sl", "spanish": "es", "swedish": "sv", "turkish": "tr", "ukrainian": "uk",
    "vietnamese": "vi", "yiddish": "yi",
}


def language_code(name: str) -> str:
    """The BCP 47 code of a language name; ``und`` (undetermined) when unknown."""
    words = name.strip().lower().replace(",", " ").split()
    for word in words:
        if word in _CODES:
            return _CODES[word]
    return "und"
